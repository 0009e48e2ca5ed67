import type { Backlog } from '@/lib/backlog/backlog-fields'
import type { Group } from '@/lib/groups/workgroup-fields'
import { useI18n } from '@/i18n'
import { Button } from '@/ui/Button'
import { Dialog } from '@/ui/Dialog'
import { BacklogDetails } from './BacklogDetails'
import './backlog-settings.css'

interface BacklogSettingsDialogProps {
  backlog: Backlog
  group: Group | null | undefined
  /** The backlog's items, when known: deleting or moving it is offered only when it is empty. */
  itemCount: number | undefined
  onClose: () => void
  onEdit: () => void
  onDelete: () => void
}

/** The backlog's record (ID, team, who created and last changed it) and what can be done to it. */
export function BacklogSettingsDialog({ backlog, group, itemCount, onClose, onEdit, onDelete }: BacklogSettingsDialogProps) {
  const { t } = useI18n()
  const blocked = itemCount !== undefined && itemCount > 0
  return (
    <Dialog title={t('backlog.settings.title')} isOpen onOpenChange={(open) => !open && onClose()}>
      <BacklogDetails backlog={backlog} group={group} />
      {blocked && <p className="form-note">{t('backlog.settings.hasItems', { count: itemCount })}</p>}
      <div className="ui-dialog__actions">
        <Button onPress={onEdit}>{t('backlog.edit.open')}</Button>
        <Button variant="danger" isDisabled={blocked} onPress={onDelete}>
          {t('backlog.delete.open')}
        </Button>
        <Button onPress={onClose} autoFocus>
          {t('app.close')}
        </Button>
      </div>
    </Dialog>
  )
}
