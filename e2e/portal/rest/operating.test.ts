import { describe, expect, it } from 'vitest'
import { DEFAULTS } from '../config'
import { METHODS } from '../methods'
import { methodCost, OperatingBudget } from './operating'

const MINUTE = 60_000
const budget = () => new OperatingBudget({ ...DEFAULTS.operating, costSeconds: null })

describe('methodCost (digest §10.2: a deterministic simulated cost per method)', () => {
  it('a few milliseconds for reads, more for lists, most for writes', () => {
    expect(methodCost('tasks.api.scrum.task.getfields')).toBe(0.002)
    expect(methodCost('tasks.api.scrum.backlog.get')).toBe(0.006)
    expect(methodCost('user.get')).toBe(0.03)
    expect(methodCost('socialnetwork.api.workgroup.list')).toBe(0.03)
    expect(methodCost('tasks.task.add')).toBe(0.12)
    expect(methodCost('tasks.api.scrum.task.update')).toBe(0.1)
    expect(methodCost('sonet_group.delete')).toBe(0.08)
  })

  it('normal use never gets near the limit: a few thousand calls of any one method fit in 480 s', () => {
    const worst = Math.max(...Object.keys(METHODS).map(methodCost))
    expect(worst).toBeLessThanOrEqual(0.12)
    expect(3000 * worst).toBeLessThan(DEFAULTS.operating.limitSeconds)
  })
})

describe('OperatingBudget', () => {
  it('sums ten one-minute baskets per client and method; reset_at is the oldest basket + 10 minutes', () => {
    const b = budget()
    const t0 = Date.UTC(2026, 0, 12, 9, 0, 30)
    b.charge('app', 'tasks.task.add', 0, t0)
    b.charge('app', 'tasks.task.add', 0, t0 + 10_000)
    b.charge('app', 'tasks.task.add', 0, t0 + 3 * MINUTE)
    expect(b.stats('app', 'tasks.task.add', t0 + 3 * MINUTE)).toStrictEqual({ operating: 0.36, resetAt: t0 / 1000 + 600 })
    expect(b.stats('app', 'tasks.task.get', t0).operating).toBe(0)
    expect(b.stats('hook', 'tasks.task.add', t0).operating).toBe(0)
    // The first basket drops out ten minutes on: its two calls go, the third stays.
    const later = t0 + 10 * MINUTE
    expect(b.stats('app', 'tasks.task.add', later)).toStrictEqual({ operating: 0.12, resetAt: (t0 + 3 * MINUTE) / 1000 + 600 })
    expect(b.stats('app', 'tasks.task.add', t0 + 14 * MINUTE).operating).toBe(0)
  })

  it('blocks at the limit until baskets drop out; a fixed costSeconds replaces the simulated cost', () => {
    const b = new OperatingBudget({ ...DEFAULTS.operating, costSeconds: 100 })
    const t0 = Date.UTC(2026, 0, 12, 9, 0, 0)
    for (let i = 0; i < 5; i++) b.charge('app', 'x.update', 0.5, t0 + i * MINUTE)
    expect(b.isBlocked('app', 'x.update', t0 + 5 * MINUTE)).toBe(true)
    expect(b.isBlocked('app', 'x.update', t0 + 10 * MINUTE)).toBe(false)
    b.configure({ ...DEFAULTS.operating, enabled: false, costSeconds: null })
    b.charge('app', 'x.update', 0, t0)
    expect(b.stats('app', 'x.update', t0).operating).toBe(0)
  })
})
