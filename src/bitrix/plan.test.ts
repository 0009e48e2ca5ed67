import { describe, expect, it, vi } from 'vitest'
import type { B24Frame } from './frame'
import { sdkRestrictions } from './frame'
import { askPortalPlan, ENTERPRISE_LIMITS, limitsOf, planOfLicense, STANDARD_LIMITS, type PlanBudget } from './plan'

describe('planOfLicense (the documented app.info values)', () => {
  it.each(['de_ent250', 'de_ent500', 'de_ent1000', 'de_ent2000', 'de_ent10000', 'ru_ent250'])('%s is Enterprise', (license) => {
    expect(planOfLicense({ LICENSE: license })).toBe('enterprise')
  })

  it.each(['de_project', 'de_basic', 'de_std', 'de_pro100', 'en_nfr', 'de_demo', ''])('%s is a standard plan', (license) => {
    expect(planOfLicense({ LICENSE: license })).toBe('standard')
  })

  it('reads the family first, then the type: the documented example is Enterprise', () => {
    expect(planOfLicense({ LICENSE: 'de_ent10000', LICENSE_TYPE: 'ent10000', LICENSE_FAMILY: 'ent' })).toBe('enterprise')
    expect(planOfLicense({ LICENSE_TYPE: 'ent250' })).toBe('enterprise')
    expect(planOfLicense({ LICENSE: 'de_ent250', LICENSE_FAMILY: 'pro' })).toBe('standard')
    expect(planOfLicense({ LICENSE_FAMILY: 'ENT' })).toBe('enterprise')
  })

  it('no licence, or not a string: the standard plan (never the bigger bucket by guess)', () => {
    expect(planOfLicense(undefined)).toBe('standard')
    expect(planOfLicense({})).toBe('standard')
    expect(planOfLicense({ LICENSE: 250, LICENSE_FAMILY: null })).toBe('standard')
    expect(planOfLicense({ LICENSE: 'de_enterprise_like' })).toBe('standard')
  })

  it('the plans’ limits (digest §10.2): Enterprise 250 / 5 per s, every other plan 50 / 2', () => {
    expect(limitsOf('enterprise')).toEqual({ burst: 250, drainPerSecond: 5 })
    expect(limitsOf('standard')).toEqual({ burst: 50, drainPerSecond: 2 })
    expect(limitsOf(undefined)).toBe(STANDARD_LIMITS)
  })
})

describe('the SDK’s own limiter', () => {
  it('is never narrower than the biggest plan’s bucket, never narrows by itself, and never sends a call twice', () => {
    expect(sdkRestrictions()).toMatchObject({
      maxRetries: 1,
      retryOnNetworkError: false,
      rateLimit: { burstLimit: 250, drainRate: 5, adaptiveEnabled: false },
    })
    expect(sdkRestrictions().rateLimit!.burstLimit).toBeGreaterThanOrEqual(Math.max(STANDARD_LIMITS.burst, ENTERPRISE_LIMITS.burst))
    // The SDK merges these over its defaults at start: the operating-time limiter stays as it was.
    expect(sdkRestrictions().operatingLimit).toBeDefined()
  })
})

describe('askPortalPlan', () => {
  function portal(answer: () => unknown) {
    const make = vi.fn(async () => {
      const result = answer()
      if (result instanceof Error) throw result
      return { isSuccess: true, getData: () => ({ result, time: {} }) }
    })
    return { b24: { actions: { v2: { call: { make } } } } as unknown as B24Frame, make }
  }
  function budget(): PlanBudget & { takes: number; overflows: number } {
    const counts = { takes: 0, overflows: 0 }
    return Object.assign(counts, {
      take: async () => void counts.takes++,
      overflowed: async () => void counts.overflows++,
    })
  }
  const failure = (code: string, status: number) => Object.assign(new Error(code), { code, status })

  it('reads the licence in one request under the budget', async () => {
    const { b24, make } = portal(() => ({ ID: 5, LICENSE: 'de_ent250', LICENSE_TYPE: 'ent250', LICENSE_FAMILY: 'ent' }))
    const slots = budget()
    await expect(askPortalPlan(b24, slots)).resolves.toBe('enterprise')
    expect(make).toHaveBeenCalledWith({ method: 'app.info', params: {} })
    expect(slots.takes).toBe(1)
  })

  it('a portal that refuses app.info has answered: the standard plan', async () => {
    const { b24 } = portal(() => failure('ERROR_METHOD_NOT_FOUND', 404))
    await expect(askPortalPlan(b24, budget())).resolves.toBe('standard')
    const denied = portal(() => failure('ACCESS_DENIED', 403))
    await expect(askPortalPlan(denied.b24, budget())).resolves.toBe('standard')
  })

  it('no answer is not an answer: null, and a 503 tells the budget', async () => {
    const slots = budget()
    await expect(askPortalPlan(portal(() => failure('QUERY_LIMIT_EXCEEDED', 503)).b24, slots)).resolves.toBeNull()
    expect(slots.overflows).toBe(1)
    await expect(askPortalPlan(portal(() => failure('NETWORK_ERROR', 0)).b24, budget())).resolves.toBeNull()
    await expect(askPortalPlan(portal(() => failure('INTERNAL_SERVER_ERROR', 500)).b24, budget())).resolves.toBeNull()
  })
})
