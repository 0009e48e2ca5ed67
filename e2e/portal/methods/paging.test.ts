import { describe, expect, it } from 'vitest'
import { LARGE } from '../data/seed-large'
import { SEED, setupPortal, type Json } from '../test-helpers'

const t = setupPortal({ seed: 'large' })
const admin = { params: { IS_ADMIN: 'Y' } }
const ids = (r: Json): number[] => r.body.result.workgroups.map((g: { id: string }) => Number(g.id))

describe('paging (large seed)', () => {
  it('workgroup.list pages by 50 with total and next at the top level', async () => {
    const first = await t.call('socialnetwork.api.workgroup.list', admin)
    expect(first.body.total).toBe(2000)
    expect(first.body.next).toBe(50)
    expect(ids(first)).toHaveLength(50)
    expect(ids(first)[0]).toBe(LARGE.groups.huge)
    // start is floored to a multiple of 50.
    const odd = await t.call('socialnetwork.api.workgroup.list', { ...admin, start: 75 })
    expect(odd.body.next).toBe(100)
    expect(ids(odd)[0]).toBe((ids(first)[0] ?? 0) + 50)
    const last = await t.call('socialnetwork.api.workgroup.list', { ...admin, start: 1950 })
    expect(ids(last)).toHaveLength(50)
    expect(last.body.next).toBeUndefined()
    expect(last.body.total).toBe(2000)
    const beyond = await t.call('socialnetwork.api.workgroup.list', { ...admin, start: 5000 })
    expect(beyond.body.result.workgroups).toStrictEqual([])
  })

  it('start=-1 gives the first page without total or next (the >ID walk)', async () => {
    const r = await t.call('socialnetwork.api.workgroup.list', { ...admin, start: -1, filter: { '>ID': LARGE.groups.medium }, order: { ID: 'ASC' } })
    expect(ids(r)).toHaveLength(50)
    expect(ids(r)[0]).toBe(LARGE.groups.medium + 1)
    expect(r.body.total).toBeUndefined()
    expect(r.body.next).toBeUndefined()
  })

  it('a regular user pages through visible + own groups only', async () => {
    const r = await t.as(SEED.users.regular, 'socialnetwork.api.workgroup.list', { start: 0 })
    expect(r.body.total).toBeLessThan(2000)
    expect(r.body.total).toBeGreaterThan(1000)
  })

  it('user.get pages 200 users, and batch reports result_next', async () => {
    const r = await t.call('user.get', { start: 150 })
    expect(r.body.total).toBe(200)
    expect(r.body.next).toBeUndefined()
    expect(r.body.result[0].ID).toBe('151')
    const b = await t.call('batch', { cmd: { a: 'user.get', b: 'user.get?start=50' } })
    expect(b.body.result.result_next).toStrictEqual({ a: 50, b: 100 })
    expect(b.body.result.result_total).toStrictEqual({ a: 200, b: 200 })
  })

  it('user.get: the >ID cursor of huge-data.md walks all 200 users and stops', async () => {
    // order ID ASC + filter >ID + start=-1: each page starts after the last id of the one before.
    const seen: number[] = []
    let last = 0
    for (let calls = 1; ; calls++) {
      const r = await t.call('user.get', { FILTER: { '>ID': last }, SORT: 'ID', ORDER: 'ASC', start: -1 })
      const page = r.body.result.map((u: { ID: string }) => Number(u.ID))
      if (!page.length) break
      expect(page[0]).toBeGreaterThan(last)
      seen.push(...page)
      last = page.at(-1)
      expect(calls).toBeLessThan(6)
    }
    expect(seen).toEqual(Array.from({ length: 200 }, (_, i) => i + 1))
  })

  it('the huge scrum is readable', async () => {
    const r = await t.call('tasks.api.scrum.backlog.get', { id: LARGE.groups.huge })
    expect(r.body.result.groupId).toBe(LARGE.groups.huge)
  })
})

describe('tasks at scale (large seed)', () => {
  const list = (groupId: number, start: number, user: number = SEED.users.admin) =>
    t.as(user, 'tasks.task.list', { filter: { GROUP_ID: groupId }, select: ['ID', 'TITLE', 'RESPONSIBLE_ID', 'BACKLOG_ID'], order: { ID: 'asc' }, start })

  it('tasks.task.list: the >ID cursor walks the huge scrum\'s 1,000 tasks in 20 pages and stops', async () => {
    let last = 0
    let count = 0
    for (let calls = 1; ; calls++) {
      const r = await t.call('tasks.task.list', { filter: { GROUP_ID: LARGE.groups.huge, '>ID': last }, select: ['ID'], order: { ID: 'ASC' }, start: -1 })
      const page = r.body.result.tasks.map((task: { id: string }) => Number(task.id))
      expect(r.body.total).toBeUndefined()
      if (!page.length) break
      expect(page[0]).toBeGreaterThan(last)
      count += page.length
      last = page.at(-1)
      expect(calls).toBeLessThan(22)
    }
    expect(count).toBe(1000)
  })

  it('lists the 1,000 items of the huge scrum in 20 pages and reads their scrum items in 20 batches, well under a second of server time', async () => {
    let serverSeconds = 0
    const seen: number[] = []
    const nexts: Array<number | undefined> = []
    for (let start: number | undefined = 0; start !== undefined; ) {
      const r: Json = await list(LARGE.groups.huge, start)
      expect(r.body.total).toBe(1000)
      serverSeconds += r.body.time.processing
      seen.push(...r.body.result.tasks.map((task: { id: string }) => Number(task.id)))
      start = r.body.next
      nexts.push(start)
    }
    expect(nexts).toEqual([...Array.from({ length: 19 }, (_, i) => (i + 1) * 50), undefined])
    expect(new Set(seen).size).toBe(1000)
    expect(seen).toEqual([...seen].sort((a, b) => a - b))

    for (let i = 0; i < seen.length; i += 50) {
      const cmd = Object.fromEntries(seen.slice(i, i + 50).map((id) => [`t${id}`, `tasks.api.scrum.task.get?id=${id}`]))
      const b = await t.call('batch', { halt: 0, cmd })
      expect(Object.keys(b.body.result.result)).toHaveLength(50)
      expect(b.body.result.result_error).toStrictEqual([])
      serverSeconds += b.body.time.processing
    }
    expect(serverSeconds).toBeLessThan(0.5)
  })

  it('the medium scrum: 120 backlog items in pages of 50/50/20, for a member too; BACKLOG_ID agrees', async () => {
    const pages = await Promise.all([0, 50, 100].map((start) => list(LARGE.groups.medium, start, SEED.users.regular)))
    expect(pages.map((r) => r.body.result.tasks.length)).toEqual([50, 50, 20])
    expect(pages.map((r) => r.body.next)).toEqual([50, 100, undefined])
    expect(pages.every((r) => r.body.total === 120)).toBe(true)
    const backlogId = t.portal.store.backlogOf(LARGE.groups.medium)?.id
    expect(pages[0]?.body.result.tasks[0].backlogId).toBe(String(backlogId))
    const byBacklog = await t.call('tasks.task.list', { filter: { BACKLOG_ID: backlogId }, select: ['ID'], start: -1 })
    expect(byBacklog.body.total).toBeUndefined()
    expect(byBacklog.body.result.tasks).toHaveLength(50)
    expect((await t.call('tasks.task.list', { filter: { BACKLOG_ID: backlogId }, select: ['ID'] })).body.total).toBe(120)
  })
})
