import { useSyncExternalStore, type ReactNode } from 'react'
import {
  Button as AriaButton,
  Text,
  UNSTABLE_Toast as Toast,
  UNSTABLE_ToastContent as ToastContent,
  UNSTABLE_ToastQueue as ToastQueue,
  UNSTABLE_ToastRegion as ToastRegion,
} from 'react-aria-components'
import { Button } from './Button'
import { lastInteractionTop } from './interaction-anchor'
import type { NoticeAction } from './Notice'
import './ui.css'

export interface ToastMessage {
  title: string
  description?: string
  tone: 'success' | 'error' | 'info' | 'warning'
  /** More than a sentence: a list of reasons, names… */
  details?: ReactNode
  actions?: readonly NoticeAction[]
  className?: string
}

/** One queue for the whole app; screens call `notify`, the region renders them politely. */
export const toastQueue = new ToastQueue<ToastMessage>({ maxVisibleToasts: 3 })

/**
 * Show a message next to where the person last acted. Confirmations fade after a few seconds;
 * failures and anything with actions stay until dealt with. Returns a function that closes it.
 */
export function notify(message: ToastMessage, timeout?: number | null): () => void {
  const stays = message.tone === 'error' || message.tone === 'warning' || (message.actions?.length ?? 0) > 0
  const key = toastQueue.add(message, timeout === null || (timeout === undefined && stays) ? {} : { timeout: timeout ?? 5000 })
  return () => toastQueue.close(key)
}

function subscribe(listener: () => void) {
  return toastQueue.subscribe(listener)
}

export function ToastHost({ closeLabel }: { closeLabel: string }) {
  // Placed when the set of toasts changes: next to the action that caused the newest one.
  const toasts = useSyncExternalStore(subscribe, () => toastQueue.visibleToasts)
  const top = toasts.length > 0 ? lastInteractionTop() : 0
  return (
    <ToastRegion queue={toastQueue} className="ui-toast-region" style={{ top }}>
      {({ toast }) => (
        <Toast toast={toast} className={['ui-toast', `ui-toast--${toast.content.tone}`, toast.content.className].filter(Boolean).join(' ')}>
          <ToastContent className="ui-toast__content">
            <Text slot="title" className="ui-toast__title">
              {toast.content.title}
            </Text>
            {toast.content.description && <Text slot="description">{toast.content.description}</Text>}
            {toast.content.details}
            {toast.content.actions && toast.content.actions.length > 0 && (
              <div className="ui-toast__actions">
                {toast.content.actions.map((action) => (
                  <Button key={action.label} size="s" variant={action.variant} isPending={action.isPending} onPress={action.onPress}>
                    {action.label}
                  </Button>
                ))}
              </div>
            )}
          </ToastContent>
          <AriaButton slot="close" className="ui-toast__close" aria-label={closeLabel}>
            ×
          </AriaButton>
        </Toast>
      )}
    </ToastRegion>
  )
}
