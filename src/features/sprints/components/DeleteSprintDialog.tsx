import { useI18n } from '@/i18n'
import type { Sprint } from '@/lib/sprints/sprint-fields'
import { Button, Dialog, ErrorNotice, notify } from '@/ui'
import { useDeleteSprint } from '../api/delete-sprint'

/** Delete a planned sprint after saying how many items go back to the backlog. */
export function DeleteSprintDialog({ sprint, count, onClose }: { sprint: Sprint; count: number; onClose: () => void }) {
  const { t } = useI18n()
  const remove = useDeleteSprint()
  const confirm = () =>
    remove.mutate(sprint, {
      onSuccess: () => {
        notify({ tone: 'success', title: t('sprints.deleted', { sprint: sprint.name }) })
        onClose()
      },
    })
  return (
    <Dialog title={t('sprints.deleteTitle', { sprint: sprint.name })} isOpen onOpenChange={(open) => !open && onClose()} role="alertdialog">
      <p>{count > 0 ? t('sprints.deleteItems', { count }) : t('sprints.deleteEmpty')}</p>
      {remove.isError && <ErrorNotice error={remove.error} title={t('sprints.notDeleted')} />}
      <div className="ui-dialog__actions">
        <Button variant="danger" isPending={remove.isPending} onPress={confirm}>
          {t('sprints.delete')}
        </Button>
        <Button onPress={onClose} isDisabled={remove.isPending} autoFocus>
          {t('backlog.cancel')}
        </Button>
      </div>
    </Dialog>
  )
}
