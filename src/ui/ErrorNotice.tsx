import { RestError } from '@/bitrix'
import { useI18n } from '@/i18n'
import { causeOf } from '@/lib/changes/create-once'
import { describeError } from '@/lib/error-message'
import { Notice } from './Notice'

/** A failed request, said in the user's language, with the portal's own words kept as a detail. */
export function ErrorNotice({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t } = useI18n()
  const cause = causeOf(error)
  const details = cause instanceof RestError && cause.description ? cause.description : undefined
  return (
    <Notice
      tone="error"
      title={title ?? t('error.title')}
      actions={onRetry ? [{ label: t('error.retry'), onPress: onRetry }] : []}
    >
      <p style={{ margin: 0 }}>{describeError(error, t)}</p>
      {details && <p className="ui-alert__details">{t('error.details', { description: details })}</p>}
    </Notice>
  )
}
