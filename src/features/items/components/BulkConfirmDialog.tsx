import { useI18n } from '@/i18n'
import { ConfirmButtons } from '@/ui/ConfirmButtons'
import { Dialog } from '@/ui/Dialog'

interface BulkConfirmDialogProps {
  count: number
  /** What will happen, in a sentence that names the count and the value. */
  what: string
  onConfirm: () => void
  onCancel: () => void
}

/** A change of many items at once, asked first. Cancel has the focus: Enter never changes them by accident. */
export function BulkConfirmDialog({ count, what, onConfirm, onCancel }: BulkConfirmDialogProps) {
  const { t } = useI18n()
  return (
    <Dialog title={t('items.bulk.confirmTitle', { count })} role="alertdialog" isOpen onOpenChange={(open) => !open && onCancel()}>
      <p>{what}</p>
      <ConfirmButtons
        confirmLabel={t('items.bulk.confirmAction', { count })}
        cancelLabel={t('backlog.cancel')}
        onConfirm={onConfirm}
        onCancel={onCancel}
        pending={false}
      />
    </Dialog>
  )
}
