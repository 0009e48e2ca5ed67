import { hashKey, type QueryKey } from '@tanstack/react-query'

/**
 * A screen that reads many small things in one `batch` stores what came back in each query's
 * cache. What FAILED is handed over here instead, so the query's first run reports that failure
 * (with its Retry) rather than silently asking the portal a second time.
 */
const handed = new Map<string, { error: unknown; at: number }>()
/** Older than this, a handed-over failure is not used: the screen has moved on. */
const HANDOVER_MS = 10_000

export function handOverFailure(queryKey: QueryKey, error: unknown): void {
  handed.set(hashKey(queryKey), { error, at: Date.now() })
}

/** Called first by a query's fetcher: throws the failure handed over for it, once. */
export function throwHandedOver(queryKey: QueryKey): void {
  const hash = hashKey(queryKey)
  const entry = handed.get(hash)
  handed.delete(hash)
  if (entry && Date.now() - entry.at < HANDOVER_MS) throw entry.error
}
