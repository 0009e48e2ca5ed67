import { describe, expect, it } from 'vitest'
import { ALL_SCOPES } from '../rest/auth'
import { SEED, setupPortal } from '../test-helpers'

const t = setupPortal()

describe('scope', () => {
  it('answers the scopes of the calling token, and every scope with full: true (the doc page examples)', async () => {
    const token = await t.token(undefined, 'task,user_brief')
    const own = await t.call('scope', {}, { token })
    expect(own.status).toBe(200)
    expect([...own.body.result].sort()).toEqual(['task', 'user_brief'])
    const full = await t.call('scope', { full: true }, { token })
    expect(full.body.result).toEqual([...ALL_SCOPES])
  })

  it('answers a webhook with the webhook’s scopes', async () => {
    const r = await t.call('scope', {}, { token: null, path: '/rest/1/devportaladminhook/scope' })
    expect(r.status).toBe(200)
    expect([...r.body.result].sort()).toEqual([...ALL_SCOPES].sort())
  })
})

describe('app.info', () => {
  const APP_FIELDS = ['ID', 'CODE', 'VERSION', 'STATUS', 'INSTALLED', 'PAYMENT_EXPIRED', 'DAYS', 'LANGUAGE_ID', 'LICENSE', 'LICENSE_TYPE', 'LICENSE_FAMILY']

  it('answers the app the documented fields, for any user and with no scope of its own', async () => {
    await t.reset()
    const regular = await t.token(SEED.users.regular, 'task')
    const r = await t.call('app.info', {}, { token: regular })
    expect(r.status).toBe(200)
    expect(Object.keys(r.body.result)).toEqual(APP_FIELDS)
    expect(r.body.result).toMatchObject({
      STATUS: 'F', INSTALLED: true, PAYMENT_EXPIRED: 'N', DAYS: null, LANGUAGE_ID: 'en', LICENSE: 'en_std', LICENSE_TYPE: 'std', LICENSE_FAMILY: 'std',
    })
    expect(r.body.result.ID).toEqual(expect.any(Number))
    expect(r.body.result.CODE).toMatch(/^local\./)
    expect(r.body.time).toBeDefined()
  })

  it('reports the plan POST /control/plan set, also inside a batch', async () => {
    await t.control('plan', { plan: 'ent250' })
    const r = await t.call('batch', { cmd: { info: 'app.info' } })
    expect(r.body.result.result.info).toMatchObject({ LICENSE: 'en_ent250', LICENSE_TYPE: 'ent250', LICENSE_FAMILY: 'ent' })
    await t.control('plan', { plan: 'pro100' })
    expect((await t.call('app.info')).body.result).toMatchObject({ LICENSE: 'en_pro100', LICENSE_TYPE: 'pro100', LICENSE_FAMILY: 'pro' })
    await t.reset()
    expect((await t.call('app.info')).body.result.LICENSE).toBe('en_std')
  })

  it('answers a webhook, which has no app, only its scopes and the licence', async () => {
    await t.control('plan', { plan: 'ent10000' })
    const r = await t.call('app.info', {}, { token: null, path: '/rest/1/devportaladminhook/app.info' })
    expect(r.status).toBe(200)
    expect(Object.keys(r.body.result).sort()).toEqual(['LICENSE', 'SCOPE'])
    expect(r.body.result.LICENSE).toBe('en_ent10000')
    expect([...r.body.result.SCOPE].sort()).toEqual([...ALL_SCOPES].sort())
    await t.reset()
  })
})
