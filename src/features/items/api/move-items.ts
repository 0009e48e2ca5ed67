import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import { notSentError } from '@/bitrix'
import { serially } from '@/lib/changes/serial'
import { itemSender, orderKey, type ChangeReport, type ItemChange } from '@/lib/items/change-items'
import { byBacklogOrder, type BacklogItem } from '@/lib/items/item-fields'
import { itemLedger, type ItemField } from '@/lib/items/item-ledger'
import { itemKeys } from '@/lib/query-keys'
import { placeInto, type Placement, type ReorderTarget } from './filter-items'
import { getItems } from './get-items'

export type { ReorderTarget }

export interface MoveInput {
  groupId: number
  portalOrigin: string
  /** The backlog or sprint the items go into (they may already be in it: a reorder). */
  entityId: number
  moved: readonly number[]
  target: ReorderTarget
}

export interface MoveReport extends ChangeReport {
  /** The portal's order was not what the screen showed (changed elsewhere): the screen now shows it. */
  refreshed: boolean
  /** The moved items or the place they were dropped no longer exist: nothing was sent. */
  skipped: boolean
}

/** Right after our own move the screen holds the portal's order; within this long it is not read again. */
const FRESH_MS = 1500
const syncedAt = new Map<number, number>()

/** Every container's order, as one comparable string. */
function orderOf(items: readonly BacklogItem[]): string {
  return [...items]
    .sort((a, b) => a.entityId - b.entityId || byBacklogOrder(a, b))
    .map((item) => `${item.entityId}:${item.taskId}`)
    .join()
}

function placement(items: readonly BacklogItem[], input: Pick<MoveInput, 'entityId' | 'moved' | 'target'>): Placement[] {
  const movedSet = new Set(input.moved)
  const sorted = [...items].sort(byBacklogOrder)
  const container = sorted.filter((item) => item.entityId === input.entityId)
  const moving = sorted.filter((item) => movedSet.has(item.taskId))
  return placeInto(container, moving, input.target, input.entityId)
}

const toChange = ({ taskId, sort, entityId }: Placement): ItemChange => ({
  taskId,
  fields: entityId === undefined ? { sort } : { entityId, sort },
})

/**
 * Move items within a backlog or sprint, or into it from another. The screen moves them at once;
 * then, one move of a team at a time, the new positions are computed from the portal's current
 * order (read again unless this app has just written it), so a change made in another tab is kept
 * and every item of the container gets its own position 1..N. Only what changes is sent, and each
 * item succeeds or fails on its own.
 */
export function moveItems(queryClient: QueryClient, input: MoveInput): Promise<MoveReport> {
  const { groupId, portalOrigin } = input
  const key = itemKeys.byGroup(groupId)
  const shown = queryClient.getQueryData<BacklogItem[]>(key) ?? []
  const byId = new Map(shown.map((item) => [item.taskId, item]))
  const optimistic = placement(shown, input).flatMap((change) =>
    (Object.entries(toChange(change).fields) as [ItemField, number][]).map(([field, value]) => ({
      taskId: change.taskId,
      field,
      value,
      seq: itemLedger.begin(groupId, change.taskId, field, value, (byId.get(change.taskId)?.[field] as number | undefined) ?? value),
    })),
  )
  queryClient.setQueryData<BacklogItem[]>(key, (items) =>
    items?.map((item) => {
      const mine = optimistic.filter((change) => change.taskId === item.taskId)
      return mine.length ? { ...item, ...Object.fromEntries(mine.map((change) => [change.field, change.value])) } : item
    }),
  )
  const dropOptimistic = () => {
    for (const change of optimistic) itemLedger.settle(groupId, change.taskId, change.field, change.seq, { saved: false })
  }

  return serially([orderKey(groupId)], async () => {
    const current = queryClient.getQueryData<BacklogItem[]>(key) ?? []
    const believed = itemLedger.confirmedView(groupId, current)
    let base: BacklogItem[]
    let sender: Awaited<ReturnType<typeof itemSender.load>>
    try {
      ;[base, sender] = await Promise.all([
        (syncedAt.get(groupId) ?? 0) > Date.now() - FRESH_MS ? believed : getItems(groupId, portalOrigin),
        itemSender.load().catch((cause: unknown) => {
          throw notSentError('tasks.api.scrum.task.update', cause)
        }),
      ])
    } catch (error) {
      // Nothing was sent: the screen goes back to the order it had.
      dropOptimistic()
      queryClient.setQueryData(key, itemLedger.overlay(groupId, believed))
      throw error
    }
    const refreshed = orderOf(base) !== orderOf(believed)
    const present = new Set(base.map((item) => item.taskId))
    const moved = input.moved.filter((id) => present.has(id))
    const skipped = moved.length === 0 || (typeof input.target !== 'string' && !present.has(input.target.taskId))
    const changes = skipped ? [] : placement(base, { ...input, moved }).map(toChange)
    const titles = new Map(base.map((item) => [item.taskId, item.title]))
    const { report, portal } = await sender.sendAndSettle(changes, titles)

    // What the portal holds replaces the optimistic order; newer moves still queued stay on top.
    dropOptimistic()
    const held = base.flatMap((item) => {
      const fields = portal.get(item.taskId)
      if (fields === null) return []
      return [fields ? { ...item, ...fields } : item]
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

export function useMoveItems() {
  const queryClient = useQueryClient()
  return useCallback((input: MoveInput) => moveItems(queryClient, input), [queryClient])
}
