import { useI18n } from '@/i18n'
import type { Sprint } from '@/lib/sprints/sprint-fields'
import { ConfirmButtons } from '@/ui/ConfirmButtons'
import { Dialog } from '@/ui/Dialog'
import { ErrorNotice } from '@/ui/ErrorNotice'
import { notify } from '@/ui/toast-queue'
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
      <ConfirmButtons
        variant="danger"
        confirmLabel={t('sprints.delete')}
        cancelLabel={t('backlog.cancel')}
        onConfirm={confirm}
        onCancel={onClose}
        pending={remove.isPending}
      />
    </Dialog>
  )
}
