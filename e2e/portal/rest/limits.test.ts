import { beforeEach, describe, expect, it } from 'vitest'
import { failure, SEED, systemErr, setupPortal } from '../test-helpers'

// Started with the defaults: rate limiting ON.
const t = setupPortal({ rateLimit: true })
const { users, groups } = SEED
const TOO_MANY = systemErr(503, 'QUERY_LIMIT_EXCEEDED', 'Too many requests')

beforeEach(async () => {
  await t.reset()
  await t.token() // issue the admin token outside the measured calls
})

describe('rate limiter', () => {
  it('is on by default with burst 50 and drain 2/s', async () => {
    expect((await t.control('settings')).rateLimit).toStrictEqual({ enabled: true, burst: 50, drainPerSecond: 2 })
  })

  it('answers 503 once the burst is used up; control and portal routes are not limited', async () => {
    await t.control('rate-limit', { enabled: true, drainPerSecond: 0 })
    for (let i = 0; i < 50; i++) expect((await t.call('user.current')).status).toBe(200)
    expect(failure(await t.call('user.current'))).toEqual(TOO_MANY)
    expect((await t.http('/portal/config')).status).toBe(200)
    expect((await t.control('requests')).at(-1).status).toBe(503)
    await t.control('rate-limit', { enabled: false })
    expect((await t.call('user.current')).status).toBe(200)
  })

  it('drains over time, and a batch counts as one request', async () => {
    await t.control('rate-limit', { enabled: true, burst: 2, drainPerSecond: 10 })
    const cmd = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`c${i}`, 'user.current']))
    expect((await t.call('batch', { cmd })).status).toBe(200)
    expect((await t.call('user.current')).status).toBe(200)
    expect(failure(await t.call('user.current'))).toEqual(TOO_MANY)
    await new Promise((r) => setTimeout(r, 150))
    expect((await t.call('user.current')).status).toBe(200)
  })
})

describe('faults', () => {
  beforeEach(async () => {
    await t.control('rate-limit', { enabled: false })
  })

  it('fails the next N calls of a method with the given answer, then lets calls through', async () => {
    await t.control('faults', { method: 'tasks.api.scrum.backlog.get', count: 2, description: 'Unknown error' })
    const call = () => t.call('tasks.api.scrum.backlog.get', { id: groups.mobile })
    expect(failure(await call())).toEqual({ status: 400, error: '0', description: 'Unknown error', keys: ['error', 'error_description'] })
    expect((await call()).status).toBe(400)
    expect((await call()).status).toBe(200)
    expect(await t.control('faults')).toEqual([])
  })

  it('matches method names case-insensitively; known system codes bring their status and text', async () => {
    await t.control('faults', { method: 'Tasks.Api.Scrum.Backlog.GetFields', error: 'expired_token' })
    expect(failure(await t.call('tasks.api.scrum.backlog.getFields'))).toEqual(systemErr(401, 'expired_token', 'The access token provided has expired'))
    await t.control('faults', { method: 'user.current', status: 500, error: 'INTERNAL_SERVER_ERROR', count: -1 })
    for (let i = 0; i < 3; i++) expect(failure(await t.call('user.current'))).toEqual(systemErr(500, 'INTERNAL_SERVER_ERROR', 'Internal server error'))
    await t.control('faults', undefined, 'DELETE')
    expect((await t.call('user.current')).status).toBe(200)
  })

  it('delays: with an error, or alone (status 200 / error null) before a normal answer', async () => {
    await t.control('faults', { method: 'user.current', delay: 300, error: null })
    const slow = await t.call('user.current')
    expect(slow.status).toBe(200)
    expect(slow.ms).toBeGreaterThanOrEqual(290)
    await t.control('faults', { method: 'user.current', delay: 250, status: 503, error: 'QUERY_LIMIT_EXCEEDED' })
    const failed = await t.call('user.current')
    expect(failure(failed)).toEqual(TOO_MANY)
    expect(failed.ms).toBeGreaterThanOrEqual(240)
    expect((await t.call('user.current')).ms).toBeLessThan(200)
  })

  it('applies to batch sub-calls by default, not with inBatch: false; "batch" fails the whole batch', async () => {
    const cmd = { a: `tasks.api.scrum.backlog.get?id=${groups.mobile}`, b: 'user.current' }
    await t.control('faults', { method: 'tasks.api.scrum.backlog.get', error: 0, description: 'Access denied' })
    const r = await t.call('batch', { cmd })
    expect(r.status).toBe(200)
    expect(r.body.result.result_error).toStrictEqual({ a: { error: '0', error_description: 'Access denied' } })
    expect(Object.keys(r.body.result.result)).toEqual(['b'])

    await t.control('faults', { method: 'tasks.api.scrum.backlog.get', description: 'Access denied', inBatch: false })
    expect(Object.keys((await t.call('batch', { cmd })).body.result.result)).toEqual(['a', 'b'])
    expect(failure(await t.call('tasks.api.scrum.backlog.get', { id: groups.mobile })).description).toBe('Access denied')

    await t.control('error-code-style', { style: 'number' })
    await t.control('faults', { method: 'batch', status: 400, error: 0, description: 'Portal is in maintenance mode' })
    const whole = await t.call('batch', { cmd })
    expect(whole.status).toBe(400)
    expect(whole.body).toStrictEqual({ error: 0, error_description: 'Portal is in maintenance mode' })
  })

  it('latency slows every REST call', async () => {
    await t.control('latency', { ms: 300 })
    expect((await t.call('user.current')).ms).toBeGreaterThanOrEqual(290)
    expect((await t.http('/portal/config')).ms).toBeLessThan(250)
    await t.control('latency', { ms: 0 })
    expect((await t.call('user.current')).ms).toBeLessThan(250)
  })
})

describe('operating budget', () => {
  const BLOCKED = systemErr(429, 'OPERATION_TIME_LIMIT', 'Method is blocked due to operation time limit')

  it('is on by default: 480 s per 10 minutes, each call charged its simulated cost', async () => {
    await t.control('rate-limit', { enabled: false })
    expect((await t.control('settings')).operating).toStrictEqual({ enabled: true, limitSeconds: 480, windowSeconds: 600, costSeconds: null })
    const get = () => t.call('tasks.api.scrum.backlog.get', { id: groups.mobile })
    const first = (await get()).body.time
    // A few milliseconds for a get, plus the real processing: microseconds here, but a loaded
    // machine running a cold handler can take several milliseconds, so only the floor is exact.
    const charged = (operating: number, simulated: number) => {
      expect(operating).toBeGreaterThanOrEqual(simulated)
      expect(operating).toBeLessThan(simulated + 0.05)
    }
    charged(first.operating, 0.006)
    await get()
    charged((await get()).body.time.operating, 0.018)
    // Per method: a list and a write are charged more, each on its own account.
    const list = await t.call('tasks.api.scrum.epic.list', { filter: { GROUP_ID: groups.mobile } })
    charged(list.body.time.operating, 0.03)
    const write = await t.call('tasks.api.scrum.task.update', { id: SEED.tasks.unestimated, fields: { storyPoints: '1' } })
    charged(write.body.time.operating, 0.1)
  })

  it('a heavy bulk run meets it as on a real portal: ~4,800 updates in 10 minutes, then 429 for that method only', async () => {
    await t.control('rate-limit', { enabled: false })
    const id = SEED.tasks.unestimated
    const cmd = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`u${i}`, `tasks.api.scrum.task.update?id=${id}&fields[sort]=${i}`]))
    let done = 0
    let blockedAt = -1
    for (let round = 0; round < 110 && blockedAt < 0; round++) {
      const r = (await t.call('batch', { cmd })).body.result
      const failed = Object.keys(r.result_error)
      if (failed.length) {
        expect(r.result_error[failed[0] ?? '']).toStrictEqual({ error: 'OPERATION_TIME_LIMIT', error_description: 'Method is blocked due to operation time limit' })
        blockedAt = done + Object.keys(r.result).length
      }
      done += 50
    }
    expect(blockedAt).toBeGreaterThan(4700)
    expect(blockedAt).toBeLessThanOrEqual(4800)
    expect(failure(await t.call('tasks.api.scrum.task.update', { id, fields: { sort: 1 } }))).toEqual(BLOCKED)
    // Other methods, and the same method of another client (a webhook), are not affected.
    expect((await t.call('tasks.api.scrum.task.get', { id })).status).toBe(200)
    expect((await t.call('', { id, fields: { sort: 1 } }, { token: null, path: '/rest/1/devportaladminhook/tasks.api.scrum.task.update' })).status).toBe(200)
    // /control/reset brings back a fresh budget with the default settings.
    await t.control('operating', { enabled: false })
    await t.reset()
    expect((await t.control('settings')).operating.enabled).toBe(true)
    expect((await t.call('tasks.api.scrum.task.update', { id, fields: { sort: 1 } })).body.result).toBe(true)
  })

  it('is reported in time and blocks a method with 429 once used up', async () => {
    await t.control('rate-limit', { enabled: false })
    await t.control('operating', { enabled: true, limitSeconds: 480, costSeconds: 200 })
    const first = await t.call('tasks.api.scrum.backlog.get', { id: groups.mobile })
    expect(first.body.time.operating).toBe(200)
    expect(first.body.time.operating_reset_at).toBeGreaterThan(Date.now() / 1000 + 590)
    await t.call('tasks.api.scrum.backlog.get', { id: groups.mobile })
    expect((await t.call('tasks.api.scrum.backlog.get', { id: groups.mobile })).body.time.operating).toBe(600)
    expect(failure(await t.call('tasks.api.scrum.backlog.get', { id: groups.mobile }))).toEqual(BLOCKED)
    // Per method and per client: other methods and webhooks are unaffected.
    expect((await t.call('user.current')).status).toBe(200)
    expect((await t.call('', { id: groups.mobile }, { token: null, path: '/rest/1/devportaladminhook/tasks.api.scrum.backlog.get' })).status).toBe(200)
    // The same limit applies inside a batch.
    const b = await t.as(users.regular, 'batch', { cmd: { a: `tasks.api.scrum.backlog.get?id=${groups.mobile}` } })
    expect(b.body.result.result_error.a.error).toBe('OPERATION_TIME_LIMIT')
  })
})
