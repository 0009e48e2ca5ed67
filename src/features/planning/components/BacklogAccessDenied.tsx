import { useI18n } from '@/i18n'
import { Button } from '@/ui/Button'
import '@/features/backlog-settings/components/backlog-settings.css'

export function BacklogAccessDenied({ onBack }: { onBack: () => void }) {
  const { t } = useI18n()
  return (
    <section className="backlog-denied" role="alert" aria-labelledby="denied-title">
      <h3 id="denied-title">{t('error.accessDenied')}</h3>
      <p>{t('backlog.denied.body')}</p>
      <Button onPress={onBack}>{t('backlog.chooseAnother')}</Button>
    </section>
  )
}
