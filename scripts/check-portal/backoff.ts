/**
 * Staying inside the portal's limits (digest §10.2): a leaky bucket per portal (burst 50, then 2 per
 * second on non-Enterprise plans → 503 QUERY_LIMIT_EXCEEDED) and a per-method operating-time budget
 * (→ 429 OPERATION_TIME_LIMIT). The suite paces itself with the same bucket on its side, so it
 * normally never sees a 503, and backs off when it does anyway (other apps share the bucket).
 */

export interface Clock {
  now(): number
  sleep(ms: number): Promise<void>
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
}

export interface PacerSettings {
  burst: number
  perSecond: number
}

/** A client-side copy of the portal's bucket: a request waits until it would not overflow it. */
export class Pacer {
  private level = 0
  private at: number
  /** Requests queue up here, so concurrent callers are paced one after another. */
  private queue: Promise<void> = Promise.resolve()

  constructor(
    readonly settings: PacerSettings,
    private readonly clock: Clock = realClock,
  ) {
    this.at = clock.now()
  }

  private drain(): void {
    const now = this.clock.now()
    this.level = Math.max(0, this.level - ((now - this.at) / 1000) * this.settings.perSecond)
    this.at = now
  }

  /** How long the next request would have to wait now, in ms. */
  waitMs(): number {
    this.drain()
    const excess = this.level + 1 - this.settings.burst
    return excess <= 0 ? 0 : Math.ceil((excess / this.settings.perSecond) * 1000)
  }

  /** Wait for room in the bucket, then count the request. */
  take(): Promise<void> {
    const turn = this.queue.then(async () => {
      for (let wait = this.waitMs(); wait > 0; wait = this.waitMs()) await this.clock.sleep(wait)
      this.level += 1
    })
    this.queue = turn.catch(() => undefined)
    return turn
  }

  /** The portal said the bucket is full: believe it, so the next requests go at the drain rate. */
  saturate(): void {
    this.drain()
    this.level = Math.max(this.level, this.settings.burst)
  }
}

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number
  /** First wait after a 503, doubled each time, capped at `capMs`. */
  baseMs: number
  capMs: number
  /** Wait after a 429 when the portal gave no reset time. */
  operatingMs: number
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 6, baseMs: 1000, capMs: 16_000, operatingMs: 30_000 }

/** The answers that mean "not run, try later": only these are sent again (they are safe for writes too). */
export function isRetryable(status: number, error: unknown): boolean {
  return (status === 503 && error === 'QUERY_LIMIT_EXCEEDED') || (status === 429 && error === 'OPERATION_TIME_LIMIT')
}

/**
 * Wait before attempt `attempt + 1` (attempt counts from 0), or null to give up.
 * `resetAtMs`: when the method's operating budget frees up, if a success told us (`time.operating_reset_at`).
 * `jitter` in [0, 1) spreads clients that were turned away together.
 */
export function retryDelayMs(
  error: 'QUERY_LIMIT_EXCEEDED' | 'OPERATION_TIME_LIMIT',
  attempt: number,
  policy: RetryPolicy = DEFAULT_RETRY,
  opts: { nowMs?: number; resetAtMs?: number; jitter?: number } = {},
): number | null {
  if (attempt + 1 >= policy.maxAttempts) return null
  const jitter = Math.floor((opts.jitter ?? 0) * 250)
  if (error === 'OPERATION_TIME_LIMIT') {
    // The budget is per method and frees up only when its oldest minute drops out: a short retry loop is useless.
    if (attempt >= 2) return null
    const untilReset = opts.resetAtMs !== undefined && opts.nowMs !== undefined ? opts.resetAtMs - opts.nowMs : undefined
    return (untilReset !== undefined && untilReset > 0 ? Math.min(untilReset, 10 * 60_000) : policy.operatingMs) + jitter
  }
  return Math.min(policy.baseMs * 2 ** attempt, policy.capMs) + jitter
}
