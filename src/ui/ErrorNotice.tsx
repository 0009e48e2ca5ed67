import { RestError } from '../bitrix'
import { useI18n } from '../i18n'
import { describeError } from '../lib/error-message'
import { Button } from './Button'
import './ui.css'

/** A failed request, said in the user's language, with the portal's own words kept as a detail. */
export function ErrorNotice({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t } = useI18n()
  const details = error instanceof RestError && error.description ? error.description : undefined
  return (
    <div role="alert" className="ui-alert">
      <h2 className="ui-alert__title">{title ?? t('error.title')}</h2>
      <p style={{ margin: 0 }}>{describeError(error, t)}</p>
      {details && <p className="ui-alert__details">{t('error.details', { description: details })}</p>}
      {onRetry && (
        <div className="ui-alert__actions">
          <Button size="s" onPress={onRetry}>
            {t('error.retry')}
          </Button>
        </div>
      )}
    </div>
  )
}
