import { beforeEach, describe, expect, it } from 'vitest'
import { binderInvalid, binderMissing, engineErr, failure, SEED, setupPortal, type Json } from '../test-helpers'

const t = setupPortal()
const { users, groups, epics, tasks } = SEED

beforeEach(async () => {
  await t.reset()
})

const EPIC_KEYS = ['id', 'groupId', 'name', 'description', 'createdBy', 'modifiedBy', 'color']
const add = (fields: unknown, user: number = users.admin) => t.as(user, 'tasks.api.scrum.epic.add', { fields })
const list = (params: Record<string, unknown> = {}, user: number = users.admin) => t.as(user, 'tasks.api.scrum.epic.list', params)
const idsOf = (r: Json): number[] => r.body.result.map((e: { id: number }) => e.id)

describe('tasks.api.scrum.epic.add', () => {
  it('returns the epic: createdBy = caller, modifiedBy 0, default colour', async () => {
    const r = await add({ groupId: groups.mobile, name: 'Search' }, users.regular)
    expect(r.status).toBe(200)
    expect(Object.keys(r.body)).toEqual(['result', 'time'])
    const { id } = r.body.result
    expect(r.body.result).toStrictEqual({ id, groupId: groups.mobile, name: 'Search', description: '', createdBy: users.regular, modifiedBy: 0, color: '#69dafc' })
    expect(id).toBeGreaterThan(epics.nebulaCompliance)
  })

  it('takes description, colour, createdBy/modifiedBy and numeric strings', async () => {
    const r = await add({ groupId: String(groups.alpha), name: 'Отчёты', description: 'Квартальные', color: '#ff5752', createdBy: String(users.analyst), modifiedBy: users.qa })
    expect(r.body.result).toMatchObject({ groupId: groups.alpha, name: 'Отчёты', description: 'Квартальные', color: '#ff5752', createdBy: users.analyst, modifiedBy: users.qa })
  })

  it('errors in order, with the page\'s texts: binder → Group is not found → Name is not found → Access denied → createdBy → modifiedBy', async () => {
    expect(failure(await t.call('tasks.api.scrum.epic.add', {}))).toEqual(binderMissing('fields'))
    expect(failure(await add('x'))).toEqual(binderInvalid('fields', 'x', 'array'))
    // "GROUP_ID parameter not specified or group with such ID does not exist" (epic.add page).
    expect(failure(await add({ name: '' }))).toEqual(engineErr('Group is not found'))
    expect(failure(await add({ groupId: 99_999, name: 'x' }))).toEqual(engineErr('Group is not found'))
    expect(failure(await add({ groupId: groups.quality, name: '  ' }, users.regular))).toEqual(engineErr('Name is not found'))
    expect(failure(await add({ groupId: groups.quality, name: 'x', createdBy: 99_999 }, users.regular))).toEqual(engineErr('Access denied'))
    expect(failure(await add({ groupId: groups.mobile, name: 'x', createdBy: 99_999, modifiedBy: 99_998 }))).toEqual(engineErr('createdBy user not found'))
    expect(failure(await add({ groupId: groups.mobile, name: 'x', modifiedBy: 99_998 }))).toEqual(engineErr('modifiedBy user not found'))
    expect(t.portal.store.epicsOf(groups.mobile)).toHaveLength(3)
  })
})

describe('tasks.api.scrum.epic.update', () => {
  it('updates only what is given; modifiedBy defaults to the caller', async () => {
    const r = await t.as(users.regular, 'tasks.api.scrum.epic.update', { id: epics.payments, fields: { color: '#000000', name: 42 } })
    expect(r.status).toBe(200)
    expect(r.body.result).toStrictEqual({ id: epics.payments, groupId: groups.mobile, name: 'Payments', description: '', createdBy: users.productOwner, modifiedBy: users.regular, color: '#000000' })
    const moved = await t.call('tasks.api.scrum.epic.update', { id: epics.payments, fields: { groupId: groups.alpha, description: 'Moved', modifiedBy: users.qa } })
    expect(moved.body.result).toMatchObject({ groupId: groups.alpha, description: 'Moved', modifiedBy: users.qa })
  })

  it('files: "n<id>" are added, anything else skipped, [] detaches all', async () => {
    const upd = (files: unknown) => t.call('tasks.api.scrum.epic.update', { id: epics.offline, fields: { files } })
    await upd(['n12', '13', 'n14'])
    await upd(['n15'])
    expect((await t.call('tasks.api.scrum.epic.get', { id: epics.offline })).body.result.files.VALUE).toEqual([12, 14, 15])
    await upd([])
    expect((await t.call('tasks.api.scrum.epic.get', { id: epics.offline })).body.result.files.VALUE).toEqual([])
  })

  it('errors in order: binder → Epic not found → Access denied → users → Epic not updated', async () => {
    const upd = (id: unknown, fields: unknown, user: number = users.admin) => t.as(user, 'tasks.api.scrum.epic.update', { id, fields })
    expect(failure(await t.call('tasks.api.scrum.epic.update', { fields: {} }))).toEqual(binderMissing('id'))
    expect(failure(await t.call('tasks.api.scrum.epic.update', { id: epics.payments }))).toEqual(binderMissing('fields'))
    expect(failure(await upd('p', {}))).toEqual(binderInvalid('id', 'p'))
    expect(failure(await upd(0, {}))).toEqual(engineErr('Epic not found'))
    expect(failure(await upd(99_999, { createdBy: 99_999 }))).toEqual(engineErr('Epic not found'))
    expect(failure(await upd(epics.nebulaCompliance, { createdBy: 99_999 }, users.regular))).toEqual(engineErr('Access denied'))
    // Moving to a group the caller cannot read.
    expect(failure(await upd(epics.payments, { groupId: groups.quality, createdBy: 99_999 }, users.regular))).toEqual(engineErr('Access denied'))
    expect(failure(await upd(epics.payments, { createdBy: 99_999, modifiedBy: 99_998 }))).toEqual(engineErr('createdBy user not found'))
    expect(failure(await upd(epics.payments, { modifiedBy: 99_998 }))).toEqual(engineErr('modifiedBy user not found'))
    expect(failure(await upd(epics.payments, { name: ' ' }))).toEqual(engineErr('Epic not updated'))
    expect(t.portal.store.epic(epics.payments)).toMatchObject({ name: 'Payments', groupId: groups.mobile, modifiedBy: 0 })
  })
})

describe('tasks.api.scrum.epic.get', () => {
  it('adds the files descriptor to the epic', async () => {
    const r = await t.as(users.regular, 'tasks.api.scrum.epic.get', { id: epics.onboarding })
    expect(Object.keys(r.body.result)).toEqual([...EPIC_KEYS, 'files'])
    expect(r.body.result).toMatchObject({ id: epics.onboarding, name: 'Onboarding', description: 'First-run experience', color: '#69dafc' })
    expect(r.body.result.files).toMatchObject({ ENTITY_ID: 'TASKS_SCRUM_EPIC', FIELD_NAME: 'UF_SCRUM_EPIC_FILES', USER_TYPE_ID: 'disk_file', MULTIPLE: 'Y', VALUE: [], ENTITY_VALUE_ID: epics.onboarding })
  })

  it('errors: binder → Epic not found → Access denied', async () => {
    expect(failure(await t.call('tasks.api.scrum.epic.get', {}))).toEqual(binderMissing('id'))
    expect(failure(await t.call('tasks.api.scrum.epic.get', { id: 0 }))).toEqual(engineErr('Epic not found'))
    expect(failure(await t.as(users.regular, 'tasks.api.scrum.epic.get', { id: epics.nebulaCompliance }))).toEqual(engineErr('Access denied'))
    expect((await t.as(users.admin, 'tasks.api.scrum.epic.get', { id: epics.nebulaCompliance })).status).toBe(200)
  })
})

describe('tasks.api.scrum.epic.list', () => {
  it('returns a plain array of full epics, no total/next; only groups the caller is in', async () => {
    const r = await list({}, users.regular)
    expect(Object.keys(r.body)).toEqual(['result', 'time'])
    expect(idsOf(r)).toEqual([epics.onboarding, epics.payments, epics.offline, epics.platformAuth, epics.alphaRelease])
    expect(r.body.result[3]).toStrictEqual({ id: epics.platformAuth, groupId: groups.platform, name: 'Auth & "SSO"', description: '', createdBy: users.techLead, modifiedBy: 0, color: '#ffa900' })
    // Admins see every group's epics.
    expect(idsOf(await list())).toContain(epics.nebulaCompliance)
    // A filter cannot reach past the membership rule.
    expect((await list({ filter: { GROUP_ID: groups.hiddenFromRegular } }, users.regular)).body.result).toStrictEqual([])
  })

  it('UPPER filter keys with prefixes; order; unselected fields come back as 0 or ""', async () => {
    const r = await list({ filter: { GROUP_ID: groups.mobile, '%NAME': 'o' }, select: ['ID', 'NAME'], order: { ID: 'desc' } })
    expect(r.body.result).toStrictEqual([
      { id: epics.offline, groupId: 0, name: 'Offline mode', description: '', createdBy: 0, modifiedBy: 0, color: '' },
      { id: epics.onboarding, groupId: 0, name: 'Onboarding', description: '', createdBy: 0, modifiedBy: 0, color: '' },
    ])
    expect(idsOf(await list({ filter: { '>ID': epics.payments, '<=ID': epics.platformAuth } }))).toEqual([epics.offline, epics.platformAuth])
    expect(idsOf(await list({ filter: { '!=GROUP_ID': groups.mobile, COLOR: '#2FC6F6' } }))).toEqual([epics.alphaRelease])
    expect(idsOf(await list({ filter: { ID: [epics.payments, epics.alphaRelease] }, select: ['*'] }))).toEqual([epics.payments, epics.alphaRelease])
  })

  it('a wrong-case or unknown name anywhere gives an empty list, not an error', async () => {
    for (const params of [{ filter: { groupId: groups.mobile } }, { filter: { '%name': 'o' } }, { select: ['id'] }, { select: ['ID', 'FILES'] }, { order: { id: 'asc' } }, { order: { ID: 'up' } }]) {
      const r = await list(params)
      expect([r.status, r.body.result]).toEqual([200, []])
    }
  })

  it('pages by 50 with start (floored), without total or next', async () => {
    for (let i = 0; i < 70; i++) t.portal.store.addEpic({ groupId: groups.emptyBacklog, name: `E${i}`, description: '', color: '#69dafc', createdBy: users.regular, modifiedBy: 0, files: [] })
    const page = (start: number) => list({ filter: { GROUP_ID: groups.emptyBacklog }, start }, users.regular)
    const first = await page(0)
    expect(first.body.result).toHaveLength(50)
    expect(first.body.next).toBeUndefined()
    expect(first.body.total).toBeUndefined()
    const second = await page(75)
    expect(second.body.result).toHaveLength(20)
    expect(second.body.result[0].name).toBe('E50')
  })
})

describe('tasks.api.scrum.epic.delete', () => {
  it('answers [] and leaves the dead epicId on tasks', async () => {
    const r = await t.call('tasks.api.scrum.epic.delete', { id: epics.offline })
    expect(r.status).toBe(200)
    expect(r.body.result).toStrictEqual([])
    expect((await t.call('tasks.api.scrum.task.get', { id: tasks.xlStoryPoints })).body.result.epicId).toBe(epics.offline)
    expect(failure(await t.call('tasks.api.scrum.epic.get', { id: epics.offline }))).toEqual(engineErr('Epic not found'))
    expect(failure(await t.call('tasks.api.scrum.epic.delete', { id: epics.offline }))).toEqual(engineErr('Epic not found'))
    // The dead id cannot be set again; 0 detaches.
    expect(failure(await t.call('tasks.api.scrum.task.update', { id: tasks.unestimated, fields: { epicId: epics.offline } }))).toEqual(engineErr('Epic not found'))
    await t.call('tasks.api.scrum.task.update', { id: tasks.xlStoryPoints, fields: { epicId: 0 } })
    expect(t.portal.store.itemOf(tasks.xlStoryPoints)?.epicId).toBe(0)
  })

  it('errors: binder → Epic not found → Access denied', async () => {
    expect(failure(await t.call('tasks.api.scrum.epic.delete', {}))).toEqual(binderMissing('id'))
    expect(failure(await t.call('tasks.api.scrum.epic.delete', { id: 'one' }))).toEqual(binderInvalid('id', 'one'))
    expect(failure(await t.as(users.regular, 'tasks.api.scrum.epic.delete', { id: epics.nebulaCompliance }))).toEqual(engineErr('Access denied'))
    expect(t.portal.store.epic(epics.nebulaCompliance)).toBeDefined()
  })
})

describe('tasks.api.scrum.epic.getFields', () => {
  it('describes the writable fields', async () => {
    const r = await t.as(users.extranet, 'tasks.api.scrum.epic.getFields')
    expect(r.body.result).toStrictEqual({
      fields: {
        name: { type: 'string' }, description: { type: 'string' }, groupId: { type: 'integer' }, color: { type: 'string' },
        files: { type: 'array' }, createdBy: { type: 'integer' }, modifiedBy: { type: 'integer' },
      },
    })
  })
})
