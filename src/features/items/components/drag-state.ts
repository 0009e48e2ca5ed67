import { useSyncExternalStore } from 'react'

let dragging = false
const listeners = new Set<() => void>()

/** Whether items are being dragged (by pointer or keyboard) from any list of the screen. */
export const dragState = {
  get: () => dragging,
  set(next: boolean) {
    if (next === dragging) return
    dragging = next
    for (const listener of listeners) listener()
  },
  subscribe(listener: () => void) {
    listeners.add(listener)
    return () => void listeners.delete(listener)
  },
}

/**
 * A windowed list draws its drop indicators (one per row, each with React Aria's hooks) only while
 * something is dragged: rows coming into view as it scrolls then cost half as much.
 */
export function useDragging(): boolean {
  return useSyncExternalStore(dragState.subscribe, dragState.get)
}
