import { beforeEach, describe, expect, it } from 'vitest'
import { binderInvalid, binderMissing, engineErr, failure, SEED, setupPortal, type Json } from '../test-helpers'

const t = setupPortal()
const { users, groups, backlogs, sprints, tasks } = SEED

beforeEach(async () => {
  await t.reset()
})

const SPRINT_KEYS = ['id', 'groupId', 'entityType', 'name', 'goal', 'sort', 'createdBy', 'modifiedBy', 'dateStart', 'dateEnd', 'status']
const ONE_ACTIVE = engineErr('There is already an active sprint')
const call = (method: string, params: Record<string, unknown>, user: number = users.admin) => t.as(user, `tasks.api.scrum.sprint.${method}`, params)
const idsOf = (r: Json): number[] => r.body.result.map((s: { id: number }) => s.id)
const itemsIn = (entityId: number) => t.portal.store.itemsIn(entityId).map((i) => i.taskId)
const status = (sprintId: number) => t.portal.store.entity(sprintId)?.status

/** Put a task into a sprint the way a client would: scrum.task.update with entityId. */
async function addTaskTo(sprintId: number, groupId: number, taskStatus: string) {
  const added = await t.call('tasks.task.add', { fields: { TITLE: `In ${sprintId}`, RESPONSIBLE_ID: users.admin, GROUP_ID: groupId, STATUS: taskStatus } })
  const id = Number(added.body.result.task.id)
  await t.call('tasks.api.scrum.task.update', { id, fields: { entityId: sprintId, createdBy: users.admin } })
  expect(t.portal.store.itemOf(id)?.entityId).toBe(sprintId)
  return id
}

describe('tasks.api.scrum.sprint.list', () => {
  it('returns full sprint objects, only sprints, no total/next', async () => {
    const r = await call('list', { filter: { GROUP_ID: groups.mobile } })
    expect(Object.keys(r.body)).toEqual(['result', 'time'])
    expect(idsOf(r)).toEqual([sprints.mobileCompleted, sprints.mobileActive, sprints.mobilePlanned])
    expect(Object.keys(r.body.result[1])).toEqual(SPRINT_KEYS)
    expect(r.body.result[1]).toMatchObject({ groupId: groups.mobile, entityType: 'sprint', name: 'Sprint 2', goal: 'Payments MVP', sort: 2, createdBy: users.scrumMaster, status: 'active' })
    expect(Date.parse(r.body.result[1].dateEnd) - Date.parse(r.body.result[1].dateStart)).toBe(14 * 86_400_000)
    // The backlog never shows up, even when asked for.
    expect((await call('list', { filter: { ENTITY_TYPE: 'backlog' } })).body.result).toStrictEqual([])
    expect(idsOf(await call('list', {}))).not.toContain(backlogs.mobile)
  })

  it('filters by STATUS and prefixes, orders, and blanks unselected fields (goal comes with INFO)', async () => {
    expect(idsOf(await call('list', { filter: { STATUS: 'active' }, order: { ID: 'desc' } }))).toEqual([sprints.alphaActive, sprints.mobileActive])
    expect(idsOf(await call('list', { filter: { '%NAME': 'спринт' } }))).toEqual([sprints.alphaActive])
    expect(idsOf(await call('list', { filter: { '>SORT': 1, GROUP_ID: groups.mobile }, order: { SORT: 'DESC' } }))).toEqual([sprints.mobilePlanned, sprints.mobileActive])
    const slim = await call('list', { filter: { ID: sprints.mobileActive }, select: ['ID', 'STATUS'] })
    expect(slim.body.result).toStrictEqual([{ id: sprints.mobileActive, groupId: 0, entityType: '', name: '', goal: '', sort: 0, createdBy: 0, modifiedBy: 0, dateStart: '', dateEnd: '', status: 'active' }])
    const withInfo = await call('list', { filter: { ID: sprints.mobileActive }, select: ['ID', 'INFO'] })
    expect(withInfo.body.result[0].goal).toBe('Payments MVP')
  })

  it('unknown names, GOAL and date filters give [], not an error; a string param is a PHP error', async () => {
    for (const params of [{ filter: { groupId: groups.mobile } }, { filter: { GOAL: 'x' } }, { select: ['GOAL'] }, { filter: { '>DATE_START': '2026-01-01' } }, { order: { status: 'asc' } }]) {
      expect((await call('list', params)).body.result).toStrictEqual([])
    }
    expect((await call('list', { order: { DATE_START: 'desc' } })).body.result.length).toBeGreaterThan(0)
    expect(failure(await call('list', { filter: 'GROUP_ID' }))).toEqual(engineErr('Cannot access offset of type string on string'))
  })

  it('shows only the groups the caller is in (admins: all)', async () => {
    expect(idsOf(await call('list', {}, users.regular))).not.toContain(sprints.closedCompleted)
    expect(idsOf(await call('list', {}, users.regular))).toContain(sprints.dataPlanned)
    expect(idsOf(await call('list', {}))).toContain(sprints.closedCompleted)
  })
})

describe('tasks.api.scrum.sprint.get', () => {
  it('takes `id` and returns the sprint', async () => {
    const r = await call('get', { id: sprints.mobilePlanned }, users.regular)
    expect(r.status).toBe(200)
    expect(Object.keys(r.body.result)).toEqual(SPRINT_KEYS)
    expect(r.body.result).toMatchObject({ id: sprints.mobilePlanned, name: 'Sprint 3', goal: '', status: 'planned' })
  })

  it('errors: binder (sprintId is not id) → Item not found (also for a backlog id) → Access denied', async () => {
    expect(failure(await call('get', { sprintId: sprints.mobilePlanned }))).toEqual(binderMissing('id'))
    expect(failure(await call('get', { id: 'two' }))).toEqual(binderInvalid('id', 'two'))
    expect(failure(await call('get', { id: 99_999 }))).toEqual(engineErr('Item not found'))
    expect(failure(await call('get', { id: backlogs.mobile }))).toEqual(engineErr('Item not found'))
    expect(failure(await call('get', { id: sprints.closedCompleted }, users.regular))).toEqual(engineErr('Access denied'))
  })
})

describe('tasks.api.scrum.sprint.add', () => {
  it('adds a planned sprint after the last one, with the caller as author and default dates', async () => {
    const r = await call('add', { fields: { groupId: groups.mobile, name: 'Sprint 4' } }, users.scrumMaster)
    expect(r.status).toBe(200)
    const { id } = r.body.result
    expect(r.body.result).toMatchObject({ id, groupId: groups.mobile, entityType: 'sprint', name: 'Sprint 4', goal: '', sort: 4, createdBy: users.scrumMaster, modifiedBy: users.scrumMaster, status: 'planned' })
    expect(Date.parse(r.body.result.dateEnd) - Date.parse(r.body.result.dateStart)).toBe(14 * 86_400_000)
    // One id sequence with backlogs (digest §1).
    expect(id).toBeGreaterThan(Math.max(...Object.values(sprints), ...Object.values(backlogs)))
    expect((await call('get', { id })).body.result).toStrictEqual(r.body.result)
  })

  it('takes ISO dates or Unix timestamps, sort, status and authors', async () => {
    const iso = await call('add', { fields: { groupId: groups.alpha, name: 'S2', dateStart: '2026-03-02T00:00:00+00:00', dateEnd: '2026-03-16T00:00:00+00:00', sort: 9 } })
    expect(iso.body.result).toMatchObject({ sort: 9, status: 'planned' })
    expect(Date.parse(iso.body.result.dateStart)).toBe(Date.UTC(2026, 2, 2))
    expect(Date.parse(iso.body.result.dateEnd)).toBe(Date.UTC(2026, 2, 16))
    const unix = await call('add', { fields: { groupId: groups.emptyBacklog, name: 'Done', dateStart: String(Date.UTC(2025, 0, 1) / 1000), status: 'completed', createdBy: users.regular } })
    expect(unix.body.result).toMatchObject({ status: 'completed', createdBy: users.regular, modifiedBy: users.regular, sort: 1 })
    expect(Date.parse(unix.body.result.dateStart)).toBe(Date.UTC(2025, 0, 1))
  })

  it('errors in order: binder → Access denied → dates → users → one active sprint → name', async () => {
    const add = (fields: unknown, user: number = users.admin) => call('add', { fields }, user)
    expect(failure(await call('add', {}))).toEqual(binderMissing('fields'))
    expect(failure(await add({ name: 'x' }))).toEqual(engineErr('Access denied'))
    expect(failure(await add({ groupId: groups.quality, name: 'x', dateStart: 'soon' }, users.regular))).toEqual(engineErr('Access denied'))
    expect(failure(await add({ groupId: groups.mobile, dateStart: 'soon', dateEnd: 'later' }))).toEqual(engineErr('Incorrect dateStart format'))
    expect(failure(await add({ groupId: groups.mobile, dateEnd: '31.01.2026', createdBy: 99_999 }))).toEqual(engineErr('Incorrect dateEnd format'))
    expect(failure(await add({ groupId: groups.mobile, createdBy: 99_999, modifiedBy: 99_998 }))).toEqual(engineErr('createdBy user not found'))
    expect(failure(await add({ groupId: groups.mobile, modifiedBy: 99_998 }))).toEqual(engineErr('modifiedBy user not found'))
    expect(failure(await add({ groupId: groups.mobile, name: 'Parallel', status: 'active' }))).toEqual(ONE_ACTIVE)
    expect(failure(await add({ groupId: groups.mobile, name: ' ' }))).toEqual(engineErr('Sprint not created'))
    expect(t.portal.store.sprintsOf(groups.mobile)).toHaveLength(3)
  })
})

describe('tasks.api.scrum.sprint.start', () => {
  it('starts a planned sprint when none is active; finished tasks in it go to the backlog', async () => {
    const done = await addTaskTo(sprints.dataPlanned, groups.hiddenWithRegular, '5')
    const open = await addTaskTo(sprints.dataPlanned, groups.hiddenWithRegular, '2')
    const r = await call('start', { id: sprints.dataPlanned }, users.regular)
    expect(r.status).toBe(200)
    expect(r.body.result).toMatchObject({ id: sprints.dataPlanned, status: 'active', modifiedBy: users.regular })
    expect(itemsIn(sprints.dataPlanned)).toEqual([open])
    expect(itemsIn(backlogs.hiddenWithRegular).at(-1)).toBe(done)
  })

  it('only one sprint per group is active', async () => {
    expect(failure(await call('start', { id: sprints.mobilePlanned }))).toEqual(ONE_ACTIVE)
    expect(status(sprints.mobilePlanned)).toBe('planned')
    await call('complete', { id: groups.mobile })
    expect((await call('start', { id: sprints.mobilePlanned })).body.result.status).toBe('active')
  })

  it('errors: binder → Sprint not found → Access denied → Sprint must be planned → one active', async () => {
    expect(failure(await call('start', {}))).toEqual(binderMissing('id'))
    expect(failure(await call('start', { id: backlogs.hiddenWithRegular }))).toEqual(engineErr('Sprint not found'))
    expect(failure(await call('start', { id: sprints.closedCompleted }, users.regular))).toEqual(engineErr('Access denied'))
    expect(failure(await call('start', { id: sprints.mobileActive }))).toEqual(engineErr('Sprint must be planned'))
    expect(failure(await call('start', { id: sprints.mobileCompleted }))).toEqual(engineErr('Sprint must be planned'))
  })
})

describe('tasks.api.scrum.sprint.complete', () => {
  it('takes the GROUP id, completes its active sprint and moves unfinished tasks to the end of the backlog', async () => {
    const finished = await addTaskTo(sprints.mobileActive, groups.mobile, '5')
    const unfinished = itemsIn(sprints.mobileActive).filter((id) => id !== finished)
    expect(unfinished).toHaveLength(2)
    const r = await call('complete', { id: groups.mobile }, users.scrumMaster)
    expect(r.status).toBe(200)
    expect(r.body.result).toMatchObject({ id: sprints.mobileActive, status: 'completed', modifiedBy: users.scrumMaster })
    expect(itemsIn(sprints.mobileActive)).toEqual([finished])
    expect(itemsIn(backlogs.mobile).slice(-2)).toEqual(unfinished)
    expect(t.portal.store.itemsIn(backlogs.mobile).map((i) => i.sort).slice(-2)).toEqual([11, 12])
    const listed = await t.call('tasks.task.list', { filter: { BACKLOG_ID: backlogs.mobile }, select: ['ID'] })
    expect(listed.body.total).toBe(12)
    // Nothing active any more.
    expect(failure(await call('complete', { id: groups.mobile }))).toEqual(engineErr('Sprint not found'))
  })

  it('errors: binder → Group id not found → Access denied (members are not enough) → Sprint not found', async () => {
    expect(failure(await call('complete', {}))).toEqual(binderMissing('id'))
    expect(failure(await call('complete', { id: 0 }))).toEqual(engineErr('Group id not found'))
    // A plain member of the group may not complete its sprint; a stranger may not either.
    expect(failure(await call('complete', { id: groups.mobile }, users.regular))).toEqual(engineErr('Access denied'))
    expect(failure(await call('complete', { id: groups.closed }, users.regular))).toEqual(engineErr('Access denied'))
    // A sprint id is not a group id.
    expect(failure(await call('complete', { id: sprints.mobileActive }))).toEqual(engineErr('Access denied'))
    expect(failure(await call('complete', { id: groups.hiddenWithRegular }))).toEqual(engineErr('Sprint not found'))
    expect(status(sprints.mobileActive)).toBe('active')
  })
})

describe('tasks.api.scrum.sprint.delete', () => {
  it('moves every task of the sprint, finished or not, to the backlog and answers []', async () => {
    const moving = itemsIn(sprints.mobileCompleted)
    expect(moving).toHaveLength(2)
    const r = await call('delete', { id: sprints.mobileCompleted })
    expect(r.status).toBe(200)
    expect(r.body.result).toStrictEqual([])
    expect(itemsIn(backlogs.mobile).slice(-2)).toEqual(moving)
    expect(failure(await call('get', { id: sprints.mobileCompleted }))).toEqual(engineErr('Item not found'))
    expect(failure(await call('delete', { id: sprints.mobileCompleted }))).toEqual(engineErr('Sprint not found'))
    expect((await t.call('tasks.api.scrum.task.get', { id: moving[0] })).body.result.entityId).toBe(backlogs.mobile)
  })

  it('errors: binder → Sprint not found → Access denied → no backlog to move the items to', async () => {
    expect(failure(await call('delete', {}))).toEqual(binderMissing('id'))
    expect(failure(await call('delete', { id: backlogs.mobile }))).toEqual(engineErr('Sprint not found'))
    expect(failure(await call('delete', { id: sprints.closedCompleted }, users.regular))).toEqual(engineErr('Access denied'))
    // A scrum without a backlog: an empty sprint goes, one with tasks stays.
    const empty = (await call('add', { fields: { groupId: groups.noBacklog, name: 'Empty' } })).body.result.id
    expect((await call('delete', { id: empty })).body.result).toStrictEqual([])
    const full = (await call('add', { fields: { groupId: groups.noBacklog, name: 'Full' } })).body.result.id
    await t.call('tasks.api.scrum.task.update', { id: tasks.noItem, fields: { entityId: full, createdBy: users.designer } })
    expect(failure(await call('delete', { id: full }))).toEqual(engineErr('It is forbidden remove a sprint with items'))
    expect(itemsIn(full)).toEqual([tasks.noItem])
  })
})
