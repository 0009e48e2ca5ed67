import { useState } from 'react'
import { finishInstall } from '@/bitrix'
import { useI18n } from '@/i18n'
import { Button } from '@/ui/Button'
import { ErrorNotice } from '@/ui/ErrorNotice'
import { usePortal } from '@/lib/portal-context'
import { bindGroupTab, ownHandlerUrl } from './bind-group-tab'

/**
 * Bitrix24 keeps an app in install mode (inert for non-admins) until it calls installFinish.
 * Installing adds the app's tab to workgroups, then finishes.
 */
export function InstallScreen({ onInstalled }: { onInstalled: () => void }) {
  const { t } = useI18n()
  const portal = usePortal()
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const finish = async () => {
    if (pending) return
    setPending(true)
    setError(null)
    try {
      await bindGroupTab(ownHandlerUrl())
      await finishInstall()
      onInstalled()
    } catch (failure) {
      setError(failure)
    } finally {
      setPending(false)
    }
  }
  // Binding the tab is for administrators only: a member is told so instead of being refused.
  if (!portal.isAdmin) {
    return (
      <main className="page-message">
        <h1>{t('app.install.title')}</h1>
        <p role="status">{t('app.install.adminOnly')}</p>
      </main>
    )
  }

  return (
    <main className="page-message">
      <h1>{t('app.install.title')}</h1>
      <p>{t('app.install.body')}</p>
      {error !== null && <ErrorNotice error={error} />}
      <Button variant="primary" isPending={pending} onPress={() => void finish()}>
        {t('app.install.action')}
      </Button>
    </main>
  )
}
