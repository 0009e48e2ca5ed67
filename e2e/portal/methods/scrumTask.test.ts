import { beforeEach, describe, expect, it } from 'vitest'
import { binderInvalid, binderMissing, ENGINE_KEYS, engineErr, failure, SEED, setupPortal } from '../test-helpers'

const t = setupPortal()
const { users, groups, backlogs, sprints, epics, tasks } = SEED

beforeEach(async () => {
  await t.reset()
})

const get = (id: unknown, user: number = users.admin) => t.as(user, 'tasks.api.scrum.task.get', { id })
const update = (id: unknown, fields: unknown, user: number = users.admin) => t.as(user, 'tasks.api.scrum.task.update', { id, fields })
const item = (taskId: number) => t.portal.store.itemOf(taskId)
const firstTaskOf = (groupId: number) => t.portal.store.tasksInGroup(groupId)[0]?.id ?? 0

describe('tasks.api.scrum.task.get', () => {
  it('returns the item as ints with a string storyPoints', async () => {
    const r = await get(tasks.xlStoryPoints)
    expect(r.status).toBe(200)
    expect(Object.keys(r.body)).toEqual(['result', 'time'])
    expect(Object.keys(r.body.time)).toEqual(ENGINE_KEYS)
    expect(r.body.result).toStrictEqual({ entityId: backlogs.mobile, storyPoints: 'XL', epicId: epics.offline, sort: 4, createdBy: users.productOwner, modifiedBy: users.productOwner })
    expect((await get(tasks.unestimated)).body.result).toMatchObject({ storyPoints: '', epicId: 0 })
  })

  it('errors: binder → Task id not found → Task not found (also without an item) → Access denied', async () => {
    expect(failure(await t.call('tasks.api.scrum.task.get', {}))).toEqual(binderMissing('id'))
    expect(failure(await t.call('tasks.api.scrum.task.get', { taskId: tasks.xlStoryPoints }))).toEqual(binderMissing('id'))
    expect(failure(await get('x1'))).toEqual(binderInvalid('id', 'x1'))
    expect(failure(await get(0))).toEqual(engineErr('Task id not found'))
    expect(failure(await get(99_999))).toEqual(engineErr('Task not found'))
    expect(failure(await get(tasks.noItem))).toEqual(engineErr('Task not found'))
    expect(failure(await get(tasks.personal))).toEqual(engineErr('Task not found'))
    expect(failure(await get(firstTaskOf(groups.quality), users.regular))).toEqual(engineErr('Access denied'))
    expect((await get(firstTaskOf(groups.hiddenWithRegular), users.regular)).status).toBe(200)
  })
})

describe('tasks.api.scrum.task.update', () => {
  it('answers result: true and applies storyPoints only when it is a string', async () => {
    const r = await update(tasks.unestimated, { storyPoints: '5' })
    expect(r.status).toBe(200)
    expect(r.body.result).toBe(true)
    expect(item(tasks.unestimated)?.storyPoints).toBe('5')
    // A JSON number is ignored silently, and so is null.
    expect((await update(tasks.unestimated, { storyPoints: 8 })).body.result).toBe(true)
    expect((await update(tasks.unestimated, { storyPoints: null })).body.result).toBe(true)
    expect(item(tasks.unestimated)?.storyPoints).toBe('5')
    // Form-encoded, every value is a string: "8" applies.
    await t.call('tasks.api.scrum.task.update', { id: tasks.unestimated, fields: { storyPoints: 8 } }, { mode: 'form' })
    expect(item(tasks.unestimated)?.storyPoints).toBe('8')
    await update(tasks.unestimated, { storyPoints: '' })
    expect((await get(tasks.unestimated)).body.result.storyPoints).toBe('')
  })

  it('sets and detaches epics; ints may come as numeric strings; modifiedBy defaults to the caller', async () => {
    await update(tasks.unestimated, { epicId: String(epics.payments), sort: '42' }, users.regular)
    expect((await get(tasks.unestimated)).body.result).toMatchObject({ epicId: epics.payments, sort: 42, modifiedBy: users.regular, createdBy: users.productOwner })
    // The source does not check that the epic belongs to the task's group.
    await update(tasks.unestimated, { epicId: epics.alphaRelease })
    expect(item(tasks.unestimated)?.epicId).toBe(epics.alphaRelease)
    await update(tasks.xlStoryPoints, { epicId: 0 })
    expect((await get(tasks.xlStoryPoints)).body.result).toMatchObject({ epicId: 0, storyPoints: 'XL', sort: 4 })
    await update(tasks.xlStoryPoints, { createdBy: users.qa, modifiedBy: users.designer })
    expect(item(tasks.xlStoryPoints)).toMatchObject({ createdBy: users.qa, modifiedBy: users.designer })
  })

  it('moves between the backlog and the sprints of the task group, to the end unless sort is given', async () => {
    await update(tasks.unestimated, { entityId: sprints.mobilePlanned })
    expect((await get(tasks.unestimated)).body.result).toMatchObject({ entityId: sprints.mobilePlanned, sort: 2 })
    const listed = await t.call('tasks.task.list', { filter: { SPRINT_ID: sprints.mobilePlanned }, select: ['ID'] })
    expect(listed.body.total).toBe(2)
    await update(tasks.unestimated, { entityId: String(backlogs.mobile), sort: 1 })
    expect((await get(tasks.unestimated)).body.result).toMatchObject({ entityId: backlogs.mobile, sort: 1 })
  })

  it('errors in the source order for an existing item', async () => {
    const otherGroupSprint = sprints.alphaActive
    expect(failure(await t.call('tasks.api.scrum.task.update', { fields: {} }))).toEqual(binderMissing('id'))
    expect(failure(await t.call('tasks.api.scrum.task.update', { id: tasks.unestimated }))).toEqual(binderMissing('fields'))
    expect(failure(await update(tasks.unestimated, 'x'))).toEqual(binderInvalid('fields', 'x', 'array'))
    expect(failure(await update(0, { entityId: 99_999 }))).toEqual(engineErr('Task id not found'))
    // A target that does not exist or cannot be read.
    expect(failure(await update(tasks.unestimated, { entityId: 99_999, epicId: 99_999 }))).toEqual(engineErr('Access denied'))
    expect(failure(await update(tasks.unestimated, { entityId: backlogs.quality }, users.regular))).toEqual(engineErr('Access denied'))
    // The item sits in a group the caller cannot read.
    expect(failure(await update(firstTaskOf(groups.quality), { epicId: 99_999 }, users.regular))).toEqual(engineErr('Access denied'))
    // A readable target of another group.
    expect(failure(await update(tasks.unestimated, { entityId: otherGroupSprint }))).toEqual(engineErr('Access denied'))
    expect(failure(await update(tasks.unestimated, { epicId: 99_999, createdBy: 99_999 }))).toEqual(engineErr('Epic not found'))
    expect(failure(await update(tasks.unestimated, { createdBy: 99_999, modifiedBy: 99_998 }))).toEqual(engineErr('createdBy user not found'))
    expect(failure(await update(tasks.unestimated, { modifiedBy: 99_998 }))).toEqual(engineErr('modifiedBy user not found'))
    // Nothing changed on the way.
    expect(item(tasks.unestimated)).toMatchObject({ entityId: backlogs.mobile, epicId: 0, storyPoints: '' })
  })

  it('creates a missing item only with entityId and createdBy', async () => {
    const backlog = (await t.call('tasks.api.scrum.backlog.add', { fields: { groupId: groups.noBacklog, createdBy: users.designer } })).body.result.id
    const create = (fields: object, user: number = users.admin) => update(tasks.noItem, fields, user)
    expect(failure(await create({ storyPoints: '3' }))).toEqual(engineErr('Entity id not found'))
    expect(failure(await create({ entityId: backlog, storyPoints: '3' }))).toEqual(engineErr('Item not created'))
    expect(failure(await create({ entityId: backlog, createdBy: 99_999 }))).toEqual(engineErr('createdBy user not found'))
    // A backlog of another group.
    expect(failure(await create({ entityId: backlogs.mobile, createdBy: users.admin }))).toEqual(engineErr('Access denied'))
    // A task the caller cannot see, or none at all: not found, with the source's period.
    const adminOnly = await t.call('tasks.task.add', { fields: { TITLE: 'Private', RESPONSIBLE_ID: users.admin } })
    expect(failure(await update(adminOnly.body.result.task.id, { entityId: backlogs.mobile, createdBy: users.regular }, users.regular))).toEqual(engineErr('Task not found.'))
    expect(failure(await update(99_999, { entityId: backlogs.mobile, createdBy: users.regular }))).toEqual(engineErr('Task not found.'))
    expect(item(tasks.noItem)).toBeUndefined()

    expect((await create({ entityId: backlog, createdBy: users.designer, storyPoints: '3', epicId: 0 })).body.result).toBe(true)
    expect((await get(tasks.noItem)).body.result).toStrictEqual({ entityId: backlog, storyPoints: '3', epicId: 0, sort: 1, createdBy: users.designer, modifiedBy: users.admin })
  })

  it('runs from a batch: 50 gets by ?id= and form-style updates that keep storyPoints a string', async () => {
    const taskIds = [...t.portal.store.tasks.keys()].sort((a, b) => a - b)
    const cmd = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`t${i}`, `tasks.api.scrum.task.get?id=${taskIds[i % taskIds.length]}`]))
    const r = await t.call('batch', { halt: 0, cmd })
    expect(r.status).toBe(200)
    const out = r.body.result
    const asked = Array.from({ length: 50 }, (_, i) => taskIds[i % taskIds.length] ?? 0)
    expect(Object.keys(out.result)).toHaveLength(asked.filter((id) => item(id)).length)
    expect(Object.keys(out.result_error)).toHaveLength(asked.filter((id) => !item(id)).length)
    asked.forEach((id, i) => {
      const stored = item(id)
      if (stored) expect(out.result[`t${i}`]).toStrictEqual({ entityId: stored.entityId, storyPoints: stored.storyPoints, epicId: stored.epicId, sort: stored.sort, createdBy: stored.createdBy, modifiedBy: stored.modifiedBy })
    })
    const noItemKey = `t${taskIds.indexOf(tasks.noItem)}`
    expect(out.result_error[noItemKey]).toStrictEqual({ error: '0', error_description: 'Task not found' })
    expect(Object.keys(out.result_time)).toEqual(Object.keys(out.result))

    const u = await t.call('batch', {
      cmd: {
        sp: `tasks.api.scrum.task.update?id=${tasks.unestimated}&fields[storyPoints]=5&fields[epicId]=${epics.offline}`,
        detach: `tasks.api.scrum.task.update?id=${tasks.xlStoryPoints}&fields[epicId]=0`,
        check: `tasks.api.scrum.task.get?id=${tasks.unestimated}`,
      },
    })
    expect(u.body.result.result).toStrictEqual({
      sp: true,
      detach: true,
      check: { entityId: backlogs.mobile, storyPoints: '5', epicId: epics.offline, sort: 7, createdBy: users.productOwner, modifiedBy: users.admin },
    })
    expect(item(tasks.xlStoryPoints)?.epicId).toBe(0)
  })
})

describe('tasks.api.scrum.task.update: the docs\' example and the open questions (quirks.ts)', () => {
  /** The page's request `{"id":1,"fields":{"epicId":1,"storyPoints":"8","entityId":2}}`, with this seed's ids. */
  const docsExample = (id: number, entityId: number) => ({ id, fields: { epicId: epics.payments, storyPoints: '8', entityId } })

  it('accepts the docs\' example request: moves the task, sets points and epic, answers true', async () => {
    const r = await t.call('tasks.api.scrum.task.update', docsExample(tasks.unestimated, sprints.mobilePlanned))
    expect(r.status).toBe(200)
    expect(r.body.result).toBe(true)
    expect(item(tasks.unestimated)).toMatchObject({ entityId: sprints.mobilePlanned, storyPoints: '8', epicId: epics.payments })
  })

  it('a task without an item and no entityId: `Entity id not found` by default, nothing created', async () => {
    await t.control('planning-opened', { groupId: groups.noBacklog })
    expect(await t.control('quirks')).toMatchObject({ taskUpdateAutoAdd: false })
    expect(failure(await update(tasks.noItem, { storyPoints: '3', createdBy: users.admin }))).toEqual(engineErr('Entity id not found'))
    expect(item(tasks.noItem)).toBeUndefined()
  })

  it('taskUpdateAutoAdd: the same call adds the task to its scrum\'s backlog (caller as creator)', async () => {
    await t.control('quirks', { taskUpdateAutoAdd: true })
    // No backlog yet: nowhere to add it.
    expect(failure(await update(tasks.noItem, { storyPoints: '3' }))).toEqual(engineErr('Entity id not found'))
    const { backlog } = await t.control('planning-opened', { groupId: groups.noBacklog })
    expect((await update(tasks.noItem, { storyPoints: '3', epicId: 0 }, users.designer)).body.result).toBe(true)
    expect((await get(tasks.noItem)).body.result).toStrictEqual({ entityId: backlog.id, storyPoints: '3', epicId: 0, sort: 1, createdBy: users.designer, modifiedBy: users.designer })
    // A task outside any scrum still has nowhere to go.
    expect(failure(await update(tasks.personal, { storyPoints: '1' }))).toEqual(engineErr('Entity id not found'))
  })

  it('epicId 0 detaches by default (epicZeroDetaches: true, the newer docs)', async () => {
    expect(item(tasks.xlStoryPoints)?.epicId).toBe(epics.offline)
    expect((await update(tasks.xlStoryPoints, { epicId: 0 })).body.result).toBe(true)
    expect(item(tasks.xlStoryPoints)?.epicId).toBe(0)
  })

  it('epicZeroDetaches: false plays the older server: 400 `Epic not found`, nothing changed', async () => {
    await t.control('quirks', { epicZeroDetaches: false })
    const before = item(tasks.xlStoryPoints)
    const r = await update(tasks.xlStoryPoints, { epicId: 0, storyPoints: '1', entityId: sprints.mobilePlanned })
    // The same body as every other error of this controller: code "0", no time.
    expect(failure(r)).toEqual(engineErr('Epic not found'))
    expect(r.body).toStrictEqual({ error: '0', error_description: 'Epic not found' })
    expect(item(tasks.xlStoryPoints)).toStrictEqual(before)
    // A real epic still attaches; the reset brings the default back.
    expect((await update(tasks.xlStoryPoints, { epicId: epics.payments })).body.result).toBe(true)
    await t.reset()
    expect((await update(tasks.xlStoryPoints, { epicId: 0 })).body.result).toBe(true)
  })
})

describe('tasks.api.scrum.task.getFields', () => {
  it('describes the six fields', async () => {
    const r = await t.as(users.regular, 'tasks.api.scrum.task.getFields')
    expect(r.body.result).toStrictEqual({
      fields: { entityId: { type: 'integer' }, storyPoints: { type: 'string' }, epicId: { type: 'integer' }, sort: { type: 'integer' }, createdBy: { type: 'integer' }, modifiedBy: { type: 'integer' } },
    })
  })
})
