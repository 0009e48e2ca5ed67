import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import { notSentError, type RestError } from '@/bitrix'
import { deferredModule } from '@/lib/lazy-component'
import { serially } from '../changes/serial'
import { itemKeys } from '../query-keys'
import type { BacklogItem } from './item-fields'
import { itemLedger, writeSettlements, type ItemField, type ItemFields } from './item-ledger'

export type { ItemFields }

export interface ItemChange {
  taskId: number
  fields: ItemFields
}

export interface ChangeFailure {
  change: ItemChange
  title: string
  error: RestError
}

/** What the portal kept of a set of changes, item by item. */
export interface ChangeReport {
  total: number
  saved: number[]
  /** Not kept: refused, or found unchanged after an unknown outcome. Retry sends exactly these. */
  failed: ChangeFailure[]
  /** Deleted (or moved out of the team) elsewhere: taken off the screen. */
  gone: { taskId: number; title: string }[]
  /** The outcome is unknown and the check failed too: the list is being read again. */
  unconfirmed: number[]
}

export interface ChangeOptions {
  onProgress?: (done: number, total: number) => void
}

const UPDATE = 'tasks.api.scrum.task.update'

/**
 * The code that sends and settles changes (send-items.ts) loads with the first change, or when the
 * screen that can make one is idle; until then a change still shows at once and takes its place in
 * the queue. Nothing here waits for it but the sending.
 */
export const itemSender = deferredModule(() => import('./send-items'))

/** The item is not on the portal any more (the task was deleted, or left the team). */
export function isItemGone(error: RestError): boolean {
  return error.isMethodError && error.is('Task not found', 'Task not found.', 'Entity id not found')
}

/** Changes that touch an item's place (sprint, order) queue behind every reorder of the team. */
export function orderKey(groupId: number): string {
  return `order:${groupId}`
}

const taskKey = (taskId: number) => `task:${taskId}`

export interface Started {
  change: ItemChange
  seqs: Map<ItemField, number>
  title: string
}

/** Steps 1 and 2 of changeItems: the ledger learns the new values and the screen shows them. */
function begin(queryClient: QueryClient, groupId: number, changes: readonly ItemChange[]): Started[] {
  const key = itemKeys.byGroup(groupId)
  const shown = new Map((queryClient.getQueryData<BacklogItem[]>(key) ?? []).map((item) => [item.taskId, item]))
  const started = changes.map((change) => {
    const item = shown.get(change.taskId)
    const seqs = new Map<ItemField, number>()
    for (const [field, value] of Object.entries(change.fields) as [ItemField, never][]) {
      seqs.set(field, itemLedger.begin(groupId, change.taskId, field, value, item ? item[field] : value))
    }
    return { change, seqs, title: item?.title ?? `#${change.taskId}` }
  })
  const optimistic = new Map(changes.map((change) => [change.taskId, change.fields]))
  queryClient.setQueryData<BacklogItem[]>(key, (items) =>
    items?.map((item) => (optimistic.has(item.taskId) ? { ...item, ...optimistic.get(item.taskId) } : item)),
  )
  return started
}

/**
 * The one way item changes reach the portal:
 * 1. the screen shows them at once;
 * 2. changes to one item go one after another, and a value a newer choice replaced is not sent;
 * 3. each item succeeds or fails on its own (batches of 50);
 * 4. an unknown outcome is checked on the portal, and the screen shows what it holds;
 * 5. a failure never puts back an old value over a newer choice still on its way.
 */
export function changeItems(
  queryClient: QueryClient,
  groupId: number,
  changes: readonly ItemChange[],
  { onProgress }: ChangeOptions = {},
): Promise<ChangeReport> {
  const started = begin(queryClient, groupId, changes)
  const placeChange = changes.some((change) => change.fields.entityId !== undefined || change.fields.sort !== undefined)
  const keys = [...changes.map((change) => taskKey(change.taskId)), ...(placeChange ? [orderKey(groupId)] : [])]
  return serially(keys, async () => {
    let sender: typeof import('./send-items')
    try {
      sender = await itemSender.load()
    } catch (cause) {
      return notSent(queryClient, groupId, started, notSentError(UPDATE, cause))
    }
    return sender.commit(queryClient, groupId, started, onProgress)
  })
}

/** The sending code could not be loaded: nothing went out, and the screen shows what it had. */
function notSent(queryClient: QueryClient, groupId: number, started: Started[], error: RestError): ChangeReport {
  const settlements = started.map((entry) => ({
    taskId: entry.change.taskId,
    fields: Object.fromEntries(
      [...entry.seqs].map(([field, seq]) => [field, itemLedger.settle(groupId, entry.change.taskId, field, seq, { saved: false })]),
    ) as ItemFields,
  }))
  writeSettlements(queryClient, groupId, settlements)
  return {
    total: started.length,
    saved: [],
    // As in commit: a field chosen again since is left to that newer change.
    failed: started.flatMap((entry) => {
      const { taskId } = entry.change
      const fields = Object.fromEntries(
        Object.entries(entry.change.fields).filter(([field]) => !itemLedger.hasPending(groupId, taskId, field as ItemField)),
      ) as ItemFields
      return Object.keys(fields).length ? [{ change: { taskId, fields }, title: entry.title, error }] : []
    }),
    gone: [],
    unconfirmed: [],
  }
}

/** Change items of one team; resolves with what the portal kept. */
export function useItemChanges(groupId: number) {
  const queryClient = useQueryClient()
  return useCallback(
    (changes: readonly ItemChange[], options?: ChangeOptions) => changeItems(queryClient, groupId, changes, options),
    [queryClient, groupId],
  )
}

/** Send again only what the portal did not keep. */
export function retryChanges(report: ChangeReport): ItemChange[] {
  return report.failed.map((failure) => failure.change)
}
