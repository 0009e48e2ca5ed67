import type { ReactNode } from 'react'
import { ToastQueue } from 'react-stately/useToastState'
import type { NoticeAction } from './Notice'

export interface ToastMessage {
  title: string
  description?: string
  tone: 'success' | 'error' | 'info' | 'warning'
  /** More than a sentence: a list of reasons, names… */
  details?: ReactNode
  actions?: readonly NoticeAction[]
  className?: string
}

/**
 * One queue for the whole app; screens call `notify`. The queue is small and loads with the first
 * screen; the region that shows it (`ToastHost`) loads with the first message.
 */
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
