/**
 * Per-method operating-time budget (digest §10.2): the seconds one app or webhook spent in a method,
 * summed over ten one-minute baskets. Above the limit the next call of THAT method gets
 * `429 OPERATION_TIME_LIMIT`; `operating_reset_at` is when the oldest basket drops out (its first
 * call + 10 minutes). On by default with the cloud's documented 480 s per 10 minutes.
 *
 * Real processing here takes microseconds, so every call is charged a simulated cost per kind of
 * method (methodCost) on top of the measured time: a bulk run of thousands of updates meets the
 * limit as it would on a real portal, while a whole e2e suite (a few thousand calls, mostly reads)
 * stays far below it. `costSeconds` replaces the simulated cost with a fixed one (tests).
 */
import type { OperatingStats } from './envelope'

export interface OperatingSettings {
  enabled: boolean
  limitSeconds: number
  windowSeconds: number
  /** Seconds charged per call instead of the method's simulated cost; null = methodCost(method) + the measured time. */
  costSeconds: number | null
}

/** Simulated seconds per call (a few ms for reads, more for lists and writes), by the method's last word. */
const COSTS: ReadonlyArray<readonly [RegExp, number]> = [
  [/\.getfields$/, 0.002],
  [/^user\.current$/, 0.004],
  [/\.(list|search)$|^user\.get$|^sonet_group\.get$/, 0.03],
  [/\.get$/, 0.006],
  [/\.(add|create)$/, 0.12],
  [/\.(update|start|complete)$/, 0.1],
  [/\.delete$/, 0.08],
]

/** What one call of `method` (lowercase) costs in simulated processing seconds. */
export function methodCost(method: string): number {
  for (const [pattern, cost] of COSTS) if (pattern.test(method)) return cost
  return 0.02
}

/** The budget is kept in this many baskets, each a tenth of the window (one minute by default). */
const BASKETS = 10

interface Basket {
  index: number
  /** The first call in the basket (ms). */
  firstAt: number
  cost: number
}

export class OperatingBudget {
  private readonly usage = new Map<string, Basket[]>()

  constructor(public settings: OperatingSettings) {}

  configure(settings: OperatingSettings): void {
    this.settings = settings
    this.usage.clear()
  }

  private basketMs(): number {
    return (this.settings.windowSeconds * 1000) / BASKETS
  }

  /** The baskets of the last window, oldest first. */
  private baskets(key: string, now: number): Basket[] {
    const current = Math.floor(now / this.basketMs())
    const list = (this.usage.get(key) ?? []).filter((b) => b.index > current - BASKETS)
    this.usage.set(key, list)
    return list
  }

  stats(clientKey: string, method: string, now = Date.now()): OperatingStats {
    const fallback = Math.floor(now / 1000) + this.settings.windowSeconds
    if (!this.settings.enabled) return { operating: 0, resetAt: fallback }
    const list = this.baskets(`${clientKey}|${method}`, now)
    const oldest = list[0]
    return {
      operating: Math.round(list.reduce((sum, b) => sum + b.cost, 0) * 10_000) / 10_000,
      resetAt: oldest ? Math.floor(oldest.firstAt / 1000) + this.settings.windowSeconds : fallback,
    }
  }

  isBlocked(clientKey: string, method: string, now = Date.now()): boolean {
    return this.settings.enabled && this.stats(clientKey, method, now).operating >= this.settings.limitSeconds
  }

  /** Charge one finished call: the fixed cost, or the method's simulated cost plus the measured time. */
  charge(clientKey: string, method: string, processingSeconds: number, now = Date.now()): void {
    if (!this.settings.enabled) return
    const cost = this.settings.costSeconds ?? methodCost(method) + processingSeconds
    const list = this.baskets(`${clientKey}|${method}`, now)
    const index = Math.floor(now / this.basketMs())
    const last = list.at(-1)
    if (last && last.index === index) last.cost += cost
    else list.push({ index, firstAt: now, cost })
  }
}
