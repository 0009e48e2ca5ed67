import { beforeEach, describe, expect, it } from 'vitest'
import { ENGINE_KEYS, SEED, setupPortal } from '../test-helpers'

const t = setupPortal()
const { users, groups, backlogs } = SEED
const batch = (body: Record<string, unknown>, user: number = users.admin) => t.as(user, 'batch', body)

beforeEach(async () => {
  await t.reset()
})

describe('batch', () => {
  it('runs an object cmd: named results, errors, totals, times; empty maps are []', async () => {
    const r = await batch({
      halt: 0,
      cmd: {
        bl: `tasks.api.scrum.backlog.get?id=${groups.mobile}`,
        bad: `tasks.api.scrum.backlog.get?id=${groups.noBacklog}`,
        u: `user.get?FILTER[ID][0]=${users.admin}&FILTER[ID][1]=${users.regular}`,
      },
    })
    expect(r.status).toBe(200)
    expect(Object.keys(r.body).sort()).toEqual(['result', 'time'])
    const out = r.body.result
    expect(Object.keys(out)).toEqual(['result', 'result_error', 'result_total', 'result_next', 'result_time'])
    expect(out.result.bl).toStrictEqual({ id: backlogs.mobile, groupId: groups.mobile, createdBy: users.scrumMaster, modifiedBy: users.scrumMaster })
    expect(out.result.u.map((u: { ID: string }) => u.ID)).toEqual(['1', '5'])
    expect(out.result_error).toStrictEqual({ bad: { error: '0', error_description: 'Backlog not found' } })
    expect(out.result_total).toStrictEqual({ u: 2 })
    expect(out.result_next).toStrictEqual([])
    expect(Object.keys(out.result_time)).toEqual(['bl', 'u'])
    expect(Object.keys(out.result_time.bl)).toEqual(ENGINE_KEYS)
    expect(Object.keys(r.body.time)).toEqual(ENGINE_KEYS)

    const clean = (await batch({ cmd: { me: 'user.current' } })).body.result
    expect(clean.result_error).toStrictEqual([])
    expect(clean.result_total).toStrictEqual([])
  })

  it('an array cmd gives JSON arrays; gaps turn them into objects with numeric keys', async () => {
    const ok = (await batch({ cmd: ['user.current', `tasks.api.scrum.backlog.get?id=${groups.alpha}`] })).body.result
    expect(Array.isArray(ok.result)).toBe(true)
    expect(ok.result[1].id).toBe(backlogs.alpha)
    expect(Array.isArray(ok.result_time)).toBe(true)
    const gap = (await batch({ cmd: ['user.current', 'tasks.api.scrum.backlog.get?id=0', 'user.current'] })).body.result
    expect(Array.isArray(gap.result)).toBe(false)
    expect(Object.keys(gap.result)).toEqual(['0', '2'])
    expect(gap.result_error).toStrictEqual({ 1: { error: '0', error_description: 'Group id not found' } })
  })

  it('halt stops at the first failure; later commands are absent', async () => {
    const r = (await batch({ halt: 1, cmd: { a: 'user.current', b: 'tasks.api.scrum.backlog.get?id=0', c: 'user.current' } })).body.result
    expect(Object.keys(r.result)).toEqual(['a'])
    expect(Object.keys(r.result_error)).toEqual(['b'])
    expect(r.result_time.c).toBeUndefined()
    // HALT / CMD keys are case-insensitive; "false" means no halt.
    const upper = (await batch({ HALT: 'false', CMD: { a: 'tasks.api.scrum.backlog.get?id=0', b: 'user.current' } })).body.result
    expect(Object.keys(upper.result)).toEqual(['b'])
  })

  it('$result references: a whole value keeps arrays, embedded ones are string-replaced', async () => {
    const r = (
      await batch({
        cmd: {
          g: `socialnetwork.api.workgroup.get?params[groupId]=${groups.mobile}`,
          members: 'user.get?FILTER[ID]=$result[g][MEMBERS]',
          copy: 'sonet_group.create?NAME=Copy of $result[g][NAME]&SCRUM_MASTER_ID=$result[g][SCRUM_MASTER_ID]',
          check: 'socialnetwork.api.workgroup.get?params[groupId]=$result[copy]',
          bl: 'tasks.api.scrum.backlog.get?id=$result[check][ID]',
          last: 'user.get?ID=$total[members]',
        },
      })
    ).body.result
    expect(r.result.members.map((u: { ID: string }) => Number(u.ID))).toEqual(r.result.g.MEMBERS)
    expect(r.result.check).toMatchObject({ NAME: 'Copy of Mobile App', SCRUM_MASTER_ID: users.scrumMaster, TYPE: 'scrum' })
    // A scrum created by REST has no backlog until the Planning page is opened.
    expect(r.result_error.bl).toStrictEqual({ error: '0', error_description: 'Backlog not found' })
    expect(r.result.last.map((u: { ID: string }) => u.ID)).toEqual(['8'])
  })

  it('runs at most 50 commands; the rest get ERROR_BATCH_LENGTH_EXCEEDED with HTTP 200', async () => {
    const cmd = Object.fromEntries(Array.from({ length: 52 }, (_, i) => [`c${i}`, 'user.current']))
    const r = await batch({ cmd })
    expect(r.status).toBe(200)
    expect(Object.keys(r.body.result.result)).toHaveLength(50)
    expect(r.body.result.result_error).toStrictEqual({
      c50: { error: 'ERROR_BATCH_LENGTH_EXCEEDED', error_description: 'Max batch length exceeded' },
      c51: { error: 'ERROR_BATCH_LENGTH_EXCEEDED', error_description: 'Max batch length exceeded' },
    })
  })

  it('refuses a nested batch and reports unknown methods per command', async () => {
    const r = (await batch({ cmd: { inner: 'batch?cmd[a]=user.current', nope: 'no.such.method', ok: 'user.current' } })).body.result
    expect(r.result_error).toStrictEqual({
      inner: { error: 'ERROR_BATCH_METHOD_NOT_ALLOWED', error_description: 'Method is not allowed for batch usage' },
      nope: { error: 'ERROR_METHOD_NOT_FOUND', error_description: 'Method not found!' },
    })
    expect(Object.keys(r.result)).toEqual(['ok'])
  })

  it('sub-calls run as the caller, with the caller’s scopes', async () => {
    const token = (await t.session(users.regular, 'user_brief')).AUTH_ID
    const r = await t.call('batch', { cmd: { me: 'user.current', bl: `tasks.api.scrum.backlog.get?id=${groups.mobile}` } }, { token })
    expect(r.body.result.result.me.ID).toBe(String(users.regular))
    expect(r.body.result.result_error.bl.error).toBe('insufficient_scope')
    const denied = (await batch({ cmd: { x: `tasks.api.scrum.backlog.get?id=${groups.hiddenFromRegular}` } }, users.regular)).body.result
    expect(denied.result_error.x.error_description).toBe('Access denied')
  })

  it('works form-encoded, through the webhook, and writes', async () => {
    const form = await t.call('batch', { cmd: { a: `tasks.api.scrum.backlog.delete?id=${backlogs.mistakenBacklog}`, b: 'user.current' } }, { mode: 'form' })
    expect(form.body.result.result.a).toStrictEqual([])
    expect((await t.call('tasks.api.scrum.backlog.get', { id: groups.mistakenBacklog })).body.error_description).toBe('Backlog not found')
    const hook = await t.call('', { cmd: { me: 'user.current' } }, { token: null, path: '/rest/1/devportaladminhook/batch' })
    expect(hook.body.result.result.me.ID).toBe('1')
    expect((await batch({})).body.result).toStrictEqual({ result: [], result_error: [], result_total: [], result_next: [], result_time: [] })
  })

  it('passes `start` to list sub-calls and reports result_total / result_next', async () => {
    const r = (await batch({ cmd: { a: 'user.get?start=0', b: 'user.get?start=50', c: 'user.get?start=10' } })).body.result
    expect(r.result.a).toHaveLength(16)
    // user.get answers an empty page as a bare [] without total (User::prepareUserGetResult).
    expect(r.result.b).toEqual([])
    expect(r.result.c).toHaveLength(6)
    expect(r.result_total).toStrictEqual({ a: 16, c: 16 })
    expect(r.result_next).toStrictEqual([])
  })
})
