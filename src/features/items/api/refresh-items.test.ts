// @vitest-environment node
import { QueryClient } from '@tanstack/react-query'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { B24Frame } from '@/bitrix/frame'
import { connectToPortal } from '@/bitrix/frame'
import { setFrameSourceForTests } from '@/bitrix/call-method'
import type { BacklogItem, TaskAnswer } from '@/lib/items/item-fields'
import { itemKeys } from '@/lib/query-keys'
import { createQueryClient } from '@/lib/react-query'
import type { Sprint } from '@/lib/sprints/sprint-fields'
import { SEED } from '../../../../e2e/portal/data/seed-default'
import type { RequestLogEntry } from '../../../../e2e/portal/rest/requestLog'
import { startPortal, type RunningPortal } from '../../../../e2e/portal/server'
import { itemsQueryOptions } from './get-items'
import { countAddsUp, firstRows, mergeRevisit, REVISIT_MS, restDateTime, revisitCommands, VISIBLE_SLOTS } from './refresh-items'
import { forgetVisibleItems, noteVisibleItems } from './visible-items'

const ORIGIN = 'https://portal.example'
const BACKLOG = 40
const SPRINT = 41

const item = (taskId: number, fields: Partial<BacklogItem> = {}): BacklogItem => ({
  id: taskId,
  taskId,
  title: `Task ${taskId}`,
  status: '2',
  responsible: null,
  entityId: BACKLOG,
  storyPoints: '',
  epicId: 0,
  sort: taskId,
  ...fields,
})
const row = (id: number, title: string, status = '2'): TaskAnswer => ({ id: String(id), title, status, responsibleId: '0' })
const snapshotOf = (items: readonly BacklogItem[], noScrum: number[] = []) => ({
  taskIds: new Set([...items.map((entry) => entry.taskId), ...noScrum]),
  noScrum: new Set(noScrum),
})

describe('mergeRevisit', () => {
  const cached = [item(1), item(2), item(3, { entityId: SPRINT, sort: 0 })]

  it('gives a changed task its new title and status, keeping its scrum fields', () => {
    const merged = mergeRevisit(cached, snapshotOf(cached), [row(2, 'Renamed elsewhere', '3')], new Map(), ORIGIN)
    const two = merged.items.find((entry) => entry.taskId === 2)!
    expect(two).toMatchObject({ title: 'Renamed elsewhere', status: '3', entityId: BACKLOG, sort: 2 })
    expect(merged.items.map((entry) => entry.taskId)).toEqual([3, 1, 2])
  })

  it('adds a new task where its scrum item puts it, sorted as the full load sorts', () => {
    const scrum = new Map([[9, { entityId: BACKLOG, storyPoints: '5', epicId: 0, sort: 0 }]])
    const merged = mergeRevisit(cached, snapshotOf(cached), [row(9, 'Added by a colleague')], scrum, ORIGIN)
    expect(merged.items.map((entry) => entry.taskId)).toEqual([3, 9, 1, 2])
    expect(merged.items[1]).toMatchObject({ title: 'Added by a colleague', storyPoints: '5', entityId: BACKLOG })
    expect([...merged.taskIds].sort()).toEqual([1, 2, 3, 9])
  })

  it('moves an item read on screen between the backlog and a sprint', () => {
    const scrum = new Map([
      [1, { entityId: SPRINT, storyPoints: '8', epicId: 4, sort: 0 }],
      [3, { entityId: BACKLOG, storyPoints: '', epicId: 0, sort: 9 }],
    ])
    const merged = mergeRevisit(cached, snapshotOf(cached), [], scrum, ORIGIN)
    expect(merged.items.find((entry) => entry.taskId === 1)).toMatchObject({ entityId: SPRINT, storyPoints: '8', epicId: 4, title: 'Task 1' })
    expect(merged.items.find((entry) => entry.taskId === 3)).toMatchObject({ entityId: BACKLOG, sort: 9 })
  })

  it('takes an item that lost its scrum item off the list, and keeps a task without one off it', () => {
    const merged = mergeRevisit(cached, snapshotOf(cached, [7]), [row(7, 'Still no item')], new Map([[2, null]]), ORIGIN)
    expect(merged.items.map((entry) => entry.taskId)).toEqual([3, 1])
    expect([...merged.noScrum].sort()).toEqual([2, 7])
  })
})

describe('countAddsUp', () => {
  const known = new Set([1, 2, 3, 4])
  it('holds when nothing left and the new tasks are among the changed', () => {
    expect(countAddsUp(known, [row(2, 'x'), row(8, 'new')], 5)).toBe(true)
    expect(countAddsUp(known, [], 4)).toBe(true)
  })
  it('fails when a task was deleted or moved to another team, even if another one arrived', () => {
    expect(countAddsUp(known, [], 3)).toBe(false)
    expect(countAddsUp(known, [row(8, 'new')], 4)).toBe(false)
  })
})

describe('the revisit batch', () => {
  it('asks the changes since an instant as a REST datetime, the count, and the items on screen, in one batch', () => {
    const since = Date.UTC(2026, 4, 4, 9, 12, 30, 456)
    expect(restDateTime(since)).toBe('2026-05-04T09:12:30+00:00')
    const commands = revisitCommands({ filter: { GROUP_ID: 21 }, select: ['ID', 'TITLE'], order: { ID: 'ASC' } }, since, Array.from({ length: 60 }, (_, index) => index + 1))
    expect(Object.keys(commands)).toHaveLength(50)
    expect(commands.changed).toEqual(['tasks.task.list', { filter: { GROUP_ID: 21, '>CHANGED_DATE': '2026-05-04T09:12:30+00:00' }, select: ['ID', 'TITLE'], order: { ID: 'ASC' } }])
    expect(commands.count).toEqual(['tasks.task.list', { filter: { GROUP_ID: 21 }, select: ['ID'], order: { ID: 'ASC' } }])
    expect(commands.v48).toEqual(['tasks.api.scrum.task.get', { id: 48 }])
    expect(commands.v49).toBeUndefined()
  })

  it('without a report of the rows on screen, reads the first rows of each list in screen order', () => {
    const sprints: Sprint[] = [
      { id: 50, groupId: 1, name: 'Done', goal: '', sort: 0, status: 'completed', dateStart: null, dateEnd: null },
      { id: SPRINT, groupId: 1, name: 'Now', goal: '', sort: 0, status: 'active', dateStart: null, dateEnd: null },
    ]
    const items = [
      ...Array.from({ length: 30 }, (_, index) => item(100 + index)),
      item(7, { entityId: SPRINT, sort: 2 }),
      item(8, { entityId: SPRINT, sort: 1 }),
      item(9, { entityId: 50 }),
    ]
    const rows = firstRows(items, sprints)
    expect(rows.slice(0, 3)).toEqual([8, 7, 100])
    expect(rows).not.toContain(9)
    expect(rows).toHaveLength(32)
    expect(firstRows(Array.from({ length: 120 }, (_, index) => item(index + 1)), [])).toHaveLength(VISIBLE_SLOTS)
  })
})

/** The app's calls go to a dev portal over HTTP, through its admin webhook, as the frame would send them. */
function throughWebhook(portal: RunningPortal) {
  const make = async ({ method, params }: { method: string; params: Record<string, unknown> }) => {
    const response = await fetch(`${portal.webhookUrl}${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(params),
    })
    const body = (await response.json()) as { result?: unknown; total?: number; next?: number; error?: string }
    if (!response.ok || body.error !== undefined) {
      throw Object.assign(new Error(String(body.error)), { status: response.status, originalError: { response: { data: body, status: response.status } } })
    }
    return { isSuccess: true, getData: () => body, getTotal: () => body.total ?? 0, isMore: () => body.next !== undefined, getErrors: () => [][Symbol.iterator]() }
  }
  setFrameSourceForTests(async () => ({ actions: { v2: { call: { make } } } }) as unknown as B24Frame)
}

describe('a revisit against the dev portal', () => {
  let portal: RunningPortal
  let client: QueryClient
  const groupId = SEED.groups.mobile
  const key = itemKeys.byGroup(groupId)

  const webhook = async <T>(method: string, params: Record<string, unknown>): Promise<T> => {
    const response = await fetch(`${portal.webhookUrl}${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(params) })
    return ((await response.json()) as { result: T }).result
  }
  /** The app's HTTP requests to the portal since the last call, each as its REST methods. */
  const requests = async (): Promise<RequestLogEntry[]> => {
    const log = (await (await fetch(`${portal.url}/control/requests`)).json()) as RequestLogEntry[]
    await fetch(`${portal.url}/control/requests`, { method: 'DELETE' })
    return log
  }
  const isRevisit = (entry: RequestLogEntry) => Boolean((entry.params.cmd as Record<string, string> | undefined)?.changed)
  /** A refetch, as a stale list's next use triggers it. */
  const refetch = () => client.fetchQuery({ ...itemsQueryOptions(groupId, portal.url), staleTime: 0 })
  const titled = (items: BacklogItem[], title: string) => items.find((entry) => entry.title === title)

  beforeAll(async () => {
    portal = await startPortal({ port: 0, rateLimit: false, operating: false })
  })
  afterAll(async () => {
    await portal.close()
  })
  beforeEach(async () => {
    await fetch(`${portal.url}/control/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ seed: 'default' }) })
    throughWebhook(portal)
    forgetVisibleItems()
    client = createQueryClient()
    await refetch()
    await requests()
  })
  afterEach(() => {
    setFrameSourceForTests(connectToPortal)
    vi.useRealTimers()
  })

  it('shows a title changed elsewhere after one request', async () => {
    const first = client.getQueryData<BacklogItem[]>(key)!
    const target = titled(first, 'Dark theme')!
    await webhook('tasks.task.update', { taskId: target.taskId, fields: { TITLE: 'Dark theme (OLED)' } })
    await requests()
    const items = await refetch()
    expect(titled(items, 'Dark theme (OLED)')).toMatchObject({ taskId: target.taskId, storyPoints: target.storyPoints, entityId: target.entityId })
    expect(items).toHaveLength(first.length)
    const log = await requests()
    expect(log).toHaveLength(1)
    expect(isRevisit(log[0]!)).toBe(true)
  })

  it('adds a task created elsewhere in two requests: the revisit, then its scrum fields', async () => {
    const before = client.getQueryData<BacklogItem[]>(key)!.length
    await webhook('tasks.task.add', { fields: { TITLE: 'Biometric login', RESPONSIBLE_ID: SEED.users.regular, GROUP_ID: groupId } })
    await requests()
    const items = await refetch()
    expect(items).toHaveLength(before + 1)
    expect(titled(items, 'Biometric login')).toMatchObject({ entityId: SEED.backlogs.mobile })
    const log = await requests()
    expect(log.map((entry) => entry.methods)).toEqual([expect.arrayContaining(['batch', 'tasks.task.list']), ['batch', 'tasks.api.scrum.task.get']])
  })

  it('moves an item on screen that was moved to a sprint elsewhere; an item off screen keeps its list until a whole read', async () => {
    const first = client.getQueryData<BacklogItem[]>(key)!
    const shown = titled(first, 'Apple Pay support')!
    const hidden = titled(first, 'Push notification settings')!
    noteVisibleItems(groupId, SEED.backlogs.mobile, [shown.taskId])
    for (const moved of [shown, hidden]) await webhook('tasks.api.scrum.task.update', { id: moved.taskId, fields: { entityId: SEED.sprints.mobileActive } })
    await requests()
    const items = await refetch()
    expect(titled(items, 'Apple Pay support')!.entityId).toBe(SEED.sprints.mobileActive)
    expect(titled(items, 'Push notification settings')!.entityId).toBe(SEED.backlogs.mobile)
    expect((await requests()).length).toBe(1)

    // Ten minutes after the whole read, a revisit reads the whole list again.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + REVISIT_MS + 1_000 })
    const later = await refetch()
    expect(titled(later, 'Push notification settings')!.entityId).toBe(SEED.sprints.mobileActive)
    expect((await requests()).some(isRevisit)).toBe(false)
  })

  it('reads the whole list when a task was deleted elsewhere', async () => {
    const first = client.getQueryData<BacklogItem[]>(key)!
    const gone = titled(first, 'Dark theme')!
    await webhook('tasks.task.delete', { taskId: gone.taskId })
    await requests()
    const items = await refetch()
    expect(titled(items, 'Dark theme')).toBeUndefined()
    const log = await requests()
    expect(isRevisit(log[0]!)).toBe(true)
    // The revisit saw the count fall short: the list's page and the scrum reads follow.
    expect(log.slice(1).map((entry) => entry.methods[0])).toEqual(['tasks.task.list', 'batch'])
  })

  it('reads the whole list after the app invalidated it', async () => {
    await client.invalidateQueries({ queryKey: key })
    await refetch()
    const log = await requests()
    expect(log.some(isRevisit)).toBe(false)
    expect(log.map((entry) => entry.methods[0])).toEqual(['tasks.task.list', 'batch'])
  })
})
