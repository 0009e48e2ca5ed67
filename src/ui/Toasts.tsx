import { lazy, Suspense, useSyncExternalStore } from 'react'
import { toastQueue } from './toast-queue'
// Listening from the start: the first message, whose region loads with it, must know where the person acted.
import './interaction-anchor'

const ToastHost = lazy(() => import('./Toast').then((module) => ({ default: module.ToastHost })))

let queued = false
function subscribe(listener: () => void) {
  return toastQueue.subscribe(listener)
}
function anyQueued() {
  queued ||= toastQueue.visibleToasts.length > 0
  return queued
}

/**
 * The toast region, fetched when the first message is queued: most visits to the team picker never
 * show one, and the region (landmark, live announcements, close buttons) is not small. Once loaded
 * it stays mounted.
 */
export function Toasts({ closeLabel }: { closeLabel: string }) {
  const needed = useSyncExternalStore(subscribe, anyQueued)
  return needed ? (
    <Suspense fallback={null}>
      <ToastHost closeLabel={closeLabel} />
    </Suspense>
  ) : null
}
