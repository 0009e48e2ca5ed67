import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query'
import { BATCH_LIMIT, callBatch, callBatchChunks, callPage, inPool, READ_CONCURRENCY, type BatchCommand, type BatchOutcome, type Page } from '@/bitrix'
import { itemKeys, sprintKeys } from '@/lib/query-keys'
import { byBacklogOrder, toItem, type BacklogItem, type ScrumTaskAnswer, type TaskAnswer } from '@/lib/items/item-fields'
import { itemLedger } from '@/lib/items/item-ledger'
import { throwHandedOver } from '@/lib/handover'
import { lateSignal } from '@/lib/late-signal'
import { changeEpoch } from '@/lib/changes/change-epoch'
import type { Sprint } from '@/lib/sprints/sprint-fields'
import { endLoadProgress, reportLoadProgress, type LoadProgress } from './load-progress'
import { deferredModule } from '@/lib/lazy-component'
import type { ListSnapshot } from './refresh-items'
import { REVISIT_MS } from './revisit-window'

/** The revisit's code: fetched with the first revisit (the first load of a team never needs it). */
const refresh = deferredModule(() => import('./refresh-items'))
import { visibleItems } from './visible-items'

export type { LoadProgress }

const PAGE = 50
const TASK_SELECT = ['ID', 'TITLE', 'STATUS', 'RESPONSIBLE_ID']

/** The team's tasks, oldest first: the pages of `tasks.task.list` the items are read from. */
export const taskListParams = (groupId: number) => ({ filter: { GROUP_ID: groupId }, select: TASK_SELECT, order: { ID: 'ASC' } })

export type TaskPage = Page<{ tasks: TaskAnswer[] }>

/**
 * A first page read along with the planning screen's other small reads (one `batch`), handed over
 * once: a later reload of the items reads it again.
 */
const firstPages = new Map<number, { page: TaskPage; at: number }>()
/** A handed-over page older than this is not used: the list may have changed since. */
const HANDOVER_MS = 10_000

export function handOverFirstTaskPage(groupId: number, page: TaskPage): void {
  firstPages.set(groupId, { page, at: Date.now() })
}

function takeFirstTaskPage(groupId: number): { page: TaskPage; at: number } | undefined {
  const handed = firstPages.get(groupId)
  firstPages.delete(groupId)
  return handed && Date.now() - handed.at < HANDOVER_MS ? handed : undefined
}

/**
 * What a load that failed part-way had read: the next try (the screen's Retry) reads only the rest.
 * Kept for a minute, and only while no change was sent meanwhile.
 */
interface PartialLoad {
  at: number
  /** When its first read began: every change before it is in what it read. */
  started: number
  epoch: number
  /** The number of tasks the first page announced. */
  total?: number
  /** Pages of `tasks.task.list` by their start. */
  pages: Map<number, TaskAnswer[]>
  /** Scrum data by task id; null: the task has no scrum item. */
  scrum: Map<number, ScrumTaskAnswer | null>
}
const partialLoads = new Map<number, PartialLoad>()
const RESUME_MS = 60_000

function resumable(groupId: number): PartialLoad | undefined {
  const kept = partialLoads.get(groupId)
  return kept && Date.now() - kept.at < RESUME_MS && kept.epoch === changeEpoch() ? kept : undefined
}

function resumeFrom(groupId: number): PartialLoad {
  const kept = resumable(groupId)
  if (kept) return kept
  const fresh: PartialLoad = { at: Date.now(), started: Date.now(), epoch: changeEpoch(), pages: new Map(), scrum: new Map() }
  partialLoads.set(groupId, fresh)
  return fresh
}

/** A whole read of the list, with what a revisit needs to know about it. */
interface FullRead {
  items: BacklogItem[]
  snapshot: ListSnapshot
}

/**
 * Every scrum item of a group, in few requests whatever its size:
 * 1. the first page of `tasks.task.list` (it tells the total);
 * 2. the other pages, 50 pages (2,500 tasks) per `batch`;
 * 3. `tasks.api.scrum.task.get` for each task, 50 per `batch` (tasks.task.list has no story points,
 *    epic or sort). People come with the list (`responsible`), so they cost nothing more.
 * Tasks of the group that have no scrum item (`Task not found`) are not backlog items and are left out.
 * A load that fails part-way keeps what it read: the next try (Retry) reads only the rest.
 */
export async function getItems(
  groupId: number,
  portalOrigin: string,
  onProgress?: (progress: LoadProgress) => void,
  signal?: AbortSignal,
): Promise<BacklogItem[]> {
  return (await readAll(groupId, portalOrigin, onProgress, signal)).items
}

async function readAll(
  groupId: number,
  portalOrigin: string,
  onProgress?: (progress: LoadProgress) => void,
  signal?: AbortSignal,
): Promise<FullRead> {
  const params = taskListParams(groupId)
  const kept = resumeFrom(groupId)
  try {
    const read = await readItems(groupId, portalOrigin, params, kept, onProgress, signal)
    partialLoads.delete(groupId)
    return read
  } catch (error) {
    // What was read stays for the next try (unless the screen was left: nothing to resume then).
    kept.at = Date.now()
    if (signal?.aborted) partialLoads.delete(groupId)
    throw error
  }
}

async function readItems(
  groupId: number,
  portalOrigin: string,
  params: ReturnType<typeof taskListParams>,
  kept: PartialLoad,
  onProgress?: (progress: LoadProgress) => void,
  signal?: AbortSignal,
): Promise<FullRead> {
  if (!kept.pages.has(0)) {
    const handed = takeFirstTaskPage(groupId)
    // The screen's batch read that page just before handing it over (a revisit's margin covers the batch's own time).
    if (handed) kept.started = Math.min(kept.started, handed.at)
    const page = handed?.page ?? (await callPage<{ tasks: TaskAnswer[] }>('tasks.task.list', params, 0, { signal }))
    kept.pages.set(0, page.result.tasks)
    kept.total = Math.max(page.total, page.result.tasks.length)
  }
  const total = kept.total ?? 0
  // Progress counts the tasks whose scrum fields are read: it starts from what a resumed load has
  // and only grows (the list's pages come first, quickly, and count nothing).
  const progress = () => onProgress?.({ loaded: Math.min(total, kept.scrum.size), total })
  progress()

  // The other pages not read yet, 50 to a batch, several batches in flight; kept in the list's order.
  const starts: number[] = []
  for (let start = PAGE; start < total; start += PAGE) starts.push(start)
  const missing = starts.filter((start) => !kept.pages.has(start))
  const groups: number[][] = []
  for (let offset = 0; offset < missing.length; offset += BATCH_LIMIT) groups.push(missing.slice(offset, offset + BATCH_LIMIT))
  await inPool(groups, READ_CONCURRENCY, async (chunk) => {
    const pages = await callBatch(
      Object.fromEntries(chunk.map((start) => [`p${start}`, ['tasks.task.list', { ...params, start }] as BatchCommand])),
      { signal },
    )
    for (const start of chunk) {
      const page = pages[`p${start}`]!
      if (!page.ok) throw page.error
      kept.pages.set(start, (page.result as { tasks: TaskAnswer[] }).tasks)
    }
    progress()
  })
  const tasks = [0, ...starts].flatMap((start) => kept.pages.get(start)!)

  // Scrum data for the tasks not read yet; each batch is kept as it arrives.
  const unread = tasks.filter((task) => !kept.scrum.has(Number(task.id)))
  const failures = new Map<number, BatchOutcome<ScrumTaskAnswer>>()
  await callBatchChunks<ScrumTaskAnswer>(
    unread.map((task) => ['tasks.api.scrum.task.get', { id: Number(task.id) }] as const),
    {
      onChunk: (outcomes, offset) => {
        outcomes.forEach((outcome, index) => {
          const id = Number(unread[offset + index]!.id)
          if (outcome.ok) kept.scrum.set(id, outcome.result)
          else if (outcome.error.is('Task not found')) kept.scrum.set(id, null)
          else failures.set(id, outcome)
        })
        progress()
      },
      signal,
      concurrency: READ_CONCURRENCY,
    },
  )
  const failed = failures.values().next().value
  if (failed && !failed.ok) throw failed.error
  const items: BacklogItem[] = []
  const noScrum = new Set<number>()
  for (const task of tasks) {
    const scrum = kept.scrum.get(Number(task.id))
    if (scrum) items.push(toItem(task, scrum, portalOrigin))
    else noScrum.add(Number(task.id))
  }
  const taskIds = new Set(tasks.map((task) => Number(task.id)))
  return { items: items.sort(byBacklogOrder), snapshot: { fullAt: Date.now(), readFrom: kept.started, taskIds, noScrum } }
}

/**
 * What each team's cached list was read from, for a cheap revisit (refresh-items.ts). Only the items
 * query sets it, for the data it puts in the cache: a read made elsewhere (a reorder's) does not
 * make the cached list any newer.
 */
const snapshots = new Map<number, ListSnapshot>()
const watched = new WeakSet<QueryClient>()

/**
 * The app invalidates a team's list when it made a change the list does not reflect (a sprint
 * started or completed, an outcome it could not settle): the next read is then a whole one. Every
 * other change settles into the cached list itself, and changes still on their way are laid over
 * whatever is read.
 */
function watchInvalidations(client: QueryClient): void {
  if (watched.has(client)) return
  watched.add(client)
  client.getQueryCache().subscribe((event) => {
    const [scope, kind, groupId] = event.query.queryKey as readonly unknown[]
    if (scope !== itemKeys.all[0] || kind !== 'by-group' || typeof groupId !== 'number') return
    if (event.type === 'removed' || (event.type === 'updated' && event.action.type === 'invalidate')) snapshots.delete(groupId)
  })
}

/**
 * The cached list brought up to date in one or two requests, or null when it has to be read whole:
 * nothing cached, invalidated, last read whole more than REVISIT_MS ago, a failed load to resume,
 * or an answer the revisit cannot explain (refresh-items.ts).
 */
async function revisit(groupId: number, portalOrigin: string, client: QueryClient, signal: AbortSignal): Promise<BacklogItem[] | null> {
  const key = itemKeys.byGroup(groupId)
  const snapshot = snapshots.get(groupId)
  const cached = client.getQueryData<BacklogItem[]>(key)
  const state = client.getQueryState(key)
  if (!snapshot || !cached || !state || state.isInvalidated) return null
  if (Date.now() - snapshot.fullAt > REVISIT_MS || resumable(groupId)) return null
  let code: Awaited<ReturnType<typeof refresh.load>>
  try {
    code = await refresh.load()
  } catch {
    // The revisit's code did not arrive: the whole list is read, as on a first visit.
    return null
  }
  // What the portal holds as far as the app knows: values still on their way are laid over again after.
  const confirmed = itemLedger.confirmedView(groupId, cached)
  const visible = visibleItems(groupId) ?? code.firstRows(confirmed, client.getQueryData<Sprint[]>(sprintKeys.byGroup(groupId)))
  const outcome = await code.revisitItems({ params: taskListParams(groupId), portalOrigin, cached: confirmed, snapshot, visible, signal })
  if ('full' in outcome) return null
  if (!signal.aborted) snapshots.set(groupId, outcome.snapshot)
  // The screen's batch may have handed the first page over for a whole read: the list is newer now.
  takeFirstTaskPage(groupId)
  return outcome.items
}

/** The list as the screen shows it: the portal's data with changes still being sent laid over it. */
export const itemsQueryOptions = (groupId: number, portalOrigin: string) =>
  queryOptions({
    queryKey: itemKeys.byGroup(groupId),
    // Kept as long as a revisit can start from it (the default is 5 minutes).
    gcTime: REVISIT_MS,
    // Leaving the screen aborts the signal: no further batch of a big backlog is sent.
    queryFn: async (context) => {
      throwHandedOver(context.queryKey)
      const signal = lateSignal(context)
      watchInvalidations(context.client)
      const revisited = await revisit(groupId, portalOrigin, context.client, signal)
      if (revisited) return itemLedger.overlay(groupId, revisited)
      try {
        const read = await readAll(groupId, portalOrigin, (step) => reportLoadProgress(groupId, step), signal)
        if (!signal.aborted) snapshots.set(groupId, read.snapshot)
        return itemLedger.overlay(groupId, read.items)
      } finally {
        endLoadProgress(groupId)
      }
    },
  })

export const useItems = (groupId: number, portalOrigin: string, enabled = true) =>
  useQuery({ ...itemsQueryOptions(groupId, portalOrigin), enabled })
