import { beforeEach, describe, expect, it } from 'vitest'
import { binderInvalid, binderMissing, ENGINE_KEYS, engineErr, failure, SEED, setupPortal } from '../test-helpers'

const t = setupPortal()
const { users, groups, backlogs, sprints } = SEED

beforeEach(async () => {
  await t.reset()
})

describe('tasks.api.scrum.backlog.get', () => {
  it('returns the backlog of a group (by GROUP id) as four ints inside the envelope', async () => {
    const r = await t.call('tasks.api.scrum.backlog.get', { id: groups.mobile })
    expect(r.status).toBe(200)
    expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(Object.keys(r.body).sort()).toEqual(['result', 'time'])
    expect(r.body.result).toStrictEqual({ id: backlogs.mobile, groupId: groups.mobile, createdBy: users.scrumMaster, modifiedBy: users.scrumMaster })
    expect(Object.keys(r.body.time)).toEqual(ENGINE_KEYS)
  })

  it('reports binder errors before anything else; names are exact (ID is not id)', async () => {
    expect(failure(await t.call('tasks.api.scrum.backlog.get', {}))).toEqual(binderMissing('id'))
    expect(failure(await t.call('tasks.api.scrum.backlog.get', { ID: groups.mobile }))).toEqual(binderMissing('id'))
    expect(failure(await t.call('tasks.api.scrum.backlog.get', { id: 'abc' }))).toEqual(binderInvalid('id', 'abc'))
    expect(failure(await t.call('tasks.api.scrum.backlog.get', { id: '' }))).toEqual(binderInvalid('id', ''))
    expect(failure(await t.call('tasks.api.scrum.backlog.get', { id: [1] }))).toEqual(binderInvalid('id', 'Array'))
  })

  it('errors in source order: Group id not found → Backlog not found → Access denied', async () => {
    expect(failure(await t.call('tasks.api.scrum.backlog.get', { id: 0 }))).toEqual(engineErr('Group id not found'))
    expect(failure(await t.call('tasks.api.scrum.backlog.get', { id: groups.noBacklog }))).toEqual(engineErr('Backlog not found'))
    expect(failure(await t.call('tasks.api.scrum.backlog.get', { id: 99_999 }))).toEqual(engineErr('Backlog not found'))
    // A backlog id is not a group id.
    expect(failure(await t.call('tasks.api.scrum.backlog.get', { id: backlogs.mobile }))).toEqual(engineErr('Backlog not found'))
    expect(failure(await t.as(users.regular, 'tasks.api.scrum.backlog.get', { id: groups.hiddenFromRegular }))).toEqual(engineErr('Access denied'))
    // No backlog AND no access: "Backlog not found" wins, as the backlog lookup comes first.
    expect(failure(await t.as(users.regular, 'tasks.api.scrum.backlog.get', { id: groups.project }))).toEqual(engineErr('Backlog not found'))
  })

  it('lets members and portal admins read', async () => {
    expect((await t.as(users.regular, 'tasks.api.scrum.backlog.get', { id: groups.hiddenWithRegular })).body.result.id).toBe(backlogs.hiddenWithRegular)
    // The admin is not a member of Data Platform but may read every group's tasks.
    expect((await t.as(users.admin, 'tasks.api.scrum.backlog.get', { id: groups.hiddenWithRegular })).status).toBe(200)
    // Visible is not enough: the regular user is not a member of Qualitätssicherung.
    expect(failure(await t.as(users.regular, 'tasks.api.scrum.backlog.get', { id: groups.quality }))).toEqual(engineErr('Access denied'))
  })
})

describe('tasks.api.scrum.backlog.add', () => {
  it('creates the missing backlog; omitted modifiedBy is stored as 0', async () => {
    const r = await t.as(users.regular, 'tasks.api.scrum.backlog.add', { fields: { groupId: groups.noBacklog, createdBy: users.regular } })
    expect(r.status).toBe(200)
    const { id } = r.body.result
    expect(r.body.result).toStrictEqual({ id, groupId: groups.noBacklog, createdBy: users.regular, modifiedBy: 0 })
    expect(id).toBeGreaterThan(Math.max(...Object.values(sprints)))
    expect((await t.call('tasks.api.scrum.backlog.get', { id: groups.noBacklog })).body.result).toStrictEqual(r.body.result)
  })

  it('stores 0 for an omitted createdBy (the `?? 0` quirk), not the caller', async () => {
    const r = await t.call('tasks.api.scrum.backlog.add', { fields: { groupId: groups.noBacklog } })
    expect(r.body.result).toMatchObject({ createdBy: 0, modifiedBy: 0 })
  })

  it('is allowed on a group that is not a scrum', async () => {
    const r = await t.call('tasks.api.scrum.backlog.add', { fields: { groupId: groups.plain, createdBy: users.admin, modifiedBy: users.admin } })
    expect(r.body.result).toMatchObject({ groupId: groups.plain, createdBy: users.admin, modifiedBy: users.admin })
  })

  it('binder errors for fields', async () => {
    expect(failure(await t.call('tasks.api.scrum.backlog.add', {}))).toEqual(binderMissing('fields'))
    expect(failure(await t.call('tasks.api.scrum.backlog.add', { fields: 'x' }))).toEqual(binderInvalid('fields', 'x', 'array'))
  })

  it('errors in order: Group id not found → Access denied → Backlog already added → createdBy → modifiedBy', async () => {
    const add = (fields: object, user: number = users.admin) => t.as(user, 'tasks.api.scrum.backlog.add', { fields })
    expect(failure(await add({}))).toEqual(engineErr('Group id not found'))
    expect(failure(await add({ groupId: 0, createdBy: 99_999 }))).toEqual(engineErr('Group id not found'))
    expect(failure(await add({ groupId: 99_999 }))).toEqual(engineErr('Access denied'))
    // Access is checked before "already added".
    expect(failure(await add({ groupId: groups.quality, createdBy: 99_999 }, users.regular))).toEqual(engineErr('Access denied'))
    expect(failure(await add({ groupId: groups.mobile, createdBy: 99_999 }))).toEqual(engineErr('Backlog already added'))
    expect(failure(await add({ groupId: groups.noBacklog, createdBy: 99_999, modifiedBy: 99_998 }))).toEqual(engineErr('createdBy user not found'))
    expect(failure(await add({ groupId: groups.noBacklog, createdBy: users.admin, modifiedBy: 99_998 }))).toEqual(engineErr('modifiedBy user not found'))
    // Nothing was created by the failures.
    expect(failure(await t.call('tasks.api.scrum.backlog.get', { id: groups.noBacklog }))).toEqual(engineErr('Backlog not found'))
  })

  it('a dismissed user still exists for createdBy', async () => {
    const r = await t.call('tasks.api.scrum.backlog.add', { fields: { groupId: groups.noBacklog, createdBy: users.inactive } })
    expect(r.body.result.createdBy).toBe(users.inactive)
  })
})

describe('tasks.api.scrum.backlog.update', () => {
  it('moves an empty backlog to another group and writes modifiedBy 0 when omitted', async () => {
    const r = await t.call('tasks.api.scrum.backlog.update', { id: backlogs.emptyBacklog, fields: { groupId: groups.noBacklog } })
    expect(r.status).toBe(200)
    expect(r.body.result).toStrictEqual({ id: backlogs.emptyBacklog, groupId: groups.noBacklog, createdBy: users.regular, modifiedBy: 0 })
    expect((await t.call('tasks.api.scrum.backlog.get', { id: groups.noBacklog })).body.result.id).toBe(backlogs.emptyBacklog)
    expect(failure(await t.call('tasks.api.scrum.backlog.get', { id: groups.emptyBacklog }))).toEqual(engineErr('Backlog not found'))
  })

  it('updates createdBy / modifiedBy', async () => {
    const r = await t.call('tasks.api.scrum.backlog.update', { id: backlogs.mobile, fields: { createdBy: users.productOwner, modifiedBy: users.admin } })
    expect(r.body.result).toStrictEqual({ id: backlogs.mobile, groupId: groups.mobile, createdBy: users.productOwner, modifiedBy: users.admin })
  })

  it('binder errors: id before fields', async () => {
    expect(failure(await t.call('tasks.api.scrum.backlog.update', {}))).toEqual(binderMissing('id'))
    expect(failure(await t.call('tasks.api.scrum.backlog.update', { id: 'x' }))).toEqual(binderInvalid('id', 'x'))
    expect(failure(await t.call('tasks.api.scrum.backlog.update', { id: backlogs.mobile }))).toEqual(binderMissing('fields'))
    expect(failure(await t.call('tasks.api.scrum.backlog.update', { id: backlogs.mobile, fields: 5 }))).toEqual(binderInvalid('fields', '5', 'array'))
  })

  it('errors in order: Backlog id not found → Backlog not found → Access denied → move rules → users', async () => {
    const update = (id: number, fields: object, user: number = users.admin) => t.as(user, 'tasks.api.scrum.backlog.update', { id, fields })
    expect(failure(await update(0, { createdBy: 99_999 }))).toEqual(engineErr('Backlog id not found'))
    expect(failure(await update(99_999, {}))).toEqual(engineErr('Backlog not found'))
    // Backlogs and sprints share one table; a sprint id is "not found" for backlog methods.
    expect(failure(await update(sprints.mobileActive, {}))).toEqual(engineErr('Backlog not found'))
    expect(failure(await update(backlogs.quality, { createdBy: 99_999 }, users.regular))).toEqual(engineErr('Access denied'))
    // With items AND a target that has a backlog: the items rule comes first.
    expect(failure(await update(backlogs.mobile, { groupId: groups.platform }))).toEqual(engineErr('It is forbidden move a backlog with items'))
    expect(failure(await update(backlogs.mobile, { groupId: groups.noBacklog }))).toEqual(engineErr('It is forbidden move a backlog with items'))
    expect(failure(await update(backlogs.emptyBacklog, { groupId: groups.mobile, createdBy: 99_999 }))).toEqual(engineErr('The target group already has a backlog'))
    expect(failure(await update(backlogs.mobile, { createdBy: 99_999, modifiedBy: 99_998 }))).toEqual(engineErr('createdBy user not found'))
    expect(failure(await update(backlogs.mobile, { modifiedBy: 99_998 }))).toEqual(engineErr('modifiedBy user not found'))
    // Same group is not a move.
    expect((await update(backlogs.mobile, { groupId: groups.mobile })).status).toBe(200)
  })
})

describe('tasks.api.scrum.backlog.delete', () => {
  it('deletes an empty backlog and answers result: []', async () => {
    const r = await t.call('tasks.api.scrum.backlog.delete', { id: backlogs.mistakenBacklog })
    expect(r.status).toBe(200)
    expect(r.body.result).toStrictEqual([])
    expect(Object.keys(r.body.time)).toEqual(ENGINE_KEYS)
    expect(failure(await t.call('tasks.api.scrum.backlog.get', { id: groups.mistakenBacklog }))).toEqual(engineErr('Backlog not found'))
    // Gone means gone.
    expect(failure(await t.call('tasks.api.scrum.backlog.delete', { id: backlogs.mistakenBacklog }))).toEqual(engineErr('Backlog not found'))
  })

  it('errors in order: binder → Backlog id not found → Backlog not found → Access denied → has items', async () => {
    expect(failure(await t.call('tasks.api.scrum.backlog.delete', {}))).toEqual(binderMissing('id'))
    expect(failure(await t.call('tasks.api.scrum.backlog.delete', { id: '1x' }))).toEqual(binderInvalid('id', '1x'))
    expect(failure(await t.call('tasks.api.scrum.backlog.delete', { id: 0 }))).toEqual(engineErr('Backlog id not found'))
    expect(failure(await t.call('tasks.api.scrum.backlog.delete', { id: sprints.mobilePlanned }))).toEqual(engineErr('Backlog not found'))
    expect(failure(await t.as(users.regular, 'tasks.api.scrum.backlog.delete', { id: backlogs.mistakenBacklog }))).toEqual(engineErr('Access denied'))
    expect(failure(await t.as(users.regular, 'tasks.api.scrum.backlog.delete', { id: backlogs.quality }))).toEqual(engineErr('Access denied'))
    expect(failure(await t.call('tasks.api.scrum.backlog.delete', { id: backlogs.mobile }))).toEqual(engineErr('It is forbidden remove a backlog with items'))
  })

  it('a deleted backlog can be added again, with a new id from the shared sequence', async () => {
    await t.call('tasks.api.scrum.backlog.delete', { id: backlogs.emptyBacklog })
    const r = await t.call('tasks.api.scrum.backlog.add', { fields: { groupId: groups.emptyBacklog, createdBy: users.regular } })
    expect(r.body.result.id).not.toBe(backlogs.emptyBacklog)
    const sprint = await t.portal.store.addSprint({ groupId: groups.mobile, name: 'S', goal: '', sort: 9, createdBy: 1, modifiedBy: 1, dateStart: null, dateEnd: null, status: 'planned' })
    expect(sprint.id).toBe(r.body.result.id + 1)
  })
})

describe('tasks.api.scrum.backlog.getFields', () => {
  it('describes the three writable fields', async () => {
    const r = await t.as(users.regular, 'tasks.api.scrum.backlog.getFields')
    expect(r.body.result).toStrictEqual({ fields: { groupId: { type: 'integer' }, createdBy: { type: 'integer' }, modifiedBy: { type: 'integer' } } })
  })
})
