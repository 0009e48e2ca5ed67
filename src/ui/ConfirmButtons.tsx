import { Button } from './Button'
import './ui.css'

interface ConfirmButtonsProps {
  confirmLabel: string
  cancelLabel: string
  onConfirm: () => void
  onCancel: () => void
  pending: boolean
  /** Danger for what cannot be undone. */
  variant?: 'primary' | 'danger'
}

/**
 * The two buttons of a confirmation: the action, and Cancel, which has the focus so that Enter
 * never does the irreversible thing by accident; both wait while the action runs.
 */
export function ConfirmButtons({ confirmLabel, cancelLabel, onConfirm, onCancel, pending, variant = 'primary' }: ConfirmButtonsProps) {
  return (
    <div className="ui-dialog__actions">
      <Button variant={variant} isPending={pending} onPress={onConfirm}>
        {confirmLabel}
      </Button>
      <Button onPress={onCancel} isDisabled={pending} autoFocus>
        {cancelLabel}
      </Button>
    </div>
  )
}
