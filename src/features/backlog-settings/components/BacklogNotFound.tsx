import type { Group } from '@/lib/groups/workgroup-fields'
import { useCurrentUser } from '@/lib/users/get-current-user'
import { useI18n } from '@/i18n'
import { Button } from '@/ui/Button'
import { ErrorNotice } from '@/ui/ErrorNotice'
import { notify } from '@/ui/toast-queue'
import { useAddBacklog } from '../api/add-backlog'
import './backlog-settings.css'

/** The scrum has no backlog yet: say why that happens and offer to create it. */
export function BacklogNotFound({ groupId, group }: { groupId: number; group: Group | null | undefined }) {
  const { t } = useI18n()
  const me = useCurrentUser()
  const add = useAddBacklog()
  const name = group?.name ?? `#${groupId}`

  const create = () => {
    if (add.isPending || !me.data) return
    add.mutate(
      { groupId, createdBy: me.data.id },
      { onSuccess: () => notify({ tone: 'success', title: t('backlog.created', { group: name }) }) },
    )
  }

  return (
    <section className="backlog-empty" aria-labelledby="no-backlog-title">
      <h3 id="no-backlog-title">{t('backlog.none.title')}</h3>
      <p>{t('backlog.none.why')}</p>
      <p>{t('backlog.none.offer')}</p>
      {add.isError && <ErrorNotice error={add.error} />}
      {me.isError && <ErrorNotice error={me.error} onRetry={() => void me.refetch()} />}
      <Button variant="primary" isPending={add.isPending} isDisabled={!me.data} onPress={create}>
        {t('backlog.create')}
      </Button>
    </section>
  )
}
