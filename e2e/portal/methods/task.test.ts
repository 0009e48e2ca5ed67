import { beforeEach, describe, expect, it } from 'vitest'
import { ENGINE_KEYS, engineErr, failure, SEED, setupPortal, systemErr, type Json } from '../test-helpers'

const t = setupPortal()
const { users, groups, backlogs, sprints, tasks } = SEED

beforeEach(async () => {
  await t.reset()
})

const ids = (r: Json): number[] => r.body.result.tasks.map((task: { id: string }) => Number(task.id))
const list = (params: Record<string, unknown>, user: number = users.admin) => t.as(user, 'tasks.task.list', params)
const coreErr = (text: string) => systemErr(400, 'ERROR_CORE', `${text}<br>`)
const internal = (code: string, text: string) => systemErr(400, code, `${text} (internal error)`)
/** Task ids of a group straight from the store, for expectations. */
const groupTaskIds = (groupId: number) => t.portal.store.tasksInGroup(groupId).map((task) => task.id)

describe('tasks.task.list', () => {
  it('answers result.tasks with camelCase string values, total at the top level, ID desc by default', async () => {
    const r = await list({ filter: { GROUP_ID: groups.mobile }, select: ['ID', 'TITLE', 'STATUS', 'GROUP_ID', 'BACKLOG_ID', 'SPRINT_ID', 'DEADLINE'] })
    expect(r.status).toBe(200)
    expect(Object.keys(r.body)).toEqual(['result', 'total', 'time'])
    expect(Object.keys(r.body.time)).toEqual(ENGINE_KEYS)
    // 10 backlog items, 5 in Sprint 1–3, 5 in the two older completed sprints.
    expect(r.body.total).toBe(20)
    expect(ids(r)).toEqual(groupTaskIds(groups.mobile).reverse())
    const xl = r.body.result.tasks.find((task: { id: string }) => task.id === String(tasks.xlStoryPoints))
    expect(xl).toStrictEqual({
      id: String(tasks.xlStoryPoints),
      title: 'Cache the product catalogue offline',
      status: '2',
      subStatus: '2',
      deadline: null,
      groupId: String(groups.mobile),
      sprintId: null,
      backlogId: String(backlogs.mobile),
      group: { id: String(groups.mobile), name: 'Mobile App', opened: true, membersCount: 8, image: `${t.url}/avatars/group/${groups.mobile}.svg`, additionalData: [] },
    })
    const receipts = r.body.result.tasks.find((task: { title: string }) => task.title === 'Payment receipts')
    expect(receipts).toMatchObject({ sprintId: String(sprints.mobileActive), backlogId: null, status: '2' })
    expect(receipts.deadline).toMatch(/^2026-01-17T\d{2}:00:00[+-]\d{2}:\d{2}$/)
  })

  it('RESPONSIBLE_ID / CREATED_BY add the responsible / creator objects; ID is always there', async () => {
    const r = await list({ filter: { ID: tasks.xlStoryPoints }, select: ['TITLE', 'RESPONSIBLE_ID', 'CREATED_BY'] })
    expect(r.body.result.tasks).toStrictEqual([{
      id: String(tasks.xlStoryPoints),
      title: 'Cache the product catalogue offline',
      responsibleId: String(users.backend),
      createdBy: String(users.productOwner),
      creator: { id: String(users.productOwner), name: 'Jürgen Müller', link: `/company/personal/user/${users.productOwner}/`, icon: `${t.url}/avatars/user/${users.productOwner}.svg`, workPosition: 'Product owner' },
      responsible: { id: String(users.backend), name: '伟 张', link: `/company/personal/user/${users.backend}/`, icon: '/bitrix/images/tasks/default_avatar.png', workPosition: 'Backend developer' },
    }])
  })

  it('no select (or "*") gives every field; a task in no group has "group": [] and empty tags are []', async () => {
    const r = await list({ filter: { ID: tasks.personal } })
    const [task] = r.body.result.tasks
    expect(Object.keys(task)).toEqual([
      'id', 'title', 'description', 'status', 'subStatus', 'priority', 'responsibleId', 'createdBy', 'createdDate', 'changedDate',
      'deadline', 'groupId', 'stageId', 'sprintId', 'backlogId', 'tags', 'group', 'creator', 'responsible',
    ])
    expect(task).toMatchObject({ groupId: '0', stageId: '0', group: [], tags: [], sprintId: null, backlogId: null, priority: '1' })
    expect(Object.values(task).every((v) => v === null || typeof v === 'string' || typeof v === 'object')).toBe(true)
    expect((await list({ filter: { ID: tasks.personal }, select: ['*'] })).body.result.tasks).toStrictEqual(r.body.result.tasks)
  })

  it('BACKLOG_ID and SPRINT_ID filter by where the scrum item is', async () => {
    const backlog = await list({ filter: { GROUP_ID: groups.mobile, BACKLOG_ID: backlogs.mobile }, select: ['ID'] })
    expect(backlog.body.total).toBe(10)
    expect(ids(backlog)).toEqual(t.portal.store.itemsIn(backlogs.mobile).map((i) => i.taskId).sort((a, b) => b - a))
    const sprint = await list({ filter: { SPRINT_ID: sprints.mobileActive }, select: ['ID', 'SPRINT_ID'] })
    expect(sprint.body.result.tasks.map((task: { sprintId: string }) => task.sprintId)).toEqual([String(sprints.mobileActive), String(sprints.mobileActive)])
    // A sprint id is no backlog id and the other way round.
    expect((await list({ filter: { BACKLOG_ID: sprints.mobileActive } })).body.total).toBe(0)
    expect((await list({ filter: { SPRINT_ID: backlogs.mobile } })).body.total).toBe(0)
  })

  it('filters with prefixes, ID arrays, %TITLE and TITLE patterns; order by other keys', async () => {
    const mobile = groupTaskIds(groups.mobile)
    const picked = [mobile[0], mobile[3], mobile[7]]
    expect(ids(await list({ filter: { ID: picked }, order: { ID: 'asc' } }))).toEqual(picked)
    expect(ids(await list({ filter: { '!ID': picked, GROUP_ID: groups.mobile } }))).toHaveLength(17)
    const lo = mobile[2] ?? 0
    const hi = mobile[5] ?? 0
    expect(ids(await list({ filter: { '>ID': lo, '<=ID': hi }, order: { ID: 'ASC' } }))).toEqual(mobile.slice(3, 6))
    expect(ids(await list({ filter: { '>=ID': lo, '<ID': hi }, order: { id: 'asc' } }))).toEqual(mobile.slice(2, 5))
    const pay = await list({ filter: { '%TITLE': 'PAY' }, order: { TITLE: 'asc' }, select: ['TITLE'] })
    expect(pay.body.result.tasks.map((task: { title: string }) => task.title)).toEqual(['Apple Pay support', 'Card payment form', 'Google Pay support', 'Payment receipts'])
    // Without a prefix TITLE is a LIKE pattern, case-insensitive.
    expect((await list({ filter: { TITLE: 'apple pay%' } })).body.total).toBe(1)
    expect((await list({ filter: { TITLE: 'apple pay' } })).body.total).toBe(0)
    expect((await list({ filter: { GROUP_ID: groups.mobile, RESPONSIBLE_ID: users.mobileDev, '!STATUS': 5 } })).body.total).toBe(4)
    expect((await list({ filter: { GROUP_ID: [groups.quality, groups.alpha] } })).body.total).toBe(10)
    const byDate = await list({ filter: { GROUP_ID: groups.alpha }, order: { CREATED_DATE: 'desc', ID: 'asc' }, select: ['ID'] })
    expect(ids(byDate)).toEqual(groupTaskIds(groups.alpha))
  })

  it('an unknown sort key is a "0" internal error; non-array params are binder errors', async () => {
    expect(failure(await list({ order: { STORY_POINTS: 'asc' } }))).toEqual(internal('0', 'Invalid sorting key'))
    expect(failure(await list({ order: { storyPoints: 'asc' } }))).toEqual(internal('0', 'Invalid sorting key'))
    expect(failure(await list({ filter: 'GROUP_ID' }))).toEqual(internal('100', 'Invalid value {GROUP_ID} to match with parameter {filter}. Should be value of type array.'))
    expect(failure(await list({ select: 'ID' }))).toEqual(internal('100', 'Invalid value {ID} to match with parameter {select}. Should be value of type array.'))
  })

  it('shows admins everything, others their groups plus what they created or are responsible for', async () => {
    const everyone = (await list({ select: ['ID'] })).body.total
    expect(everyone).toBe(t.portal.store.tasks.size)
    expect((await list({ filter: { GROUP_ID: groups.quality } }, users.regular)).body).toMatchObject({ result: { tasks: [] }, total: 0 })
    expect((await list({ filter: { GROUP_ID: groups.hiddenWithRegular } }, users.regular)).body.total).toBe(4)
    expect(ids(await list({ filter: { GROUP_ID: 0 } }, users.regular))).toEqual([tasks.personal])
    expect((await list({ filter: { ID: tasks.personal } }, users.qa)).body.total).toBe(0)
    // Responsible for a task in a group they are not in: that task only.
    const added = await t.call('tasks.task.add', { fields: { TITLE: 'Review the test plan', RESPONSIBLE_ID: users.regular, GROUP_ID: groups.quality } })
    expect(ids(await list({ filter: { GROUP_ID: groups.quality } }, users.regular))).toEqual([Number(added.body.result.task.id)])
  })

  it('start=-1 leaves total out; next appears only when more rows exist', async () => {
    const r = await list({ start: -1, filter: { GROUP_ID: groups.mobile } })
    expect(r.body.total).toBeUndefined()
    expect(r.body.next).toBeUndefined()
    expect(ids(r)).toHaveLength(20)
    expect((await list({ start: 50 })).body.result.tasks).toStrictEqual([])
  })
})

describe('tasks.task.get', () => {
  it('answers {task} with the selected fields', async () => {
    const r = await t.call('tasks.task.get', { taskId: tasks.unestimated, select: ['ID', 'TITLE', 'PRIORITY', 'BACKLOG_ID'] })
    expect(r.status).toBe(200)
    expect(r.body.result).toStrictEqual({
      task: { id: String(tasks.unestimated), title: 'Crash when rotating the screen (Android 15)', priority: '2', backlogId: String(backlogs.mobile) },
    })
  })

  it('a missing or hidden task is result: [] with HTTP 200', async () => {
    const gone = await t.call('tasks.task.get', { taskId: 99_999 })
    expect([gone.status, gone.body.result]).toEqual([200, []])
    const hidden = t.portal.store.tasksInGroup(groups.hiddenFromRegular)[0]?.id
    expect((await t.as(users.regular, 'tasks.task.get', { taskId: hidden })).body.result).toStrictEqual([])
    expect((await t.as(users.qa, 'tasks.task.get', { taskId: tasks.personal })).body.result).toStrictEqual([])
    expect((await t.as(users.regular, 'tasks.task.get', { taskId: tasks.personal })).body.result.task.id).toBe(String(tasks.personal))
  })

  it('errors: no taskId, a wrong one, a non-array select', async () => {
    expect(failure(await t.call('tasks.task.get', {}))).toEqual(internal('100', 'CTaskItem All parameters in the constructor must have real class type'))
    expect(failure(await t.call('tasks.task.get', { taskId: 'abc' }))).toEqual(engineErr('wrong task id'))
    expect(failure(await t.call('tasks.task.get', { taskId: 0 }))).toEqual(engineErr('wrong task id'))
    expect(failure(await t.call('tasks.task.get', { taskId: tasks.personal, select: 'ID' }))).toEqual(
      internal('100', 'Invalid value {ID} to match with parameter {select}. Should be value of type array.'),
    )
  })
})

describe('tasks.task.add', () => {
  it('creates the task and, in a scrum with a backlog, a scrum item at the end of the backlog', async () => {
    const r = await t.as(users.regular, 'tasks.task.add', { fields: { TITLE: '  Offline banner  ', RESPONSIBLE_ID: users.qa, GROUP_ID: groups.mobile, PRIORITY: 2 } })
    expect(r.status).toBe(200)
    const task = r.body.result.task
    expect(task).toMatchObject({ title: 'Offline banner', responsibleId: String(users.qa), createdBy: String(users.regular), groupId: String(groups.mobile), status: '2', priority: '2', backlogId: String(backlogs.mobile), sprintId: null })
    expect(Number(task.id)).toBeGreaterThan(tasks.personal)
    const item = await t.call('tasks.api.scrum.task.get', { id: task.id })
    expect(item.body.result).toStrictEqual({ entityId: backlogs.mobile, storyPoints: '', epicId: 0, sort: 11, createdBy: users.regular, modifiedBy: users.regular })
    // Deterministic: the next one goes after it.
    const next = await t.call('tasks.task.add', { fields: { TITLE: 'Second', RESPONSIBLE_ID: users.qa, GROUP_ID: groups.mobile, CREATED_BY: users.productOwner } })
    expect((await t.call('tasks.api.scrum.task.get', { id: next.body.result.task.id })).body.result).toMatchObject({ sort: 12, createdBy: users.productOwner })
    expect((await list({ filter: { BACKLOG_ID: backlogs.mobile } })).body.total).toBe(12)
  })

  it('no item without a backlog, and none in a non-scrum group even if it has a backlog', async () => {
    for (const groupId of [groups.noBacklog, groups.mistakenBacklog, 0]) {
      const r = await t.call('tasks.task.add', { fields: { TITLE: 'Loose task', RESPONSIBLE_ID: users.admin, GROUP_ID: groupId } })
      expect(r.body.result.task.backlogId).toBeNull()
      expect(failure(await t.call('tasks.api.scrum.task.get', { id: r.body.result.task.id }))).toEqual(engineErr('Task not found'))
    }
    expect(t.portal.store.hasItems(backlogs.mistakenBacklog)).toBe(false)
  })

  it('accepts form-encoded fields (every value a string)', async () => {
    const r = await t.call('tasks.task.add', { fields: { TITLE: 'From BX24', RESPONSIBLE_ID: String(users.regular), GROUP_ID: String(groups.alpha), STATUS: '3' } }, { mode: 'form' })
    expect(r.body.result.task).toMatchObject({ status: '3', groupId: String(groups.alpha), backlogId: String(backlogs.alpha) })
  })

  it('errors in order: fields → title → responsible → status → group access', async () => {
    const add = (fields: unknown, user: number = users.admin) => t.as(user, 'tasks.task.add', fields === undefined ? {} : { fields })
    const before = t.portal.store.tasks.size
    expect(failure(await add(undefined))).toEqual(internal('100', 'Could not find value for parameter {fields}'))
    expect(failure(await add({}))).toEqual(internal('100', 'Could not find value for parameter {fields}'))
    expect(failure(await add({ TITLE: ' ', STATUS: 99 }))).toEqual(coreErr('Task title not specified'))
    expect(failure(await add({ TITLE: 'x', STATUS: 99 }))).toEqual(coreErr('Responsible person not specified'))
    expect(failure(await add({ TITLE: 'x', RESPONSIBLE_ID: 99_999, STATUS: 99 }))).toEqual(coreErr('User specified in the "Responsible" field not found'))
    expect(failure(await add({ TITLE: 'x', RESPONSIBLE_ID: users.qa, STATUS: 99 }))).toEqual(coreErr('Incorrect status'))
    expect(failure(await add({ TITLE: 'x', RESPONSIBLE_ID: users.qa, GROUP_ID: groups.quality }, users.regular))).toEqual(internal('0', 'Action on the task is not allowed'))
    expect(failure(await add({ TITLE: 'x', RESPONSIBLE_ID: users.qa, GROUP_ID: 99_999 }))).toEqual(internal('0', 'Action on the task is not allowed'))
    expect(t.portal.store.tasks.size).toBe(before)
  })
})

describe('tasks.task.update', () => {
  it('changes the given fields only and answers {task}', async () => {
    const r = await t.as(users.regular, 'tasks.task.update', { taskId: tasks.personal, fields: { STATUS: 5, DEADLINE: '2026-02-01T10:00:00+00:00' } })
    expect(r.status).toBe(200)
    expect(r.body.result.task).toMatchObject({ id: String(tasks.personal), title: 'Prepare the sprint review talk', status: '5' })
    expect(Date.parse(r.body.result.task.deadline)).toBe(Date.UTC(2026, 1, 1, 10))
    expect(Date.parse(r.body.result.task.changedDate)).toBeGreaterThan(Date.parse(r.body.result.task.createdDate))
    const cleared = await t.as(users.regular, 'tasks.task.update', { taskId: tasks.personal, fields: { DEADLINE: '' } })
    expect(cleared.body.result.task.deadline).toBeNull()
  })

  it('moving to another scrum drops the old item and auto-places the task in the new backlog', async () => {
    const r = await t.call('tasks.task.update', { taskId: tasks.xlStoryPoints, fields: { GROUP_ID: groups.emptyBacklog } })
    expect(r.body.result.task).toMatchObject({ groupId: String(groups.emptyBacklog), backlogId: String(backlogs.emptyBacklog) })
    expect((await t.call('tasks.api.scrum.task.get', { id: tasks.xlStoryPoints })).body.result).toStrictEqual({
      entityId: backlogs.emptyBacklog, storyPoints: '', epicId: 0, sort: 1, createdBy: users.admin, modifiedBy: users.admin,
    })
    expect(t.portal.store.itemsIn(backlogs.mobile)).toHaveLength(9)
    // Out of any scrum: no item at all.
    await t.call('tasks.task.update', { taskId: tasks.xlStoryPoints, fields: { GROUP_ID: 0 } })
    expect(failure(await t.call('tasks.api.scrum.task.get', { id: tasks.xlStoryPoints }))).toEqual(engineErr('Task not found'))
    // Same group again is not a move: the item stays where it is.
    await t.call('tasks.task.update', { taskId: tasks.unestimated, fields: { GROUP_ID: groups.mobile, TITLE: 'Renamed' } })
    expect(t.portal.store.itemOf(tasks.unestimated)?.entityId).toBe(backlogs.mobile)
  })

  it('errors: taskId, fields, access, then field checks', async () => {
    const update = (params: Record<string, unknown>, user: number = users.admin) => t.as(user, 'tasks.task.update', params)
    expect(failure(await update({ fields: { TITLE: 'x' } }))).toEqual(internal('100', 'CTaskItem All parameters in the constructor must have real class type'))
    expect(failure(await update({ taskId: 'x', fields: { TITLE: 'x' } }))).toEqual(engineErr('wrong task id'))
    expect(failure(await update({ taskId: tasks.personal }))).toEqual(internal('100', 'Could not find value for parameter {fields}'))
    expect(failure(await update({ taskId: tasks.personal, fields: { TITLE: '' } }, users.qa))).toEqual(internal('0', 'Action on the task is not allowed'))
    expect(failure(await update({ taskId: 99_999, fields: { TITLE: 'x' } }))).toEqual(internal('0', 'Action on the task is not allowed'))
    expect(failure(await update({ taskId: tasks.personal, fields: { TITLE: '', STATUS: 0 } }))).toEqual(coreErr('Task title not specified'))
    expect(failure(await update({ taskId: tasks.personal, fields: { RESPONSIBLE_ID: 0 } }))).toEqual(coreErr('Responsible person not specified'))
    expect(failure(await update({ taskId: tasks.personal, fields: { STATUS: 8 } }))).toEqual(coreErr('Incorrect status'))
    expect(failure(await update({ taskId: tasks.personal, fields: { GROUP_ID: groups.quality } }, users.regular))).toEqual(internal('0', 'Action on the task is not allowed'))
  })
})

describe('tasks.task.delete', () => {
  it('answers {task: true} and takes the scrum item with it', async () => {
    const r = await t.as(users.scrumMaster, 'tasks.task.delete', { taskId: tasks.xlStoryPoints })
    expect(r.status).toBe(200)
    expect(r.body.result).toStrictEqual({ task: true })
    expect((await t.call('tasks.task.get', { taskId: tasks.xlStoryPoints })).body.result).toStrictEqual([])
    expect(failure(await t.call('tasks.api.scrum.task.get', { id: tasks.xlStoryPoints }))).toEqual(engineErr('Task not found'))
    expect(t.portal.store.itemOf(tasks.xlStoryPoints)).toBeUndefined()
  })

  it('only admins, the creator and the group owner/moderators may delete', async () => {
    const del = (taskId: unknown, user: number) => t.as(user, 'tasks.task.delete', { taskId })
    const noAccess = systemErr(400, '1048582', 'No access to delete the task')
    // A plain member, and the responsible person, may not.
    expect(failure(await del(tasks.unestimated, users.regular))).toEqual(noAccess)
    expect(failure(await del(tasks.unestimated, users.mobileDev))).toEqual(noAccess)
    expect(failure(await del(99_999, users.admin))).toEqual(noAccess)
    expect((await del(tasks.personal, users.regular)).body.result).toStrictEqual({ task: true })
    expect(failure(await del('1x', users.admin))).toEqual(engineErr('wrong task id'))
    expect(failure(await t.call('tasks.task.delete', {}))).toEqual(internal('100', 'CTaskItem All parameters in the constructor must have real class type'))
  })
})
