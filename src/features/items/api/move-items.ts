import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import { serially } from '@/lib/changes/serial'
import { itemKeys } from '@/lib/query-keys'
import { reorder, type ReorderTarget } from './filter-items'
import { getItems } from './get-items'
import { byBacklogOrder, type BacklogItem } from '@/lib/items/item-fields'
import { itemLedger } from '@/lib/items/item-ledger'
import { orderKey, sendAndSettle, type ChangeReport } from '@/lib/items/change-items'

export type { ReorderTarget }

export interface ReorderInput {
  groupId: number
  backlogId: number
  portalOrigin: string
  moved: readonly number[]
  target: ReorderTarget
}

export interface ReorderReport extends ChangeReport {
  /** The portal's order was not what the screen showed (changed elsewhere): the screen now shows it. */
  refreshed: boolean
  /** The moved items or the place they were dropped no longer exist in the backlog: nothing was sent. */
  skipped: boolean
}

/** Right after our own reorder the screen holds the portal's order; within this long it is not read again. */
const FRESH_MS = 1500
const syncedAt = new Map<number, number>()

function backlogOrder(items: readonly BacklogItem[], backlogId: number): number[] {
  return items
    .filter((item) => item.entityId === backlogId)
    .sort(byBacklogOrder)
    .map((item) => item.taskId)
}

/**
 * Move items within the backlog. The screen moves them at once; then, one reorder of a team at a
 * time, the new positions are computed from the portal's current order (read again unless this
 * app has just written it), so a change made in another tab is kept and every item gets its own
 * position 1..N. Only the items whose position changes are sent.
 */
export function reorderItems(queryClient: QueryClient, input: ReorderInput): Promise<ReorderReport> {
  const { groupId, backlogId, portalOrigin, moved, target } = input
  const key = itemKeys.byGroup(groupId)
  const shown = queryClient.getQueryData<BacklogItem[]>(key) ?? []
  const backlogShown = shown.filter((item) => item.entityId === backlogId).sort(byBacklogOrder)
  const before = new Map(backlogShown.map((item) => [item.taskId, item.sort]))
  const optimistic = reorder(backlogShown, moved, target).map(({ taskId, sort }) => ({
    taskId,
    sort,
    seq: itemLedger.begin(groupId, taskId, 'sort', sort, before.get(taskId) ?? sort),
  }))
  const sorts = new Map(optimistic.map((change) => [change.taskId, change.sort]))
  queryClient.setQueryData<BacklogItem[]>(key, (items) =>
    items?.map((item) => (sorts.has(item.taskId) ? { ...item, sort: sorts.get(item.taskId)! } : item)),
  )
  const dropOptimistic = () => {
    for (const change of optimistic) itemLedger.settle(groupId, change.taskId, 'sort', change.seq, { saved: false })
  }

  return serially([orderKey(groupId)], async () => {
    const current = queryClient.getQueryData<BacklogItem[]>(key) ?? []
    const believed = itemLedger.confirmedView(groupId, current)
    let base: BacklogItem[]
    try {
      base = (syncedAt.get(groupId) ?? 0) > Date.now() - FRESH_MS ? believed : await getItems(groupId, portalOrigin)
    } catch (error) {
      // Nothing was sent: the screen goes back to the order it had.
      dropOptimistic()
      queryClient.setQueryData(key, itemLedger.overlay(groupId, believed))
      throw error
    }
    const order = backlogOrder(base, backlogId)
    const refreshed = order.join() !== backlogOrder(believed, backlogId).join()
    const present = new Set(order)
    const movedNow = moved.filter((id) => present.has(id))
    const skipped = movedNow.length === 0 || (typeof target !== 'string' && !present.has(target.taskId))
    const backlog = base.filter((item) => item.entityId === backlogId).sort(byBacklogOrder)
    const changes = skipped ? [] : reorder(backlog, movedNow, target).map(({ taskId, sort }) => ({ taskId, fields: { sort } }))
    const titles = new Map(base.map((item) => [item.taskId, item.title]))
    const { report, portal } = await sendAndSettle(changes, titles)

    // What the portal holds replaces the optimistic order; newer moves still queued stay on top.
    dropOptimistic()
    const held = base.flatMap((item) => {
      const fields = portal.get(item.taskId)
      if (fields === null) return []
      return [fields?.sort !== undefined ? { ...item, sort: fields.sort } : item]
    })
    queryClient.setQueryData(key, itemLedger.overlay(groupId, held))
    if (report.unconfirmed.length > 0 || report.failed.length > 0) {
      syncedAt.delete(groupId)
      void queryClient.invalidateQueries({ queryKey: key })
    } else {
      syncedAt.set(groupId, Date.now())
    }
    return { ...report, refreshed, skipped }
  })
}

export function useReorderItems() {
  const queryClient = useQueryClient()
  return useCallback((input: ReorderInput) => reorderItems(queryClient, input), [queryClient])
}
