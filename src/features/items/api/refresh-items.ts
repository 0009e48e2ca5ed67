import { callBatch, callBatchChunks, READ_CONCURRENCY, type BatchCommand, type BatchOutcome } from '@/bitrix'
import { byBacklogOrder, toItem, type BacklogItem, type ScrumTaskAnswer, type TaskAnswer } from '@/lib/items/item-fields'
import { byPlanningOrder, type Sprint } from '@/lib/sprints/sprint-fields'

/**
 * A cheap revisit of a team's items: instead of reading the whole list again (28 requests for
 * 1,000 items), ONE batch asks the portal what changed since the list was read.
 *
 * What moves a task's CHANGED_DATE (bitrix24-core, tasks module): `CTasks::Update` sets it (with
 * CHANGED_BY) on every change of the task itself: title, status, responsible person, group,
 * deadline… (`tasks.task.update`, completing, delegating). A new task gets it too. The scrum item is
 * another table: `tasks.api.scrum.task.update` goes through `ItemService::changeItem` →
 * `ItemTable::update`, and reordering through `ItemTable::updateMulti`; neither touches the task,
 * so story points, epic, sort and a move between the backlog and a sprint leave CHANGED_DATE alone.
 * Those are read for the items on screen only; items off screen keep what the last read said,
 * for at most REVISIT_MS: after that a revisit reads the whole list again.
 *
 * The batch (`tasks.task.list` pages and `tasks.api.scrum.task.get` are the same reads the full
 * load makes, so the portal's access rules apply alike):
 * - `changed`: the team's tasks whose CHANGED_DATE is after the last read began, minus a margin,
 *   with the full load's select. The portal turns a filter date into an instant with `strtotime`,
 *   so an ISO 8601 date with its offset (`2026-05-04T09:12:00+00:00`, the REST `datetime` format)
 *   means the same instant whatever the portal's time zone.
 * - `count`: the team's task count (the `total` of a one-field list): a task deleted, or moved to
 *   another team, does not show among the changed ones; the count does not add up then, and the
 *   whole list is read again.
 * - `v<id>`: the scrum fields of the items on screen.
 * Tasks that are new to the list need their scrum fields too (backlog or sprint, order): they are
 * read in a second batch, only when there are some.
 */

import { REVISIT_MS } from './revisit-window'

export { REVISIT_MS }
/**
 * Changes are asked for from this long before the last read began. It covers the browser's clock
 * being off the portal's (the date sent is the browser's), a task changed while its page was on its
 * way, and CHANGED_DATE's whole seconds. Tasks changed in the margin are read again: harmless.
 */
export const CHANGED_MARGIN_MS = 5 * 60_000
/** The two list commands leave 48 commands of the batch for the items on screen. */
export const VISIBLE_SLOTS = 48
/** Without a report of the rows on screen: the first rows of each list, in screen order. */
const FIRST_ROWS = 50

/** What the app knows about a team's list as it last read it from the portal. */
export interface ListSnapshot {
  /** When the last full read finished. */
  fullAt: number
  /** When the last read (full or revisit) began: every change before it is in the list. */
  readFrom: number
  /** Every task of the team the read listed, scrum item or not. */
  taskIds: ReadonlySet<number>
  /** The team's tasks that have no scrum item: not backlog items, but part of the team's count. */
  noScrum: ReadonlySet<number>
}

export interface TaskListParams {
  filter: Record<string, unknown>
  select: readonly string[]
  order: Record<string, string>
}

/** An instant as the portal's REST `datetime` (seconds, with an offset). */
export function restDateTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00')
}

export function revisitCommands(params: TaskListParams, since: number, visible: readonly number[]): Record<string, BatchCommand> {
  const commands: Record<string, BatchCommand> = {
    changed: ['tasks.task.list', { ...params, filter: { ...params.filter, '>CHANGED_DATE': restDateTime(since) } }],
    count: ['tasks.task.list', { filter: params.filter, select: ['ID'], order: { ID: 'ASC' } }],
  }
  for (const id of visible.slice(0, VISIBLE_SLOTS)) commands[`v${id}`] = ['tasks.api.scrum.task.get', { id }]
  return commands
}

/**
 * True when the team's task count is what the list explains: every task it knew is still there,
 * plus the new ones among the changed. A task that left (deleted, or moved to another team) makes
 * the portal's count smaller than that; one that arrived is always among the changed (its
 * CHANGED_DATE moved), so nothing else makes it differ.
 */
export function countAddsUp(known: ReadonlySet<number>, changed: readonly TaskAnswer[], total: number): boolean {
  const arrived = new Set(changed.map((task) => Number(task.id)).filter((id) => !known.has(id)))
  return total === known.size + arrived.size
}

const scrumOf = (item: BacklogItem): ScrumTaskAnswer => ({ entityId: item.entityId, storyPoints: item.storyPoints, epicId: item.epicId, sort: item.sort })

/**
 * The list after a revisit: changed tasks take their new title, status and responsible person;
 * new tasks join where their scrum item puts them; items whose scrum fields were read take them
 * (an item moved between the backlog and a sprint lands in its new list); a task that lost its
 * scrum item leaves the list. Sorted as the full load sorts.
 */
export function mergeRevisit(
  cached: readonly BacklogItem[],
  snapshot: Pick<ListSnapshot, 'taskIds' | 'noScrum'>,
  changed: readonly TaskAnswer[],
  scrum: ReadonlyMap<number, ScrumTaskAnswer | null>,
  portalOrigin: string,
): { items: BacklogItem[]; taskIds: Set<number>; noScrum: Set<number> } {
  const items = new Map(cached.map((item) => [item.taskId, item]))
  const taskIds = new Set([...snapshot.taskIds, ...items.keys()])
  const noScrum = new Set(snapshot.noScrum)
  const rows = new Set<number>()
  for (const task of changed) {
    const id = Number(task.id)
    rows.add(id)
    taskIds.add(id)
    const read = scrum.get(id)
    const current = items.get(id)
    if (read === null) {
      items.delete(id)
      noScrum.add(id)
      continue
    }
    const fields = read ?? (current ? scrumOf(current) : undefined)
    // A task known to have no scrum item, not read again: it is still not a backlog item.
    if (!fields) continue
    items.set(id, toItem(task, fields, portalOrigin))
    noScrum.delete(id)
  }
  for (const [id, read] of scrum) {
    if (rows.has(id)) continue
    const current = items.get(id)
    if (!current) continue
    if (read === null) {
      items.delete(id)
      noScrum.add(id)
    } else {
      const fresh = toItem({ id: String(id) }, read, portalOrigin)
      items.set(id, { ...current, entityId: fresh.entityId, storyPoints: fresh.storyPoints, epicId: fresh.epicId, sort: fresh.sort })
    }
  }
  return { items: [...items.values()].sort(byBacklogOrder), taskIds, noScrum }
}

/**
 * The items on screen when no list has reported its rows: the first rows of each list in the
 * order the board shows them (the active and planned sprints, then the backlog; completed sprints
 * are folded away), as many as the batch holds.
 */
export function firstRows(items: readonly BacklogItem[], sprints: readonly Sprint[] | undefined): number[] {
  const byList = new Map<number, BacklogItem[]>()
  for (const item of [...items].sort(byBacklogOrder)) byList.set(item.entityId, [...(byList.get(item.entityId) ?? []), item])
  const ordered = [...(sprints ?? [])].sort(byPlanningOrder)
  const sprintIds = new Set(ordered.map((sprint) => sprint.id))
  const lists = [
    ...ordered.filter((sprint) => sprint.status !== 'completed').map((sprint) => sprint.id),
    ...[...byList.keys()].filter((id) => !sprintIds.has(id)),
  ]
  return lists.flatMap((id) => (byList.get(id) ?? []).slice(0, FIRST_ROWS).map((item) => item.taskId)).slice(0, VISIBLE_SLOTS)
}

export interface RevisitInput {
  params: TaskListParams
  portalOrigin: string
  /** The list as the portal holds it, as far as the app knows (changes on their way left out). */
  cached: readonly BacklogItem[]
  snapshot: ListSnapshot
  /** Task ids on screen, in screen order. */
  visible: readonly number[]
  signal?: AbortSignal
}

export type Revisit = { items: BacklogItem[]; snapshot: ListSnapshot } | { full: string }

/** Scrum answers into the map; false when one failed otherwise than "this task has no scrum item". */
function takeScrum(into: Map<number, ScrumTaskAnswer | null>, id: number, outcome: BatchOutcome<unknown> | undefined): boolean {
  if (!outcome) return true
  if (outcome.ok) into.set(id, outcome.result as ScrumTaskAnswer)
  else if (outcome.error.is('Task not found')) into.set(id, null)
  else return false
  return true
}

/**
 * Ask what changed since the list was read, and lay it over the list. `{ full }` says why the
 * whole list must be read instead (the reason is for tests and debugging). A request that fails
 * throws, as the full load's would.
 */
export async function revisitItems(input: RevisitInput): Promise<Revisit> {
  const { params, portalOrigin, cached, snapshot, signal } = input
  const readFrom = Date.now()
  const visible = input.visible.slice(0, VISIBLE_SLOTS)
  const answers = await callBatch<string>(revisitCommands(params, snapshot.readFrom - CHANGED_MARGIN_MS, visible), { signal })
  const changedAnswer = answers.changed
  const countAnswer = answers.count
  if (!changedAnswer?.ok || !countAnswer?.ok) return { full: 'the list could not be asked' }
  const changed = (changedAnswer.result as { tasks?: TaskAnswer[] }).tasks ?? []
  // More than a page changed: reading them all would cost about as much as the whole list.
  if ((changedAnswer.total ?? changed.length) > changed.length) return { full: 'more than a page changed' }

  const known = new Set([...snapshot.taskIds, ...cached.map((item) => item.taskId)])
  if (!countAddsUp(known, changed, countAnswer.total ?? 0)) return { full: 'tasks left the team' }

  const scrum = new Map<number, ScrumTaskAnswer | null>()
  for (const id of visible) if (!takeScrum(scrum, id, answers[`v${id}`])) return { full: 'a scrum read failed' }
  const fresh = changed.map((task) => Number(task.id)).filter((id) => !known.has(id) && !scrum.has(id))
  if (fresh.length > 0) {
    const outcomes = await callBatchChunks(fresh.map((id) => ['tasks.api.scrum.task.get', { id }] as const), { signal, concurrency: READ_CONCURRENCY })
    if (!fresh.every((id, index) => takeScrum(scrum, id, outcomes[index]))) return { full: 'a scrum read failed' }
  }

  const merged = mergeRevisit(cached, snapshot, changed, scrum, portalOrigin)
  return { items: merged.items, snapshot: { fullAt: snapshot.fullAt, readFrom, taskIds: merged.taskIds, noScrum: merged.noScrum } }
}
