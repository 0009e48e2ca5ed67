import { beforeEach, describe, expect, it } from 'vitest'
import { PortalControl } from '../fixtures/portal-control'
import { DEFAULT_PLAN, licenseOf, PLANS } from './plans'
import { failure, setupPortal, systemErr } from './test-helpers'

// Rate limiting on, as a started portal has it.
const t = setupPortal({ rateLimit: true })
const TOO_MANY = systemErr(503, 'QUERY_LIMIT_EXCEEDED', 'Too many requests')
const control = () => new PortalControl(t.url)

beforeEach(async () => {
  await t.reset()
  await t.token()
})

/** Quick requests from one address at one instant: how many the bucket lets through (of 1,000). */
function admittedAtOnce(): number {
  const now = Date.now()
  let admitted = 0
  while (admitted < 1000 && t.portal.state.limiter.admit('198.51.100.7', now)) admitted++
  return admitted
}

describe('the portal plan', () => {
  it('is the standard one by default: LICENSE en_std, burst 50, drain 2/s', async () => {
    const settings = await t.control('settings')
    expect(settings).toMatchObject({ plan: DEFAULT_PLAN, rateLimit: { enabled: true, burst: 50, drainPerSecond: 2 } })
    expect(licenseOf(DEFAULT_PLAN)).toBe('en_std')
    expect(admittedAtOnce()).toBe(50)
  })

  it('Enterprise: burst 250 and drain 5/s, the 251st quick request is refused; others keep 50 and 2/s', async () => {
    expect(await control().plan('ent250')).toMatchObject({ plan: 'ent250', license: 'en_ent250', rateLimit: { enabled: true, burst: 250, drainPerSecond: 5 } })
    expect(admittedAtOnce()).toBe(250)
    for (const name of ['free', 'project', 'basic', 'pro100'] as const) {
      await control().plan(name)
      expect(admittedAtOnce()).toBe(50)
    }
    for (const name of ['ent500', 'ent10000'] as const) {
      await control().plan(name)
      expect((await t.control('settings')).rateLimit).toStrictEqual({ enabled: true, burst: 250, drainPerSecond: 5 })
    }
  })

  it('over HTTP: 100 quick calls pass on Enterprise; on the standard plan the bucket is full after 50', async () => {
    await control().plan('ent1000')
    for (let i = 0; i < 100; i++) expect((await t.call('user.current')).status).toBe(200)
    await control().plan('std')
    // A plan change empties the bucket; without draining, exactly 50 pass.
    await t.control('rate-limit', { drainPerSecond: 0 })
    for (let i = 0; i < 50; i++) expect((await t.call('user.current')).status).toBe(200)
    expect(failure(await t.call('user.current'))).toEqual(TOO_MANY)
  })

  it('leaves the bucket off when it was switched off; rate-limit and reset still work', async () => {
    await control().rateLimit(false)
    await control().plan('ent250')
    expect((await t.control('settings')).rateLimit).toStrictEqual({ enabled: false, burst: 250, drainPerSecond: 5 })
    expect(admittedAtOnce()).toBe(1000)
    await t.reset()
    const settings = await t.control('settings')
    expect(settings).toMatchObject({ plan: 'std', rateLimit: { enabled: true, burst: 50, drainPerSecond: 2 } })
    expect((await t.call('app.info')).body.result.LICENSE).toBe('en_std')
  })

  it('refuses a plan it does not know', async () => {
    for (const plan of ['enterprise', 'ENT250', '', 5, undefined]) {
      const r = await t.postJson('/control/plan', { plan })
      expect(r.status).toBe(400)
      expect(r.body.error_description).toContain('ent250')
    }
    expect((await t.control('settings')).plan).toBe('std')
  })

  it('LICENSE is the base language and the plan code; the family drops the size', () => {
    expect(Object.keys(PLANS).map((name) => licenseOf(name as keyof typeof PLANS))).toEqual([
      'en_free', 'en_project', 'en_basic', 'en_std', 'en_pro100', 'en_ent250', 'en_ent500', 'en_ent1000', 'en_ent2000', 'en_ent10000',
    ])
    expect(Object.values(PLANS).map((p) => p.family)).toEqual(['free', 'project', 'basic', 'std', 'pro', 'ent', 'ent', 'ent', 'ent', 'ent'])
  })
})
