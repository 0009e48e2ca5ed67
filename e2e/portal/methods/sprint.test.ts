import { beforeEach, describe, expect, it } from 'vitest'
import { binderInvalid, binderMissing, engineErr, failure, SEED, setupPortal, type Json } from '../test-helpers'

const t = setupPortal()
const { users, groups, backlogs, sprints, tasks } = SEED

beforeEach(async () => {
  await t.reset()
})

const SPRINT_KEYS = ['id', 'groupId', 'entityType', 'name', 'goal', 'sort', 'createdBy', 'modifiedBy', 'dateStart', 'dateEnd', 'status']
/** ISO 8601 with the portal's offset, as PHP's DATE_ATOM. */
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/
const TWO_ACTIVE = engineErr('Unable to add two active sprint')
const START_FAILED = engineErr('Unable to start sprint')
const call = (method: string, params: Record<string, unknown>, user: number = users.admin) => t.as(user, `tasks.api.scrum.sprint.${method}`, params)
const idsOf = (r: Json): number[] => r.body.result.map((s: { id: number }) => s.id)
const itemsIn = (entityId: number) => t.portal.store.itemsIn(entityId).map((i) => i.taskId)
const stored = (sprintId: number) => t.portal.store.entity(sprintId)
const status = (sprintId: number) => stored(sprintId)?.status
const DAY = 86_400_000

/** Put a task into a sprint the way a client would: scrum.task.update with entityId. */
async function addTaskTo(sprintId: number, groupId: number, taskStatus: string) {
  const added = await t.call('tasks.task.add', { fields: { TITLE: `In ${sprintId}`, RESPONSIBLE_ID: users.admin, GROUP_ID: groupId, STATUS: taskStatus } })
  const id = Number(added.body.result.task.id)
  await t.call('tasks.api.scrum.task.update', { id, fields: { entityId: sprintId, createdBy: users.admin } })
  expect(t.portal.store.itemOf(id)?.entityId).toBe(sprintId)
  return id
}

/** Everything add needs [DOC+]; tests drop or change one field at a time. */
const NEW_SPRINT = {
  groupId: groups.mobile, name: 'Sprint 4', createdBy: users.scrumMaster, status: 'planned',
  dateStart: '2026-01-26T09:00:00+00:00', dateEnd: '2026-02-09T09:00:00+00:00',
}
const without = (key: keyof typeof NEW_SPRINT, fields: Record<string, unknown> = NEW_SPRINT) => Object.fromEntries(Object.entries(fields).filter(([k]) => k !== key))

describe('tasks.api.scrum.sprint.list', () => {
  it('returns full sprint objects with ISO dates, only sprints, no total/next', async () => {
    const r = await call('list', { filter: { GROUP_ID: groups.mobile } })
    expect(Object.keys(r.body)).toEqual(['result', 'time'])
    expect(idsOf(r)).toEqual([sprints.mobileCompleted, sprints.mobileActive, sprints.mobilePlanned, sprints.mobileCompletedOldest, sprints.mobileCompletedOlder])
    expect(Object.keys(r.body.result[1])).toEqual(SPRINT_KEYS)
    expect(r.body.result[1]).toMatchObject({ groupId: groups.mobile, entityType: 'sprint', name: 'Sprint 2', goal: 'Payments MVP', sort: 2, createdBy: users.scrumMaster, status: 'active' })
    expect(r.body.result[1].dateStart).toMatch(ISO)
    expect(r.body.result[1].dateEnd).toMatch(ISO)
    expect(Date.parse(r.body.result[1].dateEnd) - Date.parse(r.body.result[1].dateStart)).toBe(14 * DAY)
    // The backlog never shows up, even when asked for.
    expect((await call('list', { filter: { ENTITY_TYPE: 'backlog' } })).body.result).toStrictEqual([])
    expect(idsOf(await call('list', {}))).not.toContain(backlogs.mobile)
  })

  it('filters by STATUS and prefixes, orders, and blanks unselected fields (goal comes with INFO)', async () => {
    expect(idsOf(await call('list', { filter: { STATUS: 'active' }, order: { ID: 'desc' } }))).toEqual([sprints.alphaActive, sprints.mobileActive])
    expect(idsOf(await call('list', { filter: { '%NAME': 'спринт' } }))).toEqual([sprints.alphaActive])
    expect(idsOf(await call('list', { filter: { '>SORT': 1, GROUP_ID: groups.mobile }, order: { SORT: 'DESC' } }))).toEqual([sprints.mobilePlanned, sprints.mobileActive])
    // A team's history, newest first: what a velocity needs.
    const history = await call('list', { filter: { GROUP_ID: groups.mobile, STATUS: 'completed' }, order: { DATE_END: 'desc' } })
    expect(idsOf(history)).toEqual([sprints.mobileCompleted, sprints.mobileCompletedOlder, sprints.mobileCompletedOldest])
    const slim = await call('list', { filter: { ID: sprints.mobileActive }, select: ['ID', 'STATUS'] })
    expect(slim.body.result).toStrictEqual([{ id: sprints.mobileActive, groupId: 0, entityType: '', name: '', goal: '', sort: 0, createdBy: 0, modifiedBy: 0, dateStart: '', dateEnd: '', status: 'active' }])
    const withInfo = await call('list', { filter: { ID: sprints.mobileActive }, select: ['ID', 'INFO'] })
    expect(withInfo.body.result[0].goal).toBe('Payments MVP')
  })

  it('unknown names and GOAL give [], not an error (never the unfiltered list); a string param is a PHP error', async () => {
    for (const params of [{ filter: { groupId: groups.mobile } }, { filter: { GOAL: 'x' } }, { filter: { '>=date_end': '2024-07-19' } }, { select: ['GOAL'] }, { order: { status: 'asc' } }]) {
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
    expect(r.body.result.dateStart).toMatch(ISO)
  })

  it('errors: binder (sprintId is not id) → Sprint id not found → Sprint not found → Access denied', async () => {
    expect(failure(await call('get', { sprintId: sprints.mobilePlanned }))).toEqual(binderMissing('id'))
    expect(failure(await call('get', { id: 'two' }))).toEqual(binderInvalid('id', 'two'))
    expect(failure(await call('get', { id: 0 }))).toEqual(engineErr('Sprint id not found'))
    expect(failure(await call('get', { id: 99_999 }, users.regular))).toEqual(engineErr('Sprint not found'))
    expect(failure(await call('get', { id: sprints.closedCompleted }, users.regular))).toEqual(engineErr('Access denied'))
  })

  it('a backlog id answers the backlog in the sprint shape (the lookup does not check the type)', async () => {
    const r = await call('get', { id: backlogs.mobile })
    expect(r.body.result).toStrictEqual({
      id: backlogs.mobile, groupId: groups.mobile, entityType: 'backlog', name: '', goal: '', sort: 0,
      createdBy: users.scrumMaster, modifiedBy: users.scrumMaster, dateStart: null, dateEnd: null, status: '',
    })
    expect(failure(await call('get', { id: backlogs.quality }, users.regular))).toEqual(engineErr('Access denied'))
  })
})

describe('tasks.api.scrum.sprint.add', () => {
  it('adds the sprint as sent: sort 0 by default, modifiedBy = createdBy, no goal, ISO dates', async () => {
    const r = await call('add', { fields: { ...NEW_SPRINT, goal: 'Ignored' } }, users.regular)
    expect(r.status).toBe(200)
    const { id } = r.body.result
    expect(Object.keys(r.body.result)).toEqual(SPRINT_KEYS)
    expect(r.body.result).toMatchObject({
      id, groupId: groups.mobile, entityType: 'sprint', name: 'Sprint 4', goal: '', sort: 0,
      createdBy: users.scrumMaster, modifiedBy: users.scrumMaster, status: 'planned',
    })
    expect(r.body.result.dateStart).toMatch(ISO)
    expect(Date.parse(r.body.result.dateStart)).toBe(Date.UTC(2026, 0, 26, 9))
    expect(Date.parse(r.body.result.dateEnd)).toBe(Date.UTC(2026, 1, 9, 9))
    // One id sequence with backlogs (digest §1).
    expect(id).toBeGreaterThan(Math.max(...Object.values(sprints), ...Object.values(backlogs)))
    expect((await call('get', { id })).body.result).toStrictEqual(r.body.result)
  })

  it('dates: ISO 8601 with an offset or Unix seconds; anything else is written as 1970-01-01 without an error', async () => {
    const fields = { ...NEW_SPRINT, groupId: groups.emptyBacklog, createdBy: users.regular, modifiedBy: users.admin }
    const offset = await call('add', { fields: { ...fields, dateStart: '2026-03-02T00:00:00+02:00', sort: 9, status: 'completed' } })
    expect(offset.body.result).toMatchObject({ sort: 9, status: 'completed', createdBy: users.regular, modifiedBy: users.admin })
    expect(Date.parse(offset.body.result.dateStart)).toBe(Date.UTC(2026, 2, 1, 22))
    const unix = await call('add', { fields: { ...fields, dateStart: String(Date.UTC(2025, 0, 1) / 1000), dateEnd: Date.UTC(2025, 0, 15) / 1000 } })
    expect(Date.parse(unix.body.result.dateStart)).toBe(Date.UTC(2025, 0, 1))
    expect(Date.parse(unix.body.result.dateEnd)).toBe(Date.UTC(2025, 0, 15))
    for (const junk of ['soon', '', '??']) {
      const r = await call('add', { fields: { ...fields, dateEnd: junk } })
      expect(r.status).toBe(200)
      expect(r.body.result.dateEnd).toMatch(ISO)
      expect(Date.parse(r.body.result.dateEnd)).toBe(0)
    }
  })

  it('an active sprint when the group has none; form-encoded values work', async () => {
    const r = await call('add', { fields: { ...NEW_SPRINT, groupId: groups.hiddenWithRegular, createdBy: users.backend2, status: 'active', sort: '3' } }, users.regular)
    expect(r.body.result).toMatchObject({ status: 'active', sort: 3, createdBy: users.backend2 })
    const form = await t.call('tasks.api.scrum.sprint.add', { fields: { ...NEW_SPRINT, groupId: groups.emptyBacklog } }, { mode: 'form' })
    expect(form.body.result).toMatchObject({ groupId: groups.emptyBacklog, createdBy: users.scrumMaster, sort: 0 })
  })

  it('errors in order: binder → Group id → Access denied → users → dates → status → two active → not added', async () => {
    const add = (fields: unknown, user: number = users.admin) => call('add', { fields }, user)
    expect(failure(await call('add', {}))).toEqual(binderMissing('fields'))
    expect(failure(await add('Sprint 4'))).toEqual(binderInvalid('fields', 'Sprint 4', 'array'))
    expect(failure(await add(without('groupId')))).toEqual(engineErr('Group id not found'))
    expect(failure(await add({ ...NEW_SPRINT, groupId: groups.quality, createdBy: 99_999 }, users.regular))).toEqual(engineErr('Access denied'))
    expect(failure(await add({ ...NEW_SPRINT, groupId: 99_999 }))).toEqual(engineErr('Access denied'))
    expect(failure(await add({ ...without('dateStart'), createdBy: 99_999, modifiedBy: 99_998 }))).toEqual(engineErr('createdBy user not found'))
    expect(failure(await add({ ...without('dateStart'), modifiedBy: 99_998 }))).toEqual(engineErr('modifiedBy user not found'))
    expect(failure(await add(without('dateStart', without('dateEnd'))))).toEqual(engineErr('Incorrect dateStart format'))
    expect(failure(await add(without('dateEnd', without('status'))))).toEqual(engineErr('Incorrect dateEnd format'))
    expect(failure(await add({ ...without('status'), name: '' }))).toEqual(engineErr('Incorrect sprint status'))
    expect(failure(await add({ ...NEW_SPRINT, status: 'Active' }))).toEqual(engineErr('Incorrect sprint status'))
    expect(failure(await add({ ...NEW_SPRINT, status: 'active', name: '' }))).toEqual(TWO_ACTIVE)
    // The row needs a name and an author.
    expect(failure(await add({ ...NEW_SPRINT, name: ' ' }))).toEqual(engineErr('Unable to add sprint'))
    expect(failure(await add(without('name')))).toEqual(engineErr('Unable to add sprint'))
    expect(failure(await add(without('createdBy')))).toEqual(engineErr('Unable to add sprint'))
    expect(t.portal.store.sprintsOf(groups.mobile)).toHaveLength(5)
  })
})

describe('tasks.api.scrum.sprint.update', () => {
  it('changes only the given fields; modifiedBy becomes the caller; goal is not writable', async () => {
    const before = (await call('get', { id: sprints.mobileActive })).body.result
    const r = await call('update', { id: sprints.mobileActive, fields: { name: 'Sprint 2 (payments)', sort: 7, dateEnd: String(Date.UTC(2026, 0, 23) / 1000), goal: 'Other' } }, users.regular)
    expect(r.status).toBe(200)
    expect(r.body.result).toStrictEqual({ ...before, name: 'Sprint 2 (payments)', sort: 7, modifiedBy: users.regular, dateEnd: r.body.result.dateEnd })
    expect(Date.parse(r.body.result.dateEnd)).toBe(Date.UTC(2026, 0, 23))
    expect(r.body.result.goal).toBe('Payments MVP')
    expect((await call('get', { id: sprints.mobileActive })).body.result).toStrictEqual(r.body.result)
    const authors = await call('update', { id: sprints.mobilePlanned, fields: { createdBy: users.productOwner, modifiedBy: users.qa } })
    expect(authors.body.result).toMatchObject({ createdBy: users.productOwner, modifiedBy: users.qa, name: 'Sprint 3' })
  })

  it('accepts the docs\' example request (name, the same groupId, dates with an offset) and lists it by date', async () => {
    const r = await t.call('tasks.api.scrum.sprint.update', {
      id: sprints.mobilePlanned,
      fields: { name: 'Sprint 2', groupId: groups.mobile, dateStart: '2021-11-22T00:00:00+02:00', dateEnd: '2021-11-29T00:00:00+02:00' },
    })
    expect(r.status).toBe(200)
    expect(r.body.result).toMatchObject({ id: sprints.mobilePlanned, name: 'Sprint 2', groupId: groups.mobile, status: 'planned' })
    expect(Date.parse(r.body.result.dateStart)).toBe(Date.UTC(2021, 10, 21, 22))
    expect(Date.parse(r.body.result.dateEnd)).toBe(Date.UTC(2021, 10, 28, 22))
    const listed = await call('list', { filter: { GROUP_ID: groups.mobile, '<=DATE_END': '2021-11-29T00:00:00+02:00' } })
    expect(idsOf(listed)).toEqual([sprints.mobilePlanned])
  })

  it('a date that is not a date is written as 1970-01-01, without an error', async () => {
    const r = await call('update', { id: sprints.mobilePlanned, fields: { dateStart: 'next sprint', dateEnd: '2026-02-06T17:00:00+01:00' } })
    expect(r.status).toBe(200)
    expect(Date.parse(r.body.result.dateStart)).toBe(0)
    expect(Date.parse(r.body.result.dateEnd)).toBe(Date.UTC(2026, 1, 6, 16))
  })

  it('status is a plain write: no tasks move (start and complete do that)', async () => {
    const inSprint = itemsIn(sprints.mobilePlanned)
    expect((await call('update', { id: sprints.mobilePlanned, fields: { status: 'completed' } })).body.result.status).toBe('completed')
    expect(itemsIn(sprints.mobilePlanned)).toEqual(inSprint)
    expect((await call('update', { id: sprints.mobileCompleted, fields: { status: 'planned' } })).body.result.status).toBe('planned')
    expect((await call('update', { id: sprints.dataPlanned, fields: { status: 'active' } })).body.result.status).toBe('active')
    // A status that is not a string is not read.
    expect((await call('update', { id: sprints.dataPlanned, fields: { status: 5 } })).body.result.status).toBe('active')
  })

  it('moves an empty sprint to another group, never one with tasks', async () => {
    const empty = (await call('add', { fields: NEW_SPRINT })).body.result.id
    const moved = await call('update', { id: empty, fields: { groupId: String(groups.alpha) } })
    expect(moved.body.result.groupId).toBe(groups.alpha)
    expect(failure(await call('update', { id: sprints.mobilePlanned, fields: { groupId: groups.alpha } }))).toEqual(engineErr('It is forbidden move a sprint with items'))
    // The same group is no move.
    expect((await call('update', { id: sprints.mobilePlanned, fields: { groupId: groups.mobile, name: 'S3' } })).body.result.name).toBe('S3')
    // [INF] The active sprint cannot join a group that has one.
    const active = (await call('add', { fields: { ...NEW_SPRINT, groupId: groups.emptyBacklog, status: 'active' } })).body.result.id
    expect(failure(await call('update', { id: active, fields: { groupId: groups.alpha } }))).toEqual(TWO_ACTIVE)
  })

  it('errors in order: binder → id → Sprint not found → Access denied → move → users → status → two active → not updated', async () => {
    const update = (id: unknown, fields: unknown, user: number = users.admin) => call('update', { id, fields }, user)
    expect(failure(await call('update', { fields: {} }))).toEqual(binderMissing('id'))
    expect(failure(await update('two', 'x'))).toEqual(binderInvalid('id', 'two'))
    expect(failure(await call('update', { id: sprints.mobilePlanned }))).toEqual(binderMissing('fields'))
    expect(failure(await update(0, { status: 'x' }))).toEqual(engineErr('Sprint id not found'))
    expect(failure(await update(99_999, { status: 'x' }))).toEqual(engineErr('Sprint not found'))
    expect(failure(await update(backlogs.mobile, { name: 'x' }))).toEqual(engineErr('Sprint not found'))
    expect(failure(await update(sprints.closedCompleted, { name: 'x', createdBy: 99_999 }, users.regular))).toEqual(engineErr('Access denied'))
    expect(failure(await update(sprints.mobilePlanned, { groupId: groups.alpha, createdBy: 99_999 }))).toEqual(engineErr('It is forbidden move a sprint with items'))
    expect(failure(await update(sprints.mobilePlanned, { createdBy: 99_999, modifiedBy: 99_998 }))).toEqual(engineErr('createdBy user not found'))
    expect(failure(await update(sprints.mobilePlanned, { modifiedBy: 99_998, status: 'x' }))).toEqual(engineErr('modifiedBy user not found'))
    expect(failure(await update(sprints.mobilePlanned, { status: 'running', name: '' }))).toEqual(engineErr('Incorrect sprint status'))
    expect(failure(await update(sprints.mobilePlanned, { status: 'active', name: '' }))).toEqual(TWO_ACTIVE)
    // The active sprint itself counts: sending its own status back fails too.
    expect(failure(await update(sprints.mobileActive, { status: 'active', name: 'Renamed' }))).toEqual(TWO_ACTIVE)
    expect(failure(await update(sprints.mobilePlanned, { name: ' ' }))).toEqual(engineErr('Sprint not updated'))
    expect(t.portal.store.entity(sprints.mobilePlanned)).toMatchObject({ name: 'Sprint 3', status: 'planned', groupId: groups.mobile })
    expect(stored(sprints.mobileActive)?.name).toBe('Sprint 2')
  })
})

describe('tasks.api.scrum.sprint.getFields', () => {
  it('lists the writable fields to anyone, without goal', async () => {
    const r = await t.as(users.extranet, 'tasks.api.scrum.sprint.getFields')
    expect(r.body.result).toStrictEqual({
      fields: {
        groupId: { type: 'integer' }, name: { type: 'string' }, sort: { type: 'integer' }, createdBy: { type: 'integer' },
        modifiedBy: { type: 'integer' }, dateStart: { type: 'string' }, dateEnd: { type: 'string' }, status: { type: 'string' },
      },
    })
  })
})

describe('tasks.api.scrum.sprint.start', () => {
  it('starts a planned sprint: finished tasks in it go to the backlog, sort becomes 0, nothing else changes', async () => {
    const done = await addTaskTo(sprints.dataPlanned, groups.hiddenWithRegular, '5')
    const open = await addTaskTo(sprints.dataPlanned, groups.hiddenWithRegular, '2')
    const before = (await call('get', { id: sprints.dataPlanned })).body.result
    // The scrum master is a moderator of the group.
    const r = await call('start', { id: sprints.dataPlanned }, users.backend2)
    expect(r.status).toBe(200)
    expect(r.body.result).toStrictEqual({ ...before, status: 'active', sort: 0 })
    expect(itemsIn(sprints.dataPlanned)).toEqual([open])
    expect(itemsIn(backlogs.hiddenWithRegular).at(-1)).toBe(done)
  })

  it('owners, moderators and admins only; one active sprint per group', async () => {
    expect(failure(await call('start', { id: sprints.mobilePlanned }, users.regular))).toEqual(engineErr('Access denied'))
    expect(failure(await call('start', { id: sprints.mobilePlanned }, users.productOwner))).toEqual(START_FAILED)
    expect(status(sprints.mobilePlanned)).toBe('planned')
    await call('complete', { id: groups.mobile })
    expect((await call('start', { id: sprints.mobilePlanned }, users.productOwner)).body.result.status).toBe('active')
  })

  it('a sprint without unfinished tasks does not start; its finished tasks still go to the backlog', async () => {
    const empty = (await call('add', { fields: { ...NEW_SPRINT, groupId: groups.emptyBacklog } })).body.result.id
    expect(failure(await call('start', { id: empty }, users.regular))).toEqual(START_FAILED)
    const done = await addTaskTo(empty, groups.emptyBacklog, '5')
    expect(failure(await call('start', { id: empty }, users.regular))).toEqual(START_FAILED)
    expect(itemsIn(backlogs.emptyBacklog)).toEqual([done])
    expect(status(empty)).toBe('planned')
  })

  it('errors: binder → Sprint id not found → Sprint not found → Sprint must be planned → Access denied', async () => {
    expect(failure(await call('start', {}))).toEqual(binderMissing('id'))
    expect(failure(await call('start', { id: 0 }))).toEqual(engineErr('Sprint id not found'))
    expect(failure(await call('start', { id: backlogs.hiddenWithRegular }))).toEqual(engineErr('Sprint not found'))
    expect(failure(await call('start', { id: sprints.mobileActive }))).toEqual(engineErr('Sprint must be planned'))
    // The status is checked before the access.
    expect(failure(await call('start', { id: sprints.closedCompleted }, users.regular))).toEqual(engineErr('Sprint must be planned'))
    expect(failure(await call('start', { id: sprints.dataPlanned }, users.qa))).toEqual(engineErr('Access denied'))
  })
})

describe('tasks.api.scrum.sprint.complete', () => {
  it('takes the GROUP id, completes its active sprint and moves unfinished tasks to the end of the backlog', async () => {
    const finished = await addTaskTo(sprints.mobileActive, groups.mobile, '5')
    const unfinished = itemsIn(sprints.mobileActive).filter((id) => id !== finished)
    expect(unfinished).toHaveLength(2)
    const before = (await call('get', { id: sprints.mobileActive })).body.result
    const r = await call('complete', { id: groups.mobile }, users.scrumMaster)
    expect(r.status).toBe(200)
    // Completed now, with sort 0; the author fields stay.
    expect(r.body.result).toStrictEqual({ ...before, status: 'completed', sort: 0, dateEnd: r.body.result.dateEnd })
    expect(r.body.result.dateEnd).toMatch(ISO)
    expect(Math.abs(Date.parse(r.body.result.dateEnd) - Date.now())).toBeLessThan(5000)
    expect(itemsIn(sprints.mobileActive)).toEqual([finished])
    expect(itemsIn(backlogs.mobile).slice(-2)).toEqual(unfinished)
    expect(t.portal.store.itemsIn(backlogs.mobile).map((i) => i.sort).slice(-2)).toEqual([11, 12])
    const listed = await t.call('tasks.task.list', { filter: { BACKLOG_ID: backlogs.mobile }, select: ['ID'] })
    expect(listed.body.total).toBe(12)
    // The team's history now starts with it.
    const history = await call('list', { filter: { GROUP_ID: groups.mobile, STATUS: 'completed' }, order: { DATE_END: 'desc' } })
    expect(idsOf(history).slice(0, 2)).toEqual([sprints.mobileActive, sprints.mobileCompleted])
    // Nothing active any more.
    expect(failure(await call('complete', { id: groups.mobile }))).toEqual(engineErr('Sprint not found'))
  })

  it('the owner and admins may complete too', async () => {
    expect((await call('complete', { id: groups.alpha })).body.result.status).toBe('completed')
    const next = (await call('add', { fields: { ...NEW_SPRINT, groupId: groups.alpha, status: 'active' } })).body.result.id
    expect((await call('complete', { id: groups.alpha }, users.scrumMaster)).body.result.id).toBe(next)
    expect((await call('complete', { id: groups.mobile }, users.productOwner)).body.result.id).toBe(sprints.mobileActive)
  })

  it('without a backlog, unfinished tasks go to a new planned sprint', async () => {
    const active = (await call('add', { fields: { ...NEW_SPRINT, groupId: groups.noBacklog, name: 'Sprint 1', status: 'active' } })).body.result.id
    await t.call('tasks.api.scrum.task.update', { id: tasks.noItem, fields: { entityId: active, createdBy: users.designer } })
    expect((await call('complete', { id: groups.noBacklog }, users.designer)).body.result.status).toBe('completed')
    const [, created] = t.portal.store.sprintsOf(groups.noBacklog).sort((a, b) => a.id - b.id)
    expect(created).toMatchObject({ name: 'Sprint 2', status: 'planned', sort: 0, createdBy: users.designer })
    expect(itemsIn(created?.id ?? 0)).toEqual([tasks.noItem])
    expect(t.portal.store.backlogOf(groups.noBacklog)).toBeUndefined()
  })

  it('errors: binder → Group id not found → Sprint not found (looked up first) → Access denied (members are not enough)', async () => {
    expect(failure(await call('complete', {}))).toEqual(binderMissing('id'))
    expect(failure(await call('complete', { id: 'mobile' }))).toEqual(binderInvalid('id', 'mobile'))
    expect(failure(await call('complete', { id: 0 }))).toEqual(engineErr('Group id not found'))
    // A sprint id is not a group id.
    expect(failure(await call('complete', { id: sprints.mobileActive }))).toEqual(engineErr('Sprint not found'))
    expect(failure(await call('complete', { id: groups.hiddenWithRegular }))).toEqual(engineErr('Sprint not found'))
    expect(failure(await call('complete', { id: groups.closed }, users.regular))).toEqual(engineErr('Sprint not found'))
    // A plain member of the group may not complete its sprint; a stranger may not either.
    expect(failure(await call('complete', { id: groups.mobile }, users.regular))).toEqual(engineErr('Access denied'))
    expect(failure(await call('complete', { id: groups.alpha }, users.designer))).toEqual(engineErr('Access denied'))
    expect(status(sprints.mobileActive)).toBe('active')
    expect(status(sprints.alphaActive)).toBe('active')
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
    expect(failure(await call('get', { id: sprints.mobileCompleted }))).toEqual(engineErr('Sprint not found'))
    expect(failure(await call('delete', { id: sprints.mobileCompleted }))).toEqual(engineErr('Sprint not found'))
    expect((await t.call('tasks.api.scrum.task.get', { id: moving[0] })).body.result.entityId).toBe(backlogs.mobile)
  })

  it('errors: binder → Sprint not found → Access denied → no backlog to move the items to', async () => {
    expect(failure(await call('delete', {}))).toEqual(binderMissing('id'))
    expect(failure(await call('delete', { id: 0 }))).toEqual(engineErr('Sprint not found'))
    expect(failure(await call('delete', { id: backlogs.mobile }))).toEqual(engineErr('Sprint not found'))
    expect(failure(await call('delete', { id: sprints.closedCompleted }, users.regular))).toEqual(engineErr('Access denied'))
    // A scrum without a backlog: an empty sprint goes, one with tasks stays.
    const empty = (await call('add', { fields: { ...NEW_SPRINT, groupId: groups.noBacklog, name: 'Empty' } })).body.result.id
    expect((await call('delete', { id: empty })).body.result).toStrictEqual([])
    const full = (await call('add', { fields: { ...NEW_SPRINT, groupId: groups.noBacklog, name: 'Full' } })).body.result.id
    await t.call('tasks.api.scrum.task.update', { id: tasks.noItem, fields: { entityId: full, createdBy: users.designer } })
    expect(failure(await call('delete', { id: full }))).toEqual(engineErr('It is forbidden remove a sprint with items'))
    expect(itemsIn(full)).toEqual([tasks.noItem])
  })
})
