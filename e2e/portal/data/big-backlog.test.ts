import { beforeAll, describe, expect, it } from 'vitest'
import { PortalControl } from '../../fixtures/portal-control'
import { failure, SEED, setupPortal, type Json } from '../test-helpers'
import { addBigBacklog, BIG_BACKLOG_MAX } from './big-backlog'
import { SeedBuilder } from './builder'
import { StoreInvariantError } from './model'
import { LARGE, POINTS } from './seed-large'
import { createStore } from './seeds'

const { admin, regular, scrumMaster } = SEED.users

describe('addBigBacklog', () => {
  it('adds a scrum team whose backlog holds N generated items, after the seeded data', () => {
    const store = createStore('default')
    const next = store.nextIds()
    const seededTasks = store.tasks.size
    const { groupId, backlogId } = addBigBacklog(store, 2500)

    expect(groupId).toBe(next.group)
    expect(store.group(groupId)).toMatchObject({ name: 'Backlog of 2,500 items', type: 'scrum', ownerId: admin, scrumMasterId: scrumMaster })
    for (const member of [admin, regular, scrumMaster]) expect(store.isMember(member, groupId)).toBe(true)
    expect(store.backlogOf(groupId)?.id).toBe(backlogId)
    expect(store.tasks.size).toBe(seededTasks + 2500)
    // The seeded teams are untouched.
    expect(store.itemsIn(SEED.backlogs.mobile)).toHaveLength(10)

    const items = store.itemsIn(backlogId)
    expect(items.map((i) => i.sort)).toEqual(Array.from({ length: 2500 }, (_, i) => i + 1))
    const tasks = items.map((i) => store.task(i.taskId))
    expect(tasks.every((t) => t?.groupId === groupId)).toBe(true)
    expect(tasks[0]?.title).toMatch(/^\w+ the [\w ]+ #1$/)
    expect(new Set(tasks.map((t) => t?.responsibleId))).toEqual(new Set(Array.from({ length: 16 }, (_, i) => i + 1)))
    // Story points as people type them: blanks and non-numbers among the numbers.
    const points = new Set(items.map((i) => i.storyPoints))
    expect(points).toEqual(new Set(POINTS))
    const epics = store.epicsOf(groupId).map((e) => e.id)
    expect(epics.length).toBeGreaterThanOrEqual(2)
    const inEpic = items.filter((i) => i.epicId !== 0)
    expect(inEpic.length).toBeGreaterThan(500)
    expect(inEpic.length).toBeLessThan(2000)
    expect(inEpic.every((i) => epics.includes(i.epicId))).toBe(true)
  })

  it('generates the same backlog for the same N and seed, another one for another seed', () => {
    const titles = (seed?: number) => {
      const store = createStore('default')
      const { backlogId } = addBigBacklog(store, 300, seed)
      return { dump: store.dump(), titles: store.itemsIn(backlogId).map((i) => store.task(i.taskId)?.title) }
    }
    const first = titles()
    expect(titles().dump).toEqual(first.dump)
    expect(titles(7).titles).not.toEqual(first.titles)
  })

  it('takes 1 to 10,000 whole items', () => {
    const store = createStore('default')
    for (const items of [0, BIG_BACKLOG_MAX + 1, 2.5, Number.NaN]) expect(() => addBigBacklog(store, items)).toThrow(RangeError)
    expect(store.tasks.size).toBe(createStore('default').tasks.size)
  })

  it('builds 10,000 items beside the large seed quickly (loose ceiling: CI machines are loaded)', () => {
    const store = createStore('large')
    const started = performance.now()
    const { backlogId } = addBigBacklog(store, BIG_BACKLOG_MAX)
    expect(performance.now() - started).toBeLessThan(3000)
    expect(store.itemsIn(backlogId)).toHaveLength(BIG_BACKLOG_MAX)
    // The large seed's own teams keep their ids and items.
    expect(store.itemsIn(store.backlogOf(LARGE.groups.huge)?.id ?? 0)).toHaveLength(1000)
  }, 30_000)

  it('appended rows may not take ids the store has handed out', () => {
    const store = createStore('default')
    // A builder from the seed's own first ids: group 21 is "Mobile App" already.
    const clash = new SeedBuilder()
    clash.group({ name: 'Clash', ownerId: admin })
    const { name: _name, ...rows } = clash.build('')
    expect(() => store.append(rows)).toThrow(StoreInvariantError)
    expect(store.group(SEED.groups.mobile)?.name).toBe('Mobile App')
  })
})

describe('POST /control/big-backlog, beside the large seed', () => {
  const t = setupPortal({ seed: 'large' })
  const ITEMS = BIG_BACKLOG_MAX
  let groupId = 0
  let backlogId = 0
  const select = ['ID', 'TITLE', 'STATUS', 'RESPONSIBLE_ID']
  const pageQuery = (start: number) =>
    `tasks.task.list?filter[GROUP_ID]=${groupId}&select[0]=ID&select[1]=TITLE&select[2]=STATUS&select[3]=RESPONSIBLE_ID&order[ID]=ASC&start=${start}`

  beforeAll(async () => {
    ;({ groupId, backlogId } = await new PortalControl(t.url).bigBacklog(ITEMS))
  })

  it('answers the new team, which the portal serves as a scrum with that backlog', async () => {
    const backlog = await t.call('tasks.api.scrum.backlog.get', { id: groupId })
    expect(backlog.body.result).toMatchObject({ id: backlogId, groupId })
    const group = await t.as(regular, 'socialnetwork.api.workgroup.get', { params: { groupId } })
    expect(group.body.result).toMatchObject({ NAME: 'Backlog of 10,000 items' })
  })

  it('pages tasks.task.list by 50: total and next on the first page, none after the last', async () => {
    const page = (start: number) => t.call('tasks.task.list', { filter: { GROUP_ID: groupId }, select, order: { ID: 'ASC' }, start })
    const first = await page(0)
    expect(first.body).toMatchObject({ total: ITEMS, next: 50 })
    expect(first.body.result.tasks).toHaveLength(50)
    expect(Object.keys(first.body.result.tasks[0]).sort()).toEqual(['id', 'responsible', 'responsibleId', 'status', 'subStatus', 'title'])
    const middle = await page(5000)
    expect(middle.body).toMatchObject({ total: ITEMS, next: 5050 })
    const last = await page(ITEMS - 50)
    expect(last.body.total).toBe(ITEMS)
    expect(last.body.next).toBeUndefined()
    expect(last.body.result.tasks).toHaveLength(50)
    const ids = (r: Json): number[] => r.body.result.tasks.map((task: Json) => Number(task.id))
    expect(ids(last)[49]! - ids(first)[0]!).toBe(ITEMS - 1)
  })

  /** What the portal spent answering the logged requests: the client's own work in this process left out. */
  const portalMs = async () => ((await t.control('requests')) as Json[]).reduce((sum: number, entry: Json) => sum + entry.durationMs, 0)
  let ids: number[] = []

  it('reads all 10,000 by pages of 50, 50 pages per batch, within a loose ceiling', async () => {
    await t.control('requests', undefined, 'DELETE')
    for (let batchStart = 0; batchStart < ITEMS; batchStart += 50 * 50) {
      const cmd: Record<string, string> = {}
      for (let start = batchStart; start < Math.min(ITEMS, batchStart + 2500); start += 50) cmd[`p${start}`] = pageQuery(start)
      const r = await t.call('batch', { halt: 0, cmd })
      expect(r.body.result.result_error).toEqual([])
      for (const page of Object.values(r.body.result.result) as Json[]) ids.push(...page.tasks.map((task: Json) => Number(task.id)))
    }
    expect(ids).toHaveLength(ITEMS)
    expect(ids).toEqual([...ids].sort((a, b) => a - b))
    expect(new Set(ids).size).toBe(ITEMS)
    // About 0.5 s on a quiet 2-core machine (it was 1.4 s before the per-page work was trimmed).
    expect(await portalMs()).toBeLessThan(5000)
  }, 60_000)

  it('answers tasks.api.scrum.task.get for every item, 50 per batch, within a loose ceiling', async () => {
    if (ids.length !== ITEMS) ids = (await t.control('store')).items.filter((i: Json) => i.entityId === backlogId).map((i: Json) => i.taskId)
    await t.control('requests', undefined, 'DELETE')
    const items: Json[] = []
    for (let i = 0; i < ids.length; i += 50) {
      const cmd = Object.fromEntries(ids.slice(i, i + 50).map((id) => [`t${id}`, `tasks.api.scrum.task.get?id=${id}`]))
      const r = await t.call('batch', { halt: 0, cmd })
      expect(r.body.result.result_error).toEqual([])
      items.push(...Object.values(r.body.result.result as Record<string, Json>))
    }
    expect(items).toHaveLength(ITEMS)
    expect(items.every((item) => item.entityId === backlogId)).toBe(true)
    expect(items.map((item) => item.sort)).toEqual(Array.from({ length: ITEMS }, (_, i) => i + 1))
    expect(new Set(items.map((item) => item.storyPoints))).toEqual(new Set(POINTS))
    // About 1-3 ms per batch of 50 on a quiet machine.
    expect(await portalMs()).toBeLessThan(5000)
  }, 60_000)

  it('refuses a count it cannot make; /control/reset drops the team', async () => {
    for (const items of [0, 10_001, 1.5, '100']) {
      const r = await t.postJson('/control/big-backlog', { items })
      expect(r.status).toBe(400)
      expect(r.body.error).toBe('bad_request')
    }
    await t.reset('large')
    const gone = await t.call('tasks.api.scrum.backlog.get', { id: groupId })
    expect(failure(gone).status).toBe(400)
    expect((await t.control('store')).tasks).toHaveLength(createStore('large').tasks.size)
  })
})

describe('startPortal({ bigBacklog })', () => {
  const t = setupPortal({ bigBacklog: 120 })

  it('starts with the team in the data; a reset takes it away', async () => {
    const big = t.portal.bigBacklog
    expect(big).toBeDefined()
    const page = await t.call('tasks.task.list', { filter: { GROUP_ID: big?.groupId }, select: ['ID'] })
    expect(page.body).toMatchObject({ total: 120, next: 50 })
    await t.reset()
    expect(t.portal.store.group(big?.groupId ?? 0)).toBeUndefined()
  })
})
