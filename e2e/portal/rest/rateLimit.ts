/**
 * Leaky bucket per client IP (digest §10.2): each HTTP request adds 1, the level drains by
 * `drainPerSecond`; a request that would lift it above `burst` gets 503 QUERY_LIMIT_EXCEEDED.
 * A batch is one request.
 */
export interface RateLimitSettings {
  enabled: boolean
  burst: number
  drainPerSecond: number
}

export class LeakyBucket {
  private readonly levels = new Map<string, { level: number; at: number }>()

  constructor(public settings: RateLimitSettings) {}

  configure(settings: RateLimitSettings): void {
    this.settings = settings
    this.levels.clear()
  }

  /** true = let the request through (and count it). */
  admit(key: string, now = Date.now()): boolean {
    if (!this.settings.enabled) return true
    const state = this.levels.get(key) ?? { level: 0, at: now }
    state.level = Math.max(0, state.level - ((now - state.at) / 1000) * this.settings.drainPerSecond)
    state.at = now
    this.levels.set(key, state)
    if (state.level + 1 > this.settings.burst) return false
    state.level += 1
    return true
  }
}
