import type { QueryClient } from '@tanstack/react-query'
import { BATCH_LIMIT, callBatch, callMethod, toRestError, type RestError } from '@/bitrix'
import { itemKeys } from '../query-keys'
import { isItemGone, type ChangeReport, type ItemChange, type Started } from './change-items'
import { EpicDetachRefusedError, explainItemError, noteEpicDetachRefused } from './epic-detach'
import { readScrumItems } from './read-scrum-items'
import type { BacklogItem, ScrumTaskAnswer } from './item-fields'
import { itemLedger, writeSettlements, type ItemField, type ItemFields, type ItemSettlement } from './item-ledger'

/**
 * What sends item changes and settles them: loaded with the first change (or a little after the
 * screen is ready), not with the screen. The steps before it (the screen shows the change, the
 * queue per item) are in change-items.ts and run at once.
 */

const UPDATE = 'tasks.api.scrum.task.update'

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
export async function commit(
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

/** The fields a change sets, as the screen showed them before: sending these back undoes it. */
export function fieldsBefore(items: readonly BacklogItem[], changes: readonly ItemChange[]): ItemChange[] {
  const byTask = new Map(items.map((item) => [item.taskId, item]))
  return changes.flatMap(({ taskId, fields }) => {
    const item = byTask.get(taskId)
    if (!item) return []
    const previous = Object.fromEntries(
      (Object.keys(fields) as (keyof ItemFields)[]).filter((field) => item[field] !== fields[field]).map((field) => [field, item[field]]),
    ) as ItemFields
    return Object.keys(previous).length > 0 ? [{ taskId, fields: previous }] : []
  })
}

/** The list and position each item had, for those whose place has changed since. */
export function placesBack(items: readonly BacklogItem[], places: readonly { taskId: number; entityId: number; sort: number }[]): ItemChange[] {
  const byTask = new Map(items.map((item) => [item.taskId, item]))
  return places.flatMap(({ taskId, entityId, sort }) => {
    const now = byTask.get(taskId)
    if (!now || (now.entityId === entityId && now.sort === sort)) return []
    return [{ taskId, fields: now.entityId === entityId ? { sort } : { entityId, sort } }]
  })
}
