import { describe, expect, it } from 'vitest'
import { failure, SEED, systemErr, setupPortal } from '../test-helpers'

const t = setupPortal()
const { users, groups } = SEED
const NO_AUTH = systemErr(401, 'NO_AUTH_FOUND', 'Wrong authorization data')

describe('OAuth tokens', () => {
  it('missing or unknown token → 401 NO_AUTH_FOUND', async () => {
    expect(failure(await t.call('user.current', {}, { token: null }))).toEqual(NO_AUTH)
    expect(failure(await t.call('user.current', {}, { token: '' }))).toEqual(NO_AUTH)
    expect(failure(await t.call('user.current', {}, { token: 'a'.repeat(72) }))).toEqual(NO_AUTH)
  })

  it('malformed token → 401 invalid_token', async () => {
    expect(failure(await t.call('user.current', {}, { token: 'not a token!' }))).toEqual(systemErr(401, 'invalid_token', 'The access token provided is invalid.'))
    expect(failure(await t.call('user.current', { auth: ['x'] }, { token: null }))).toEqual(systemErr(401, 'invalid_token', 'The access token provided is invalid.'))
  })

  it('a token expires after the TTL → 401 expired_token; refresh gives a working one', async () => {
    await t.control('token-ttl', { seconds: 1 })
    try {
      const session = await t.session(users.regular)
      expect(session.AUTH_EXPIRES).toBe(1)
      expect((await t.call('user.current', {}, { token: session.AUTH_ID })).status).toBe(200)
      await new Promise((r) => setTimeout(r, 1100))
      expect(failure(await t.call('user.current', {}, { token: session.AUTH_ID }))).toEqual(systemErr(401, 'expired_token', 'The access token provided has expired'))
      await t.control('token-ttl', { seconds: 3600 })
      const fresh = await t.postJson('/portal/refresh', { refreshToken: session.REFRESH_ID })
      expect(fresh.status).toBe(200)
      expect(Object.keys(fresh.body).sort()).toEqual(['AUTH_EXPIRES', 'AUTH_ID', 'REFRESH_ID'])
      expect(fresh.body.AUTH_EXPIRES).toBe(3600)
      const me = await t.call('user.current', {}, { token: fresh.body.AUTH_ID })
      expect(me.body.result.ID).toBe(String(users.regular))
    } finally {
      await t.control('token-ttl', { seconds: 3600 })
    }
  })

  it('expire-tokens expires every issued token at once; the old token of a refresh stays valid until then', async () => {
    const session = await t.session(users.regular)
    const fresh = (await t.postJson('/portal/refresh', { refreshToken: session.REFRESH_ID })).body
    expect(fresh.AUTH_ID).not.toBe(session.AUTH_ID)
    expect((await t.call('user.current', {}, { token: session.AUTH_ID })).status).toBe(200)
    await t.control('expire-tokens', {})
    expect(failure(await t.call('user.current', {}, { token: session.AUTH_ID })).error).toBe('expired_token')
    expect(failure(await t.call('user.current', {}, { token: fresh.AUTH_ID })).error).toBe('expired_token')
    // A session issued afterwards works.
    expect((await t.call('user.current', {}, { token: (await t.session(users.regular)).AUTH_ID })).status).toBe(200)
  })

  it('an unknown refresh token → 400 invalid_grant', async () => {
    const r = await t.postJson('/portal/refresh', { refreshToken: 'nope' })
    expect(r.status).toBe(400)
    expect(r.body).toStrictEqual({ error: 'invalid_grant', error_description: 'Invalid refresh token' })
  })

  it('/oauth/token/ answers like oauth.bitrix.info', async () => {
    const session = await t.session(users.regular, 'task,user_brief')
    const r = await t.http(`/oauth/token/?grant_type=refresh_token&client_id=app&client_secret=s&refresh_token=${session.REFRESH_ID}`)
    expect(r.status).toBe(200)
    expect(Object.keys(r.body).sort()).toEqual(
      ['access_token', 'client_endpoint', 'domain', 'expires', 'expires_in', 'member_id', 'refresh_token', 'scope', 'server_endpoint', 'status', 'user_id'].sort(),
    )
    expect(r.body).toMatchObject({ user_id: users.regular, scope: 'task,user_brief', expires_in: 3600, status: 'F', domain: new URL(t.url).host, client_endpoint: `${t.url}/rest/` })
    expect(r.body.expires).toBeGreaterThan(Date.now() / 1000)
    expect((await t.call('tasks.api.scrum.backlog.get', { id: groups.mobile }, { token: r.body.access_token })).status).toBe(200)
    const bad = await t.http('/oauth/token/?grant_type=refresh_token&refresh_token=zzz', { method: 'POST' })
    expect(bad.status).toBe(400)
    expect(bad.body.error).toBe('invalid_grant')
  })

  it('accepts Authorization: Bearer as a fallback', async () => {
    const token = await t.token(users.regular)
    const r = await t.call('user.current', {}, { token: null, headers: { authorization: `Bearer ${token}` } })
    expect(r.body.result.ID).toBe(String(users.regular))
  })

  it('a dismissed user gets no session', async () => {
    const r = await t.postJson('/portal/session', { userId: users.inactive })
    expect(r.status).toBe(400)
    expect((await t.postJson('/portal/session', { userId: 4242 })).status).toBe(400)
  })
})

describe('a portal session that has ended (POST /control/refresh)', () => {
  it('no token is renewed while on, by /portal/refresh or /oauth/token/; it works again once off or after a reset', async () => {
    const session = await t.session(users.regular)
    const refresh = () => t.postJson('/portal/refresh', { refreshToken: session.REFRESH_ID })
    const oauth = () => t.http(`/oauth/token/?grant_type=refresh_token&refresh_token=${session.REFRESH_ID}`)
    const ended = { error: 'invalid_grant', error_description: 'The refresh token has expired or was revoked' }
    try {
      expect(await t.control('refresh', { fail: true })).toStrictEqual({ ok: true, fail: true })
      expect((await t.control('settings')).refreshFails).toBe(true)
      for (const r of [await refresh(), await oauth()]) expect([r.status, r.body]).toEqual([400, ended])
      // Tokens already issued keep working until they expire.
      expect((await t.call('user.current', {}, { token: session.AUTH_ID })).status).toBe(200)

      await t.control('refresh', { fail: false })
      expect((await refresh()).status).toBe(200)
      await t.control('refresh', { fail: true })
      await t.reset()
      expect((await t.control('settings')).refreshFails).toBe(false)
      expect((await refresh()).status).toBe(200)
      expect((await oauth()).status).toBe(200)
    } finally {
      await t.control('refresh', { fail: false })
    }
  })

  it('rejects a missing or non-boolean fail', async () => {
    expect((await t.postJson('/control/refresh', {})).status).toBe(400)
    expect((await t.postJson('/control/refresh', { fail: 'yes' })).status).toBe(400)
  })
})

describe('scopes', () => {
  it('missing scope → 403 insufficient_scope; user.* accepts user_brief', async () => {
    const token = (await t.session(users.regular, 'user_brief')).AUTH_ID
    expect(failure(await t.call('tasks.api.scrum.backlog.get', { id: groups.mobile }, { token }))).toEqual(
      systemErr(403, 'insufficient_scope', 'The request requires higher privileges than provided by the webhook token'),
    )
    expect(failure(await t.call('socialnetwork.api.workgroup.list', {}, { token })).error).toBe('insufficient_scope')
    expect(failure(await t.call('sonet_group.get', {}, { token })).error).toBe('insufficient_scope')
    const me = await t.call('user.current', {}, { token })
    expect(me.status).toBe(200)
    // user_brief hides the e-mail; user_basic has it.
    expect(me.body.result.EMAIL).toBeUndefined()
    const basic = (await t.session(users.regular, ['user_basic', 'task'])).AUTH_ID
    expect((await t.call('user.current', {}, { token: basic })).body.result.EMAIL).toBe('sam.carter@example.test')
  })

  it('the session reports the scopes it was issued with', async () => {
    const session = await t.session(users.admin)
    expect(session).toMatchObject({ AUTH_EXPIRES: 3600, member_id: expect.any(String), status: 'F', IS_ADMIN: true, APPLICATION_SCOPE: 'task,sonet_group,user,placement' })
    expect((await t.session(users.regular)).IS_ADMIN).toBe(false)
  })
})

describe('webhooks and routing', () => {
  it('the fixed admin webhook runs as user 1 with all scopes', async () => {
    expect(t.portal.webhookUrl).toBe(`${t.url}/rest/1/devportaladminhook/`)
    const r = await t.call('user.current', {}, { token: null, path: '/rest/1/devportaladminhook/user.current' })
    expect(r.body.result.ID).toBe('1')
    const b = await t.call('', { id: groups.mobile }, { token: null, path: '/rest/1/devportaladminhook/tasks.api.scrum.backlog.get.json' })
    expect(b.status).toBe(200)
  })

  it('a wrong webhook secret or user → 401 NO_AUTH_FOUND', async () => {
    expect(failure(await t.call('', {}, { token: null, path: '/rest/1/wrongsecret/user.current' }))).toEqual(NO_AUTH)
    expect(failure(await t.call('', {}, { token: null, path: '/rest/5/devportaladminhook/user.current' }))).toEqual(NO_AUTH)
  })

  it('an unknown method → 404 ERROR_METHOD_NOT_FOUND', async () => {
    expect(failure(await t.call('tasks.api.scrum.nothing'))).toEqual(systemErr(404, 'ERROR_METHOD_NOT_FOUND', 'Method not found!'))
    expect(failure(await t.call('', {}, { path: '/rest/' }))).toEqual(systemErr(404, 'ERROR_METHOD_NOT_FOUND', 'Method not found!'))
    // REST 3.0 paths are not served.
    expect(failure(await t.call('', {}, { path: '/rest/api/tasks.task.get' })).status).toBe(404)
  })

  it('method names are case-insensitive and may end in .json', async () => {
    expect((await t.call('TASKS.API.SCRUM.BACKLOG.GET', { id: groups.mobile })).status).toBe(200)
    expect((await t.call('', { id: groups.mobile }, { path: '/rest/tasks.api.scrum.backlog.get.json' })).status).toBe(200)
  })
})
