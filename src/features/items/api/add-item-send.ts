import type { QueryClient } from '@tanstack/react-query'
import { callBatch, callMethod, callPage, toRestError } from '@/bitrix'
import { confirmCreated, createOnce, CreateUnconfirmedError, NotCreatedError } from '@/lib/changes/create-once'
import { serially } from '@/lib/changes/serial'
import { toItem, type BacklogItem, type ScrumTaskAnswer, type TaskAnswer } from '@/lib/items/item-fields'
import { itemKeys } from '@/lib/query-keys'
import type { AddContext, ItemPlace, MissingParts, QuickAddDraft, QuickAddTarget } from './add-item'
import type { Attempt, QueuedAdd } from './add-queue'

/**
 * What quick add sends: loaded when the board is idle or with the first add (see useQuickAdd), not
 * with the screen.
 */

const TASK_SELECT = ['ID', 'TITLE', 'STATUS', 'RESPONSIBLE_ID', 'CREATED_DATE']
/** Portal and browser clocks differ; a created task is looked for this far back. */
const CLOCK_SLACK_MS = 10 * 60_000

/** Step 1: the task itself, in the team (the portal puts it into the backlog by itself). */
export async function createTask(target: QuickAddTarget, title: string): Promise<TaskAnswer> {
  const created = await callMethod<{ task: TaskAnswer }>('tasks.task.add', {
    fields: { TITLE: title, RESPONSIBLE_ID: target.responsibleId, GROUP_ID: target.groupId },
  })
  return created.task
}

/**
 * Did a create whose answer was lost make the task? The newest tasks this user created in the
 * team lately, with this exact title and not already on screen.
 */
export async function findCreatedTask(
  target: QuickAddTarget,
  title: string,
  since: number,
  known: ReadonlySet<number>,
): Promise<TaskAnswer | null> {
  const page = await callPage<{ tasks: TaskAnswer[] }>('tasks.task.list', {
    filter: { GROUP_ID: target.groupId, CREATED_BY: target.responsibleId, '>=CREATED_DATE': new Date(since - CLOCK_SLACK_MS).toISOString() },
    select: TASK_SELECT,
    order: { ID: 'DESC' },
  })
  return page.result.tasks.find((task) => task.title?.trim() === title && !known.has(Number(task.id))) ?? null
}

/**
 * Step 2: the item's place, and points and epic when given, then the item as the portal placed
 * it. The place and its creator are always sent: whether the portal put the task into the
 * backlog by itself (documented for `tasks.task.add`) or expects `entityId` and `createdBy` to
 * create the scrum item (the server source) is not settled, so the app depends on neither.
 * Setting the same values again changes nothing, so it is safe to send again.
 */
export async function finishTask(taskId: number, draft: QuickAddDraft, place: ItemPlace, createdBy: number): Promise<ScrumTaskAnswer> {
  const fields: Record<string, unknown> = { ...place, createdBy }
  if (draft.storyPoints) fields.storyPoints = draft.storyPoints
  if (draft.epicId > 0) fields.epicId = draft.epicId
  const answers = await callBatch({
    update: ['tasks.api.scrum.task.update', { id: taskId, fields }],
    item: ['tasks.api.scrum.task.get', { id: taskId }],
  })
  if (!answers.update.ok) throw answers.update.error
  if (!answers.item.ok) throw answers.item.error
  return answers.item.result as ScrumTaskAnswer
}

function itemPlace(queryClient: QueryClient, target: QuickAddTarget): ItemPlace {
  const { groupId, entityId } = target
  if (entityId === target.backlogId) return { entityId }
  const items = queryClient.getQueryData<BacklogItem[]>(itemKeys.byGroup(groupId)) ?? []
  return { entityId, sort: Math.max(0, ...items.filter((item) => item.entityId === entityId).map((item) => item.sort)) + 1 }
}

export function missingParts(draft: QuickAddDraft, place: ItemPlace, scrum?: ScrumTaskAnswer): MissingParts {
  return {
    points: Boolean(draft.storyPoints) && scrum?.storyPoints !== draft.storyPoints,
    epic: draft.epicId > 0 && Number(scrum?.epicId) !== draft.epicId,
    place: scrum === undefined || Number(scrum.entityId) !== place.entityId,
  }
}

function placeItem(queryClient: QueryClient, groupId: number, item: BacklogItem) {
  queryClient.setQueryData<BacklogItem[]>(itemKeys.byGroup(groupId), (items = []) =>
    items.some((existing) => existing.taskId === item.taskId)
      ? items.map((existing) => (existing.taskId === item.taskId ? item : existing))
      : [...items, item],
  )
}

/**
 * One turn of the quick-add queue: create the title's task once (looked up on the portal when the
 * answer was lost, never sent again), then finish it. `check` only looks, after an unconfirmed create.
 */
export async function runAdd(context: AddContext, entry: QueuedAdd<QuickAddDraft>, mode: 'create' | 'check'): Promise<Attempt> {
  const { target, startedAt } = context
  const { draft } = entry
  const known = () => new Set((context.queryClient.getQueryData<BacklogItem[]>(itemKeys.byGroup(target.groupId)) ?? []).map((item) => item.taskId))
  try {
    let task: TaskAnswer
    if (mode === 'check') {
      const error = entry.error as CreateUnconfirmedError
      task = await confirmCreated(error.cause, () => findCreatedTask(target, draft.title, startedAt.get(entry.key) ?? Date.now(), known()))
    } else {
      const before = known()
      startedAt.set(entry.key, Date.now())
      task = (
        await createOnce({
          send: () => createTask(target, draft.title),
          find: () => findCreatedTask(target, draft.title, startedAt.get(entry.key)!, before),
        })
      ).created
    }
    startedAt.delete(entry.key)
    await finishAdd(context, task, draft)
    return { ok: true }
  } catch (error) {
    if (error instanceof CreateUnconfirmedError) return { ok: false, status: 'unconfirmed', error }
    return { ok: false, status: 'failed', error: error instanceof NotCreatedError ? error.cause : error }
  }
}

/** The task exists: its points, epic and place; the item as the portal holds it, or what is missing. */
export async function finishAdd(context: AddContext, task: TaskAnswer, draft: QuickAddDraft): Promise<void> {
  const { target, queryClient } = context
  const taskId = Number(task.id)
  const place = itemPlace(queryClient, target)
  const added = (item: BacklogItem) => {
    placeItem(queryClient, target.groupId, item)
    context.added(draft, item)
  }
  try {
    const scrum = await serially([`task:${taskId}`], () => finishTask(taskId, draft, place, target.responsibleId))
    return added(toItem(task, scrum, target.portalOrigin))
  } catch (error) {
    // The task exists: show it as the portal placed it (read again), and offer to finish it,
    // unless the portal already holds all of it (it placed the task by itself, or the lost
    // answer's change was saved).
    let missing = missingParts(draft, place)
    try {
      const scrum = await callMethod<ScrumTaskAnswer>('tasks.api.scrum.task.get', { id: taskId })
      const item = toItem(task, scrum, target.portalOrigin)
      missing = missingParts(draft, place, scrum)
      if (!missing.points && !missing.epic && !missing.place) return added(item)
      placeItem(queryClient, target.groupId, item)
    } catch {
      void queryClient.invalidateQueries({ queryKey: itemKeys.byGroup(target.groupId) })
    }
    context.unfinished({ task, draft, missing, error: toRestError(error, 'tasks.api.scrum.task.update'), retrying: false })
  }
}
