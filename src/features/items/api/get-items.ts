import { queryOptions, useQuery } from '@tanstack/react-query'
import { BATCH_LIMIT, callBatch, callBatchChunks, callPage, inPool, READ_CONCURRENCY, type BatchCommand, type Page } from '@/bitrix'
import { itemKeys } from '@/lib/query-keys'
import { byBacklogOrder, toItem, type BacklogItem, type ScrumTaskAnswer, type TaskAnswer } from '@/lib/items/item-fields'
import { itemLedger } from '@/lib/items/item-ledger'
import { throwHandedOver } from '@/lib/handover'
import { lateSignal } from '@/lib/late-signal'

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
 */
export async function getItems(
  groupId: number,
  portalOrigin: string,
  onProgress?: (progress: LoadProgress) => void,
  signal?: AbortSignal,
): Promise<BacklogItem[]> {
  const params = taskListParams(groupId)
  const first = takeFirstTaskPage(groupId) ?? (await callPage<{ tasks: TaskAnswer[] }>('tasks.task.list', params, 0, { signal }))
  const total = Math.max(first.total, first.result.tasks.length)

  // The other pages, 50 to a batch, several batches in flight; kept in the list's order.
  const starts: number[] = []
  for (let start = PAGE; start < total; start += PAGE) starts.push(start)
  const groups: number[][] = []
  for (let offset = 0; offset < starts.length; offset += BATCH_LIMIT) groups.push(starts.slice(offset, offset + BATCH_LIMIT))
  const rest = await inPool(groups, READ_CONCURRENCY, async (chunk) => {
    const pages = await callBatch(
      Object.fromEntries(chunk.map((start) => [`p${start}`, ['tasks.task.list', { ...params, start }] as BatchCommand])),
      { signal },
    )
    onProgress?.({ loaded: 0, total })
    return chunk.flatMap((start) => {
      const page = pages[`p${start}`]!
      if (!page.ok) throw page.error
      return (page.result as { tasks: TaskAnswer[] }).tasks
    })
  })
  const tasks = [...first.result.tasks, ...rest.flat()]

  const outcomes = await callBatchChunks<ScrumTaskAnswer>(
    tasks.map((task) => ['tasks.api.scrum.task.get', { id: Number(task.id) }] as const),
    { onProgress: (done) => onProgress?.({ loaded: done, total }), signal, concurrency: READ_CONCURRENCY },
  )
  const items: BacklogItem[] = []
  tasks.forEach((task, index) => {
    const outcome = outcomes[index]!
    if (outcome.ok) items.push(toItem(task, outcome.result, portalOrigin))
    else if (!outcome.error.is('Task not found')) throw outcome.error
  })
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
