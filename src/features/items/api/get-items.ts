import { queryOptions, useQuery } from '@tanstack/react-query'
import { BATCH_LIMIT, callBatch, callBatchChunks, callPage, inPool, READ_CONCURRENCY, type BatchCommand, type BatchOutcome, type Page } from '@/bitrix'
import { itemKeys } from '@/lib/query-keys'
import { byBacklogOrder, toItem, type BacklogItem, type ScrumTaskAnswer, type TaskAnswer } from '@/lib/items/item-fields'
import { itemLedger } from '@/lib/items/item-ledger'
import { throwHandedOver } from '@/lib/handover'
import { lateSignal } from '@/lib/late-signal'
import { changeEpoch } from '@/lib/changes/change-epoch'

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

function takeFirstTaskPage(groupId: number): TaskPage | undefined {
  const handed = firstPages.get(groupId)
  firstPages.delete(groupId)
  return handed && Date.now() - handed.at < HANDOVER_MS ? handed.page : undefined
}

/**
 * What a load that failed part-way had read: the next try (the screen's Retry) reads only the rest.
 * Kept for a minute, and only while no change was sent meanwhile.
 */
interface PartialLoad {
  at: number
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

function resumeFrom(groupId: number): PartialLoad {
  const kept = partialLoads.get(groupId)
  if (kept && Date.now() - kept.at < RESUME_MS && kept.epoch === changeEpoch()) return kept
  const fresh: PartialLoad = { at: Date.now(), epoch: changeEpoch(), pages: new Map(), scrum: new Map() }
  partialLoads.set(groupId, fresh)
  return fresh
}

export interface LoadProgress {
  loaded: number
  total: number
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
  const params = taskListParams(groupId)
  const kept = resumeFrom(groupId)
  try {
    const items = await readItems(groupId, portalOrigin, params, kept, onProgress, signal)
    partialLoads.delete(groupId)
    return items
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
): Promise<BacklogItem[]> {
  if (!kept.pages.has(0)) {
    const page = takeFirstTaskPage(groupId) ?? (await callPage<{ tasks: TaskAnswer[] }>('tasks.task.list', params, 0, { signal }))
    kept.pages.set(0, page.result.tasks)
    kept.total = Math.max(page.total, page.result.tasks.length)
  }
  const total = kept.total ?? 0

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
    onProgress?.({ loaded: 0, total })
  })
  const tasks = [0, ...starts].flatMap((start) => kept.pages.get(start)!)

  // Scrum data for the tasks not read yet; each batch is kept as it arrives.
  const unread = tasks.filter((task) => !kept.scrum.has(Number(task.id)))
  const failures = new Map<number, BatchOutcome<ScrumTaskAnswer>>()
  await callBatchChunks<ScrumTaskAnswer>(
    unread.map((task) => ['tasks.api.scrum.task.get', { id: Number(task.id) }] as const),
    {
      onChunk: (outcomes, offset) =>
        outcomes.forEach((outcome, index) => {
          const id = Number(unread[offset + index]!.id)
          if (outcome.ok) kept.scrum.set(id, outcome.result)
          else if (outcome.error.is('Task not found')) kept.scrum.set(id, null)
          else failures.set(id, outcome)
        }),
      onProgress: (read) => onProgress?.({ loaded: tasks.length - unread.length + read, total }),
      signal,
      concurrency: READ_CONCURRENCY,
    },
  )
  const failed = failures.values().next().value
  if (failed && !failed.ok) throw failed.error
  const items: BacklogItem[] = []
  for (const task of tasks) {
    const scrum = kept.scrum.get(Number(task.id))
    if (scrum) items.push(toItem(task, scrum, portalOrigin))
  }
  return items.sort(byBacklogOrder)
}

/** The list as the screen shows it: the portal's data with changes still being sent laid over it. */
export const itemsQueryOptions = (groupId: number, portalOrigin: string) =>
  queryOptions({
    queryKey: itemKeys.byGroup(groupId),
    // Leaving the screen aborts the signal: no further batch of a big backlog is sent.
    queryFn: async (context) => {
      throwHandedOver(context.queryKey)
      return itemLedger.overlay(groupId, await getItems(groupId, portalOrigin, undefined, lateSignal(context)))
    },
  })

export const useItems = (groupId: number, portalOrigin: string, enabled = true) =>
  useQuery({ ...itemsQueryOptions(groupId, portalOrigin), enabled })
