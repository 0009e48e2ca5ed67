import { QueryClientProvider } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import type { PortalContext } from '@/bitrix'
import { I18nProvider, useI18n, type Language } from '@/i18n'
import { createQueryClient } from '@/lib/react-query'
import { Button } from '@/ui/Button'
import { Toasts } from '@/ui/Toasts'
import { ErrorBoundary } from './ErrorBoundary'
import { PortalInfoContext } from '@/lib/portal-context'

function CrashPage() {
  const { t } = useI18n()
  return (
    <main className="page-message" role="alert">
      <h1>{t('app.crashed.title')}</h1>
      <p>{t('app.crashed.body')}</p>
      <Button variant="primary" onPress={() => window.location.reload()}>
        {t('app.reload')}
      </Button>
    </main>
  )
}

function AppToasts() {
  const { t } = useI18n()
  return <Toasts closeLabel={t('app.close')} />
}

export function AppProviders({ portal, language, children }: { portal: PortalContext; language: Language; children: ReactNode }) {
  const [queryClient] = useState(createQueryClient)
  return (
    <I18nProvider language={language}>
      <ErrorBoundary fallback={() => <CrashPage />}>
        <PortalInfoContext.Provider value={portal}>
          <QueryClientProvider client={queryClient}>
            {children}
            <AppToasts />
          </QueryClientProvider>
        </PortalInfoContext.Provider>
      </ErrorBoundary>
    </I18nProvider>
  )
}
