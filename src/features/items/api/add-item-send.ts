import { callBatch, callMethod, callPage } from '@/bitrix'
import type { ScrumTaskAnswer, TaskAnswer } from '@/lib/items/item-fields'
import type { ItemPlace, QuickAddDraft, QuickAddTarget } from './add-item'

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
