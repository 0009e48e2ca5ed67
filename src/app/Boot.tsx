import { StrictMode, Suspense, useCallback, useEffect, useState } from 'react'
import {
  connectToPortal,
  PortalConnectionError,
  readLaunchParams,
  readPortalContext,
  type PortalContext,
} from '@/bitrix'
import { I18nProvider, localeOf, resolveLanguage, useI18n } from '@/i18n'
import { App, PlanningScreen, ScrumGroupsScreen } from './App'
import { AppProviders } from './AppProviders'
import { findStartGroup } from './start-group'
import { startUi } from '@/stores/ui-store'
import { lazyComponent } from '@/lib/lazy-component'
import './app.css'

type BootState =
  | { status: 'connecting' }
  | { status: 'ready'; portal: PortalContext }
  | { status: 'outside'; reason: PortalConnectionError['reason'] }

const launch = readLaunchParams()

// Seen once (installing) or never (the app opened outside a portal): not part of a screen's first load.
const InstallScreen = lazyComponent(() => import('./install/InstallScreen').then((module) => module.InstallScreen))
const OutsidePortal = lazyComponent(() => import('./OutsidePortal').then((module) => module.OutsidePortal))

function Connecting() {
  const { t } = useI18n()
  return (
    <main className="page-message" aria-busy="true">
      <p>{t('app.loading')}</p>
    </main>
  )
}

/** Connect to the portal, then render the app; outside a portal, explain how to open it. */
export function Boot() {
  const [state, setState] = useState<BootState>({ status: 'connecting' })
  const [installed, setInstalled] = useState(false)

  const connect = useCallback(() => {
    let cancelled = false
    connectToPortal()
      .then(async (b24) => {
        const portal = readPortalContext(b24)
        const startGroup = await findStartGroup(portal)
        // The first screen's code downloads while React renders the frame around it.
        void (startGroup === null ? ScrumGroupsScreen : PlanningScreen).preload().catch(() => undefined)
        if (cancelled) return
        startUi(startGroup)
        setState({ status: 'ready', portal })
      })
      .catch((error: unknown) => {
        if (cancelled) return
        const reason = error instanceof PortalConnectionError ? error.reason : 'failed'
        setState({ status: 'outside', reason })
      })
    // A cancelled effect only drops its result: the shared frame is never destroyed.
    return () => {
      cancelled = true
    }
  }, [])

  useEffect(connect, [connect])

  const language = resolveLanguage(
    state.status === 'ready' ? state.portal.lang : null,
    launch.lang,
    typeof navigator === 'undefined' ? null : navigator.language,
  )

  // Screen readers pick their voice from the page's language.
  useEffect(() => {
    document.documentElement.lang = localeOf(language)
  }, [language])

  if (state.status !== 'ready') {
    return (
      <StrictMode>
        <I18nProvider language={language}>
          {state.status === 'connecting' ? (
            <Connecting />
          ) : (
            <Suspense fallback={<Connecting />}>
              <OutsidePortal reason={state.reason} />
            </Suspense>
          )}
        </I18nProvider>
      </StrictMode>
    )
  }

  return (
    <StrictMode>
      <AppProviders portal={state.portal} language={language}>
        {state.portal.isInstallMode && !installed ? (
          <Suspense fallback={<Connecting />}>
            <InstallScreen onInstalled={() => setInstalled(true)} />
          </Suspense>
        ) : (
          <App />
        )}
      </AppProviders>
    </StrictMode>
  )
}
