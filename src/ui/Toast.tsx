import { useSyncExternalStore } from 'react'
import { Button as AriaButton } from 'react-aria-components/Button'
import { Text } from 'react-aria-components/Text'
import { UNSTABLE_Toast as Toast, UNSTABLE_ToastContent as ToastContent, UNSTABLE_ToastRegion as ToastRegion } from 'react-aria-components/Toast'
import { Button } from './Button'
import { messagePlace } from './interaction-anchor'
import { toastQueue } from './toast-queue'
import './ui.css'

function subscribe(listener: () => void) {
  return toastQueue.subscribe(listener)
}

/** The region that shows the queue's messages; loaded on demand by `Toasts` (see `./Toasts`). */
export function ToastHost({ closeLabel }: { closeLabel: string }) {
  // Placed when the set of toasts changes: next to the action that caused the newest one.
  const toasts = useSyncExternalStore(subscribe, () => toastQueue.visibleToasts)
  const place = toasts.length > 0 ? messagePlace(document.documentElement.scrollHeight) : { top: 0, above: false }
  return (
    <ToastRegion
      queue={toastQueue}
      className="ui-toast-region"
      style={{ top: place.top, transform: place.above ? 'translateY(-100%)' : undefined }}
    >
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
