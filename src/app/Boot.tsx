import { StrictMode, useCallback, useEffect, useState } from 'react'
import {
  connectToPortal,
  PortalConnectionError,
  readLaunchParams,
  readPortalContext,
  type PortalContext,
} from '@/bitrix'
import { I18nProvider, resolveLanguage, useI18n } from '@/i18n'
import { App } from './App'
import { AppProviders } from './AppProviders'
import { InstallScreen } from './install/InstallScreen'
import { OutsidePortal } from './OutsidePortal'
import { findStartGroup } from './start-group'
import { startUi } from '@/stores/ui-store'
import './app.css'

type BootState =
  | { status: 'connecting' }
  | { status: 'ready'; portal: PortalContext }
  | { status: 'outside'; reason: PortalConnectionError['reason'] }

const launch = readLaunchParams()

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
    document.documentElement.lang = language
  }, [language])

  if (state.status !== 'ready') {
    return (
      <StrictMode>
        <I18nProvider language={language}>
          {state.status === 'connecting' ? <Connecting /> : <OutsidePortal reason={state.reason} />}
        </I18nProvider>
      </StrictMode>
    )
  }

  return (
    <StrictMode>
      <AppProviders portal={state.portal} language={language}>
        {state.portal.isInstallMode && !installed ? <InstallScreen onInstalled={() => setInstalled(true)} /> : <App />}
      </AppProviders>
    </StrictMode>
  )
}
