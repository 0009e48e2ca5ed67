import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startPortal, type RunningPortal } from './server'
import { ENGINE_KEYS, SEED, setupPortal } from './test-helpers'

const hostDir = mkdtempSync(join(tmpdir(), 'portal-host-'))
writeFileSync(join(hostDir, 'index.html'), '<!doctype html><title>host</title>')
writeFileSync(join(hostDir, 'host.js'), 'export {}')
writeFileSync(join(hostDir, 'host.css'), 'body{}')

const t = setupPortal({ hostDir })
const { users, groups, backlogs, tasks } = SEED

beforeEach(async () => {
  await t.reset()
})

describe('request encodings', () => {
  it('form-encoded PHP bracket bodies nest and cast like PHP', async () => {
    const r = await t.call('tasks.api.scrum.backlog.add', { fields: { groupId: String(groups.noBacklog), createdBy: String(users.regular) } }, { mode: 'form' })
    expect(r.body.result).toMatchObject({ groupId: groups.noBacklog, createdBy: users.regular, modifiedBy: 0 })
    const list = await t.call('socialnetwork.api.workgroup.list', { filter: { '%NAME': 'альф' }, select: ['ID', 'NAME'] }, { mode: 'form' })
    expect(list.body.result.workgroups).toEqual([{ id: String(groups.alpha), name: 'Команда «Альфа»' }])
  })

  it('GET query strings work, PHP brackets included', async () => {
    const r = await t.call('socialnetwork.api.workgroup.list', { filter: { ID: [groups.mobile, groups.alpha] }, select: ['NAME'] }, { mode: 'get' })
    expect(r.body.result.workgroups.map((g: { id: string }) => g.id)).toEqual([String(groups.mobile), String(groups.alpha)])
  })

  it('multipart/form-data bodies work', async () => {
    const r = await t.call('tasks.api.scrum.backlog.get', { id: groups.mobile }, { mode: 'multipart' })
    expect(r.body.result.id).toBe(backlogs.mobile)
  })

  it('merges query and body (body wins), strips bx24_* and start from the params', async () => {
    const token = await t.token()
    const r = await t.http(`/rest/tasks.api.scrum.backlog.get?id=${groups.platform}&bx24_request_id=abc&bx24_sdk_ver=2.2.0&bx24_sdk_type=b24-js-sdk`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: groups.mobile, auth: token, start: 0 }),
    })
    expect(r.body.result.groupId).toBe(groups.mobile)
    const [entry] = (await t.control('requests')).filter((e: { methods: string[] }) => e.methods[0] === 'tasks.api.scrum.backlog.get')
    expect(entry.params).toStrictEqual({ id: groups.mobile })
  })

  it('a body that is not JSON → 400 INVALID_REQUEST', async () => {
    const r = await t.http('/rest/user.current', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"auth":' })
    expect(r.status).toBe(400)
    expect(r.body.error).toBe('INVALID_REQUEST')
  })
})

describe('envelope', () => {
  it('success time block: floats, ISO dates with offset, the method\'s operating seconds', async () => {
    const r = await t.call('user.current')
    const time = r.body.time
    expect(Object.keys(time)).toEqual(ENGINE_KEYS)
    expect(time.finish).toBeGreaterThanOrEqual(time.start)
    expect(time.duration).toBeCloseTo(time.finish - time.start, 6)
    expect(time.start).toBeCloseTo(Date.now() / 1000, -1)
    expect(time.date_start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/)
    expect(Number.isInteger(time.operating_reset_at)).toBe(true)
    // The budget is on by default: user.current is charged its simulated few milliseconds.
    expect(time.operating).toBeGreaterThan(0)
    expect(time.operating).toBeLessThan(0.1)
  })

  it('error bodies have no time; the code style can switch to numbers (old servers)', async () => {
    const r = await t.call('tasks.api.scrum.backlog.get', { id: 0 })
    expect(r.body).toStrictEqual({ error: '0', error_description: 'Group id not found' })
    await t.control('error-code-style', { style: 'number' })
    expect((await t.call('tasks.api.scrum.backlog.get', { id: 0 })).body).toStrictEqual({ error: 0, error_description: 'Group id not found' })
    expect((await t.call('tasks.api.scrum.backlog.get', {})).body.error).toBe(100)
    // Non-numeric codes are untouched.
    expect((await t.call('nope.nope')).body.error).toBe('ERROR_METHOD_NOT_FOUND')
    await t.control('reset', {})
    expect((await t.call('tasks.api.scrum.backlog.get', { id: 0 })).body.error).toBe('0')
  })
})

describe('CORS', () => {
  it('answers preflights with 204 and the allow headers, and echoes the origin on calls', async () => {
    const origin = 'http://localhost:7101'
    for (const path of ['/rest/tasks.api.scrum.backlog.get', '/control/requests', '/portal/session', '/oauth/token/']) {
      const r = await t.http(path, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } })
      expect(r.status).toBe(204)
      expect(r.headers.get('access-control-allow-origin')).toBe(origin)
      expect(r.headers.get('access-control-allow-methods')).toBe('GET, POST, DELETE, OPTIONS')
      expect(r.headers.get('access-control-allow-headers')).toBe('content-type, authorization')
      expect(Number(r.headers.get('access-control-max-age'))).toBeGreaterThan(0)
    }
    const call = await t.call('user.current', {}, { headers: { origin } })
    expect(call.headers.get('access-control-allow-origin')).toBe(origin)
    const failed = await t.call('user.current', {}, { token: null, headers: { origin } })
    expect(failed.headers.get('access-control-allow-origin')).toBe(origin)
    expect((await t.call('user.current')).headers.get('access-control-allow-origin')).toBe('*')
  })
})

describe('request log', () => {
  it('records every /rest request (preflights too) and nothing of /control or /portal', async () => {
    await t.control('requests', undefined, 'DELETE')
    await t.http('/rest/user.current', { method: 'OPTIONS', headers: { origin: 'http://x.test' } })
    await t.as(users.regular, 'tasks.api.scrum.backlog.get', { id: groups.mobile })
    await t.as(users.regular, 'tasks.api.scrum.backlog.get', { id: groups.quality })
    await t.call('batch', { cmd: { a: 'user.current', b: `tasks.api.scrum.backlog.get?id=${groups.mobile}` } })
    await t.call('', {}, { token: null, path: '/rest/1/devportaladminhook/user.current.json' })
    await t.http('/portal/config')
    const log = await t.control('requests')
    expect(log.map((e: { httpMethod: string; methods: string[]; status: number; userId: number | null; error: string | null }) => [e.httpMethod, e.methods, e.status, e.userId, e.error])).toEqual([
      ['OPTIONS', [], 204, null, null],
      ['POST', ['tasks.api.scrum.backlog.get'], 200, users.regular, null],
      ['POST', ['tasks.api.scrum.backlog.get'], 400, users.regular, '0'],
      ['POST', ['batch', 'user.current', 'tasks.api.scrum.backlog.get'], 200, users.admin, null],
      ['POST', ['user.current'], 200, users.admin, null],
    ])
    const [, ok] = log
    expect(Object.keys(ok).sort()).toEqual(['at', 'bytesIn', 'bytesOut', 'durationMs', 'error', 'httpMethod', 'id', 'methods', 'params', 'path', 'status', 'userId'])
    expect(ok.path).toBe('/rest/tasks.api.scrum.backlog.get')
    expect(ok.bytesIn).toBeGreaterThan(10)
    expect(ok.bytesOut).toBeGreaterThan(100)
    expect(ok.at).toBeGreaterThan(Date.now() - 60_000)
    expect(log[4].path).toBe('/rest/1/devportaladminhook/user.current.json')
    await t.control('requests', undefined, 'DELETE')
    expect(await t.control('requests')).toEqual([])
  })
})

describe('portal endpoints', () => {
  it('/portal/config describes the portal for the host page', async () => {
    const r = await t.http('/portal/config')
    const host = new URL(t.url).host
    expect(r.body).toMatchObject({ domain: host, origin: `http://${host}`, status: 'F', scopes: 'task,sonet_group,user,placement', defaultUserId: 1, regularUserId: users.regular, languages: ['en', 'ru', 'de'] })
    expect(r.body.appUrl).toBe(t.portal.appUrl)
    const admin = r.body.users.find((u: { id: number }) => u.id === users.admin)
    expect(admin).toMatchObject({ isAdmin: true, fullName: 'Olivia Bennett', photo: `http://${host}/avatars/user/1.svg` })
    expect(r.body.users.find((u: { id: number }) => u.id === users.backend).photo).toBe('')
  })

  it('options saved through /portal/options come back in the next session', async () => {
    await t.postJson('/portal/options', { userId: users.regular, kind: 'app', name: 'theme', value: { dark: true } })
    await t.postJson('/portal/options', { userId: users.regular, kind: 'user', name: 'lastGroup', value: groups.alpha })
    expect((await t.postJson('/portal/options', { userId: 1, kind: 'bad', name: 'x', value: 1 })).status).toBe(400)
    const mine = await t.session(users.regular)
    expect(mine.APP_OPTIONS).toStrictEqual({ theme: { dark: true } })
    expect(mine.USER_OPTIONS).toStrictEqual({ lastGroup: groups.alpha })
    const admin = await t.session(users.admin)
    expect(admin.APP_OPTIONS).toStrictEqual({ theme: { dark: true } })
    expect(admin.USER_OPTIONS).toStrictEqual({})
    await t.reset()
    expect((await t.session(users.regular)).USER_OPTIONS).toStrictEqual({})
  })

  it('serves the host page and its files without caching or frame restrictions', async () => {
    const index = await t.http('/?user=5')
    expect(index.status).toBe(200)
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(index.headers.get('cache-control')).toBe('no-store')
    expect(index.headers.get('x-frame-options')).toBeNull()
    expect((await t.http('/host/host.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect((await t.http('/host/host.css')).headers.get('content-type')).toBe('text/css; charset=utf-8')
    expect((await t.http('/host/missing.js')).status).toBe(404)
    expect((await t.http('/host/..%2f..%2fetc%2fpasswd')).status).toBe(404)
  })

  it('slider pages show escaped names; unknown ones are 404', async () => {
    const group = await t.http(`/workgroups/group/${groups.platform}/?IFRAME=Y&IFRAME_TYPE=SIDE_SLIDER`)
    expect(group.status).toBe(200)
    expect(group.body).toContain('<h1>R&amp;D &lt;Core&gt; &quot;Platform&quot;</h1>')
    const user = await t.http(`/crm/type/0/details/0/../../../../../company/personal/user/${users.mobileDev}/`)
    expect(user.body).toContain('James O&#39;Connor')
    expect(user.body).toContain('Mobile developer')
    const task = await t.http(`/company/personal/user/${users.admin}/tasks/task/view/${tasks.xlStoryPoints}/`)
    expect(task.body).toContain('Cache the product catalogue offline')
    expect(task.body).toContain('Mobile App')
    expect((await t.http(`/workgroups/group/${groups.mobile}/tasks/task/view/${tasks.xlStoryPoints}/`)).status).toBe(200)
    expect((await t.http('/workgroups/group/4242/')).status).toBe(404)
    expect((await t.http('/company/personal/user/4242/')).status).toBe(404)
    expect((await t.http('/nowhere')).status).toBe(404)
    const avatar = await t.http('/avatars/user/1.svg')
    expect(avatar.headers.get('content-type')).toBe('image/svg+xml')
  })
})

describe('host page missing', () => {
  let portal: RunningPortal
  beforeAll(async () => {
    portal = await startPortal({ port: 0, hostDir: join(hostDir, 'nope') })
  })
  afterAll(() => portal.close())
  it('GET / says the host page is missing (500)', async () => {
    const r = await fetch(`${portal.url}/`)
    expect(r.status).toBe(500)
    expect(await r.text()).toMatch(/host page is missing/)
  })
})

describe('--serve-app', () => {
  const dist = mkdtempSync(join(tmpdir(), 'portal-dist-'))
  mkdirSync(join(dist, 'assets'))
  writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>')
  writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(dist, 'assets', 'app.css'), 'body{}')
  let portal: RunningPortal
  beforeAll(async () => {
    portal = await startPortal({ port: 0, appPort: 0, serveAppDir: dist })
  })
  afterAll(() => portal.close())

  it('answers the launch POST and unknown paths with index.html, files with their types', async () => {
    expect(portal.appUrl).toMatch(/^http:\/\/localhost:\d+\/$/)
    expect(portal.appUrl).not.toBe(`${portal.url}/`)
    const launch = await fetch(`${portal.appUrl}?DOMAIN=localhost&PROTOCOL=0&LANG=en&APP_SID=x`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'AUTH_ID=abc&AUTH_EXPIRES=3600&PLACEMENT=DEFAULT',
    })
    expect(launch.status).toBe(200)
    expect(launch.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await launch.text()).toContain('id="root"')
    expect(await (await fetch(`${portal.appUrl}deep/link`, { method: 'POST' })).text()).toContain('id="root"')
    const js = await fetch(`${portal.appUrl}assets/app.js`)
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await js.text()).toBe('console.log(1)')
    expect((await fetch(`${portal.appUrl}assets/app.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8')
    // The portal tells the host page where the app is.
    expect((await (await fetch(`${portal.url}/portal/config`)).json()).appUrl).toBe(portal.appUrl)
  })

  it('fails loudly when the app is not built', async () => {
    const empty = await startPortal({ port: 0, appPort: 0, serveAppDir: join(dist, 'missing') })
    try {
      const r = await fetch(empty.appUrl)
      expect(r.status).toBe(500)
      expect(await r.text()).toMatch(/not built/)
    } finally {
      await empty.close()
    }
  })
})

describe('control API', () => {
  it('reset restores seeded data, faults and latency', async () => {
    expect((await t.call('tasks.api.scrum.backlog.delete', { id: backlogs.mistakenBacklog })).status).toBe(200)
    await t.control('faults', { method: 'user.current', count: -1 })
    await t.control('latency', { ms: 50 })
    await t.control('reset', { seed: 'default' })
    expect((await t.call('tasks.api.scrum.backlog.get', { id: groups.mistakenBacklog })).status).toBe(200)
    const me = await t.call('user.current')
    expect(me.status).toBe(200)
    expect(me.ms).toBeLessThan(50)
    expect(await t.control('settings')).toMatchObject({ latencyMs: 0, errorCodeStyle: 'string', tokenTtlSeconds: 3600, seed: 'default' })
  })

  it('rejects bad input with 400 and unknown routes with 404', async () => {
    expect((await t.postJson('/control/reset', { seed: 'huge' })).status).toBe(400)
    expect((await t.postJson('/control/faults', {})).status).toBe(400)
    expect((await t.postJson('/control/latency', { ms: -1 })).status).toBe(400)
    expect((await t.http('/control/reset', { method: 'POST', body: '{', headers: { 'content-type': 'application/json' } })).status).toBe(400)
    expect((await t.http('/control/nothing')).status).toBe(404)
  })

  it('planning-opened creates a missing backlog, once', async () => {
    const first = await t.control('planning-opened', { groupId: groups.noBacklog })
    expect(first).toMatchObject({ created: true, backlog: { groupId: groups.noBacklog, createdBy: users.scrumMaster } })
    const again = await t.control('planning-opened', { groupId: groups.noBacklog })
    expect(again).toMatchObject({ created: false, backlog: first.backlog })
    expect((await t.call('tasks.api.scrum.backlog.get', { id: groups.noBacklog })).body.result).toStrictEqual(first.backlog)
  })

  it('dumps the store', async () => {
    const dump = await t.control('store')
    expect(dump.groups).toHaveLength(12)
    expect(dump.groups[0].members).toMatchObject({ [users.productOwner]: 'A', [users.scrumMaster]: 'E', [users.regular]: 'K' })
    expect(dump.items.find((i: { taskId: number }) => i.taskId === tasks.xlStoryPoints)).toMatchObject({ storyPoints: 'XL', entityId: backlogs.mobile })
  })
})
