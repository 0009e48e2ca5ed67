import { useI18n } from '@/i18n'

const devPortalUrl = import.meta.env.VITE_PORTAL_URL ?? 'http://localhost:7100/'

/** Opened outside a Bitrix24 frame (or the frame never answered): explain how to open the app. */
export function OutsidePortal({ reason }: { reason: 'not-in-frame' | 'no-answer' | 'failed' }) {
  const { t } = useI18n()
  return (
    <main className="page-message">
      <h1>{t('outside.title')}</h1>
      {reason !== 'not-in-frame' && <p role="alert">{t('outside.noAnswer')}</p>}
      <p>{t('outside.body')}</p>
      <ol>
        <li>{t('outside.step1')}</li>
        <li>{t('outside.step2')}</li>
        <li>{t('outside.step3')}</li>
      </ol>
      {import.meta.env.DEV && (
        <p className="page-message__dev">
          {t('outside.dev')} <a href={devPortalUrl}>{t('outside.link')}</a>
        </p>
      )}
    </main>
  )
}
