import { usePortal } from '../../app/PortalContext'
import { useI18n } from '../../i18n'
import { ErrorNotice } from '../../ui'
import { useWelcome } from './api/get-welcome'

/** The first screen: who you are, which portal you are in and what you can see there, read over REST. */
export function HomeScreen() {
  const { t } = useI18n()
  const portal = usePortal()
  const welcome = useWelcome()

  if (welcome.isPending) return <p aria-busy="true">{t('home.loadingUser')}</p>
  if (welcome.isError) return <ErrorNotice error={welcome.error} onRetry={() => void welcome.refetch()} />
  return (
    <section aria-labelledby="greeting">
      <h1 id="greeting">{t('home.greeting', { name: welcome.data.user.firstName })}</h1>
      <p>{t('home.portal', { domain: portal.domain })}</p>
      <p>{t('home.scrums', { count: welcome.data.scrumCount })}</p>
    </section>
  )
}
