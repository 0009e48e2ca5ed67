import { useState } from 'react'
import { RestError } from '@/bitrix'
import type { Backlog } from '@/lib/backlog/backlog-fields'
import { useI18n } from '@/i18n'
import { Button } from '@/ui/Button'
import { Dialog } from '@/ui/Dialog'
import { ErrorNotice } from '@/ui/ErrorNotice'
import { notify } from '@/ui/toast-queue'
import { countBacklogItems } from '../api/count-backlog-items'
import { useDeleteBacklog } from '../api/delete-backlog'
import './backlog-settings.css'

interface DeleteBacklogDialogProps {
  /** How many items the backlog holds, when the screen knows: a backlog with items is not offered for deletion. */
  knownItemCount?: number
  backlog: Backlog
  groupName: string
  isOpen: boolean
  onOpenChange: (open: boolean) => void
}

/** Confirm first, naming the team; a refusal because of items says how many there are. */
export function DeleteBacklogDialog({ backlog, groupName, isOpen, onOpenChange, knownItemCount }: DeleteBacklogDialogProps) {
  const { t } = useI18n()
  const remove = useDeleteBacklog()
  const [refusedCount, setItemCount] = useState<number | null>(null)
  const itemCount = knownItemCount !== undefined && knownItemCount > 0 ? knownItemCount : refusedCount
  const [error, setError] = useState<unknown>(null)

  const close = (open: boolean) => {
    if (!open) {
      setItemCount(null)
      setError(null)
      remove.reset()
    }
    onOpenChange(open)
  }

  const confirm = () => {
    if (remove.isPending) return
    setError(null)
    remove.mutate(backlog, {
      onSuccess: () => {
        notify({ tone: 'success', title: t('backlog.deleted', { group: groupName }) })
        close(false)
      },
      onError: async (failure) => {
        if (failure instanceof RestError && failure.is('It is forbidden remove a backlog with items')) {
          try {
            setItemCount(await countBacklogItems(backlog.groupId, backlog.id))
            return
          } catch {
            // fall through to the portal's own refusal
          }
        }
        setError(failure)
      },
    })
  }

  return (
    <Dialog
      title={t('backlog.delete.title', { group: groupName })}
      isOpen={isOpen}
      onOpenChange={close}
      role="alertdialog"
      isDismissable={!remove.isPending}
    >
      <p>{t('backlog.delete.body')}</p>
      {itemCount !== null && (
        <p role="alert" className="ui-alert">
          {t('backlog.delete.hasItems', { count: itemCount, group: groupName })}
        </p>
      )}
      {error !== null && <ErrorNotice error={error} title={t('backlog.delete.failed')} />}
      <div className="ui-dialog__actions">
        {itemCount === null && (
          <Button variant="danger" isPending={remove.isPending} onPress={confirm}>
            {t('backlog.delete.confirm')}
          </Button>
        )}
        <Button onPress={() => close(false)} isDisabled={remove.isPending} autoFocus>
          {itemCount === null ? t('backlog.cancel') : t('app.close')}
        </Button>
      </div>
    </Dialog>
  )
}
