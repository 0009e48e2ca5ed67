import type { Group } from '@/lib/groups/workgroup-fields'
import { useI18n } from '@/i18n'
import { Button } from '@/ui/Button'
import '@/features/backlog-settings/components/backlog-settings.css'

/** The group of a workgroup tab (or a remembered one) does not exist, or this user cannot see it. */
export function GroupNotFound({ groupId, onBack }: { groupId: number; onBack: () => void }) {
  const { t } = useI18n()
  return (
    <section className="backlog-empty" aria-labelledby="group-missing-title">
      <h3 id="group-missing-title">{t('group.missing.title', { id: String(groupId) })}</h3>
      <p>{t('group.missing.body')}</p>
      <Button onPress={onBack}>{t('backlog.chooseAnother')}</Button>
    </section>
  )
}

/** A workgroup or project that is not a scrum: the backlog screen has nothing to offer, least of all a new backlog. */
export function NotAScrum({ group, onBack }: { group: Group; onBack: () => void }) {
  const { t } = useI18n()
  return (
    <section className="backlog-empty" aria-labelledby="not-scrum-title">
      <h3 id="not-scrum-title">
        {group.kind === 'project' ? t('group.project.title', { name: group.name }) : t('group.plain.title', { name: group.name })}
      </h3>
      <p>{t('group.notScrum.body')}</p>
      <Button onPress={onBack}>{t('backlog.chooseAnother')}</Button>
    </section>
  )
}
