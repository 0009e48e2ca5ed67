/**
 * tasks.api.scrum.task.get / update / getFields (digest §3): the scrum item of a task (backlog or
 * sprint, story points, epic, position). Real JSON ints; storyPoints is a string.
 *
 * Two answers of update are open questions (digest §13), played by quirks.ts:
 * - `epicId: 0`: detaches (`epicZeroDetaches`, default, [DOC+]) or `Epic not found` (older source).
 * - no `entityId` on a task without a scrum item: `Entity id not found` (default, the controller
 *   source) or, with `taskUpdateAutoAdd`, the item is created in the scrum's backlog (the page's
 *   "Bitrix24 will automatically add the task to the Scrum backlog if it exists").
 */
import type { ScrumEntity, ScrumItem } from '../data/model'
import { engineError } from '../rest/errors'
import { bindArray, bindInt } from '../rest/params'
import { phpInt } from '../rest/php'
import type { MethodContext, MethodTable } from '../rest/registry'

export function itemView(item: ScrumItem) {
  return { entityId: item.entityId, storyPoints: item.storyPoints, epicId: item.epicId, sort: item.sort, createdBy: item.createdBy, modifiedBy: item.modifiedBy }
}

const canRead = (ctx: MethodContext, groupId: number) => ctx.store.canReadGroup(ctx.user.id, groupId)

/** createdBy/modifiedBy: 0 or absent means "not given"; anything else must be a user. */
function userField(ctx: MethodContext, fields: Record<string, unknown>, name: 'createdBy' | 'modifiedBy'): number {
  const id = phpInt(fields[name] ?? 0)
  if (id !== 0 && !ctx.store.user(id)) throw engineError(`${name} user not found`)
  return id
}

/**
 * epicId: 0 detaches ([DOC+]) unless the quirk plays the older server, which looks epic 0 up and
 * fails; any other value must be an existing epic, of any group (the source does not check).
 */
function epicField(ctx: MethodContext, fields: Record<string, unknown>): number | undefined {
  if (!Object.hasOwn(fields, 'epicId')) return undefined
  const epicId = phpInt(fields.epicId)
  if (epicId === 0 && !ctx.quirks.epicZeroDetaches) throw engineError('Epic not found')
  if (epicId !== 0 && !ctx.store.epic(epicId)) throw engineError('Epic not found')
  return epicId
}

/** The writable part of `fields`, validated in the source's order: epic, createdBy, modifiedBy. */
function changesOf(ctx: MethodContext, fields: Record<string, unknown>) {
  const epicId = epicField(ctx, fields)
  const createdBy = userField(ctx, fields, 'createdBy')
  // [INF] An omitted modifiedBy is the caller (the item's last editor).
  const modifiedBy = userField(ctx, fields, 'modifiedBy') || ctx.user.id
  return {
    epicId,
    createdBy,
    modifiedBy,
    // is_string(): a JSON number 5 is ignored silently; "5" (also from a form or batch query) applies.
    storyPoints: typeof fields.storyPoints === 'string' ? fields.storyPoints : undefined,
    sort: Object.hasOwn(fields, 'sort') ? phpInt(fields.sort) : undefined,
  }
}

function getAction(params: Record<string, unknown>, ctx: MethodContext) {
  const id = bindInt(params, 'id')
  if (!id) throw engineError('Task id not found')
  const item = ctx.store.itemOf(id)
  // A real task without a scrum item is "not found" too.
  if (!item || !ctx.store.task(id)) throw engineError('Task not found')
  const entity = ctx.store.entity(item.entityId)
  if (!entity || !canRead(ctx, entity.groupId)) throw engineError('Access denied')
  return { result: itemView(item) }
}

/**
 * With `taskUpdateAutoAdd`, a call without entityId adds the task to its scrum's backlog. The task
 * must be one the caller sees, in a scrum that has a backlog; otherwise there is nowhere to add it
 * and the answer stays `Entity id not found`.
 */
function autoAddTarget(ctx: MethodContext, taskId: number): ScrumEntity | undefined {
  const task = ctx.store.task(taskId)
  if (!task || !task.groupId || !ctx.store.canSeeTask(ctx.user.id, task)) return undefined
  if (!ctx.store.group(task.groupId)?.scrumMasterId) return undefined
  return ctx.store.backlogOf(task.groupId)
}

/** No item yet: create one in `target` (digest §3.2 step 3). Everything is checked before writing. */
function createItem(ctx: MethodContext, taskId: number, given: ScrumEntity | undefined, fields: Record<string, unknown>): void {
  const autoAdded = !given && ctx.quirks.taskUpdateAutoAdd
  const target = given ?? (autoAdded ? autoAddTarget(ctx, taskId) : undefined)
  if (!target) throw engineError('Entity id not found')
  const task = ctx.store.task(taskId)
  if (!task || !ctx.store.canSeeTask(ctx.user.id, task)) throw engineError('Task not found.')
  if (task.groupId !== target.groupId) throw engineError('Access denied')
  const changes = changesOf(ctx, fields)
  // The automatic placement records the caller as the creator, as tasks.task.add's does.
  if (autoAdded && !changes.createdBy) changes.createdBy = ctx.user.id
  // "Without createdBy, the method returns the Item not created error" [DOC+].
  if (!changes.createdBy) throw engineError('Item not created')
  ctx.store.setItem({
    taskId,
    entityId: target.id,
    storyPoints: changes.storyPoints ?? '',
    epicId: changes.epicId ?? 0,
    sort: changes.sort ?? ctx.store.nextSort(target.id),
    createdBy: changes.createdBy,
    modifiedBy: changes.modifiedBy,
  })
}

function updateAction(params: Record<string, unknown>, ctx: MethodContext) {
  const id = bindInt(params, 'id')
  const fields = bindArray(params, 'fields')
  if (!id) throw engineError('Task id not found')
  const entityId = phpInt(fields.entityId ?? 0)
  const target = entityId ? ctx.store.entity(entityId) : undefined
  if (entityId && (!target || !canRead(ctx, target.groupId))) throw engineError('Access denied')

  const item = ctx.store.itemOf(id)
  if (!item) {
    createItem(ctx, id, target, fields)
    return { result: true }
  }
  const current = ctx.store.entity(item.entityId)
  if (!current || !canRead(ctx, current.groupId)) throw engineError('Access denied')
  // Moves stay inside the task's group: backlog ⇄ its sprints.
  if (target && target.groupId !== ctx.store.task(id)?.groupId) throw engineError('Access denied')
  const changes = changesOf(ctx, fields)
  const moved = target !== undefined && target.id !== item.entityId
  ctx.store.setItem({
    ...item,
    entityId: target?.id ?? item.entityId,
    storyPoints: changes.storyPoints ?? item.storyPoints,
    epicId: changes.epicId ?? item.epicId,
    // [INF] A moved item without an explicit sort goes to the end of its new list.
    sort: changes.sort ?? (moved && target ? ctx.store.nextSort(target.id) : item.sort),
    createdBy: changes.createdBy || item.createdBy,
    modifiedBy: changes.modifiedBy,
  })
  // The REST result of the engine action; the docs' {status, data, errors} is the AJAX format.
  return { result: true }
}

export const scrumTaskMethods: MethodTable = {
  'tasks.api.scrum.task.get': { scope: 'task', handler: getAction },
  'tasks.api.scrum.task.update': { scope: 'task', handler: updateAction },
  'tasks.api.scrum.task.getfields': {
    scope: 'task',
    handler() {
      const int = { type: 'integer' }
      return { result: { fields: { entityId: int, storyPoints: { type: 'string' }, epicId: int, sort: int, createdBy: int, modifiedBy: int } } }
    },
  },
}
