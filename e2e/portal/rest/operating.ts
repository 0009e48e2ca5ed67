/**
 * Per-method operating-time budget (digest §10.2): seconds spent in a method by one app/webhook,
 * summed over a 10-minute window. Off by default; tests turn it on with a fake per-call cost,
 * because real processing here takes microseconds.
 */
import type { OperatingStats } from './envelope'

export interface OperatingSettings {
  enabled: boolean
  limitSeconds: number
  windowSeconds: number
  /** Seconds charged per call; null = the measured processing time. */
  costSeconds: number | null
}

export class OperatingBudget {
  private readonly usage = new Map<string, Array<{ at: number; cost: number }>>()

  constructor(public settings: OperatingSettings) {}

  configure(settings: OperatingSettings): void {
    this.settings = settings
    this.usage.clear()
  }

  private entries(key: string, now: number): Array<{ at: number; cost: number }> {
    const list = (this.usage.get(key) ?? []).filter((e) => e.at > now - this.settings.windowSeconds * 1000)
    this.usage.set(key, list)
    return list
  }

  stats(clientKey: string, method: string, now = Date.now()): OperatingStats {
    const fallback = Math.floor(now / 1000) + this.settings.windowSeconds
    if (!this.settings.enabled) return { operating: 0, resetAt: fallback }
    const list = this.entries(`${clientKey}|${method}`, now)
    const first = list[0]
    return {
      operating: Math.round(list.reduce((sum, e) => sum + e.cost, 0) * 10_000) / 10_000,
      resetAt: first ? Math.floor(first.at / 1000) + this.settings.windowSeconds : fallback,
    }
  }

  isBlocked(clientKey: string, method: string, now = Date.now()): boolean {
    return this.settings.enabled && this.stats(clientKey, method, now).operating >= this.settings.limitSeconds
  }

  charge(clientKey: string, method: string, processingSeconds: number, now = Date.now()): void {
    if (!this.settings.enabled) return
    const key = `${clientKey}|${method}`
    const list = this.entries(key, now)
    list.push({ at: now, cost: this.settings.costSeconds ?? processingSeconds })
  }
}
