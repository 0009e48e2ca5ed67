import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import { BATCH_LIMIT, callBatch, callMethod, RestError, toRestError } from '@/bitrix'
import { serially } from '../changes/serial'
import { itemKeys } from '../query-keys'
import { EpicDetachRefusedError, explainItemError, noteEpicDetachRefused } from './epic-detach'
import { readScrumItems } from './read-scrum-items'
import type { BacklogItem, ScrumTaskAnswer } from './item-fields'
import { itemLedger, writeSettlements, type ItemField, type ItemFields, type ItemSettlement } from './item-ledger'

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

/** The item is not on the portal any more (the task was deleted, or left the team). */
export function isItemGone(error: RestError): boolean {
  return error.isMethodError && error.is('Task not found', 'Task not found.', 'Entity id not found')
}

/** Story points go as a string: the portal silently ignores a number there. */
function wireFields(fields: ItemFields): Record<string, unknown> {
  const wire: Record<string, unknown> = { ...fields }
  if (fields.storyPoints !== undefined) wire.storyPoints = String(fields.storyPoints)
  return wire
}

/** A field as the portal holds it, in the screen's types. */
function portalValue(answer: ScrumTaskAnswer, field: ItemField): ItemFields[ItemField] {
  return field === 'storyPoints' ? String(answer.storyPoints ?? '') : Number(answer[field] ?? 0)
}

type Outcome = { ok: true } | { ok: false; error: RestError }

/** One change goes straight out; more go in batches of 50, each item succeeding or failing on its own. */
async function send(changes: readonly ItemChange[], onProgress?: (done: number, total: number) => void): Promise<Outcome[]> {
  if (changes.length === 1) {
    const [change] = changes as [ItemChange]
    try {
      await callMethod(UPDATE, { id: change.taskId, fields: wireFields(change.fields) })
      return [{ ok: true }]
    } catch (error) {
      return [{ ok: false, error: explainItemError(change.fields, toRestError(error, UPDATE)) }]
    }
  }
  const outcomes: Outcome[] = []
  for (let offset = 0; offset < changes.length; offset += BATCH_LIMIT) {
    const chunk = changes.slice(offset, offset + BATCH_LIMIT)
    try {
      const answers = await callBatch(
        Object.fromEntries(chunk.map((change, index) => [`c${index}`, [UPDATE, { id: change.taskId, fields: wireFields(change.fields) }] as const])),
      )
      chunk.forEach((change, index) => {
        const answer = answers[`c${index}`]!
        outcomes.push(answer.ok ? { ok: true } : { ok: false, error: explainItemError(change.fields, answer.error) })
      })
    } catch (error) {
      // The whole request failed: every item in it shares its fate (and its unknown outcome).
      const failure = toRestError(error, 'batch')
      chunk.forEach(() => outcomes.push({ ok: false, error: failure }))
    }
    onProgress?.(outcomes.length, changes.length)
  }
  return outcomes
}

/** Changes that touch an item's place (sprint, order) queue behind every reorder of the team. */
export function orderKey(groupId: number): string {
  return `order:${groupId}`
}

const taskKey = (taskId: number) => `task:${taskId}`

interface Started {
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
 * Send changes and settle them item by item. An unknown outcome is checked on the portal (one
 * `task.get` per item, in batches); what the portal holds is what the screen then shows.
 */
export async function sendAndSettle(
  changes: readonly ItemChange[],
  titles: ReadonlyMap<number, string>,
  onProgress?: (done: number, total: number) => void,
): Promise<{ report: ChangeReport; portal: Map<number, ItemFields | null> }> {
  const outcomes = await send(changes, onProgress)
  const unknown = changes.filter((_, index) => {
    const outcome = outcomes[index]!
    return !outcome.ok && outcome.error.outcomeUnknown
  })
  let found: Map<number, ScrumTaskAnswer | null> | null = null
  if (unknown.length > 0) {
    try {
      found = await readScrumItems(unknown.map((change) => change.taskId))
    } catch {
      found = null
    }
  }
  const report: ChangeReport = { total: changes.length, saved: [], failed: [], gone: [], unconfirmed: [] }
  // What the portal holds now for each changed field (null: the item is gone); absent: unknown.
  const portal = new Map<number, ItemFields | null>()
  changes.forEach((change, index) => {
    const outcome = outcomes[index]!
    const { taskId } = change
    const title = titles.get(taskId) ?? `#${taskId}`
    if (outcome.ok) {
      report.saved.push(taskId)
      portal.set(taskId, change.fields)
      return
    }
    const { error } = outcome
    const answer = error.outcomeUnknown ? found?.get(taskId) : undefined
    if (isItemGone(error) || answer === null) {
      report.gone.push({ taskId, title })
      portal.set(taskId, null)
    } else if (answer) {
      // The portal answered for this item: what it holds is the truth, whatever the request said.
      const held = Object.fromEntries(Object.keys(change.fields).map((field) => [field, portalValue(answer, field as ItemField)])) as ItemFields
      portal.set(taskId, held)
      const kept = (Object.keys(change.fields) as ItemField[]).every((field) => held[field] === change.fields[field])
      if (kept) report.saved.push(taskId)
      else report.failed.push({ change, title, error })
    } else if (error.outcomeUnknown) {
      report.unconfirmed.push(taskId)
    } else {
      report.failed.push({ change, title, error })
      portal.set(taskId, {})
    }
  })
  return { report, portal }
}

/** Steps 3 to 5 of changeItems, run in the queue. */
async function commit(
  queryClient: QueryClient,
  groupId: number,
  started: Started[],
  onProgress?: (done: number, total: number) => void,
): Promise<ChangeReport> {
  const settlements: ItemSettlement[] = []
  // A value the user replaced while this change waited is not sent at all.
  const toSend = started.flatMap((entry) => {
    const fields: ItemFields = {}
    const superseded: ItemFields = {}
    for (const [field, seq] of entry.seqs) {
      if (itemLedger.isNewest(groupId, entry.change.taskId, field, seq)) Object.assign(fields, { [field]: entry.change.fields[field] })
      else {
        Object.assign(superseded, { [field]: itemLedger.settle(groupId, entry.change.taskId, field, seq, { saved: false }) })
        entry.seqs.delete(field)
      }
    }
    if (Object.keys(superseded).length) settlements.push({ taskId: entry.change.taskId, fields: superseded })
    return Object.keys(fields).length ? [{ ...entry, change: { taskId: entry.change.taskId, fields } }] : []
  })

  const titles = new Map(started.map((entry) => [entry.change.taskId, entry.title]))
  const { report, portal } = await sendAndSettle(
    toSend.map((entry) => entry.change),
    titles,
    onProgress,
  )
  report.total = started.length
  for (const entry of toSend) {
    const { taskId } = entry.change
    const held = portal.get(taskId)
    const fields: ItemFields = {}
    for (const [field, seq] of entry.seqs) {
      const outcome = held && field in held ? { portalValue: held[field] } : ({ saved: false } as const)
      Object.assign(fields, { [field]: itemLedger.settle(groupId, taskId, field, seq, outcome) })
    }
    settlements.push({ taskId, fields, ...(held === null ? { gone: true } : {}) })
  }
  // Items whose every field was replaced by a newer choice are left to that newer change, and so is
  // a failure of a field the user has chosen again since: retrying it would undo the newer choice.
  for (const entry of started) if (entry.seqs.size === 0) report.saved.push(entry.change.taskId)
  report.failed = report.failed.flatMap((failure) => {
    const fields = Object.fromEntries(
      Object.entries(failure.change.fields).filter(([field]) => !itemLedger.hasPending(groupId, failure.change.taskId, field as ItemField)),
    ) as ItemFields
    return Object.keys(fields).length ? [{ ...failure, change: { ...failure.change, fields } }] : []
  })

  writeSettlements(queryClient, groupId, settlements)
  if (report.failed.some((failure) => failure.error instanceof EpicDetachRefusedError)) noteEpicDetachRefused(queryClient)
  if (report.unconfirmed.length > 0) void queryClient.invalidateQueries({ queryKey: itemKeys.byGroup(groupId) })
  return report
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
  return serially(keys, () => commit(queryClient, groupId, started, onProgress))
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
