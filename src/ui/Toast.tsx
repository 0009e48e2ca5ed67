import {
  Button,
  Text,
  UNSTABLE_Toast as Toast,
  UNSTABLE_ToastContent as ToastContent,
  UNSTABLE_ToastQueue as ToastQueue,
  UNSTABLE_ToastRegion as ToastRegion,
} from 'react-aria-components'
import './ui.css'

export interface ToastMessage {
  title: string
  description?: string
  tone: 'success' | 'error' | 'info'
}

/** One queue for the whole app; screens call `notify`, the region renders them politely. */
export const toastQueue = new ToastQueue<ToastMessage>({ maxVisibleToasts: 3 })

export function notify(message: ToastMessage, timeout = message.tone === 'error' ? 8000 : 5000) {
  return toastQueue.add(message, { timeout })
}

export function ToastHost({ closeLabel }: { closeLabel: string }) {
  return (
    <ToastRegion queue={toastQueue} className="ui-toast-region">
      {({ toast }) => (
        <Toast toast={toast} className={`ui-toast ui-toast--${toast.content.tone}`}>
          <ToastContent className="ui-toast__content">
            <Text slot="title" className="ui-toast__title">
              {toast.content.title}
            </Text>
            {toast.content.description && <Text slot="description">{toast.content.description}</Text>}
          </ToastContent>
          <Button slot="close" className="ui-toast__close" aria-label={closeLabel}>
            ×
          </Button>
        </Toast>
      )}
    </ToastRegion>
  )
}
