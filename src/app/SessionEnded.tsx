import { useSyncExternalStore } from 'react'
import { isSessionEnded, onSessionEnded } from '@/bitrix'
import { useI18n } from '@/i18n'
import { Notice } from '@/ui/Notice'

/**
 * Once the portal stops renewing the app's session, every action would fail the same way: say it
 * once, at the top, with the one thing that helps.
 */
export function SessionEnded() {
  const { t } = useI18n()
  const ended = useSyncExternalStore(onSessionEnded, isSessionEnded)
  if (!ended) return null
  return (
    <Notice
      tone="error"
      title={t('session.ended.title')}
      className="session-ended"
      actions={[{ label: t('session.ended.reload'), onPress: () => window.location.reload(), variant: 'primary' }]}
    >
      <p className="ui-alert__text">{t('session.ended.body')}</p>
    </Notice>
  )
}
