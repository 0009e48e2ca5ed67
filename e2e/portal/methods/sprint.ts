/**
 * tasks.api.scrum.sprint.list / get / add / start / complete / delete (digest §5 for the shapes).
 *
 * The digest has only list/get; the rest follows the official pages of these methods:
 * - add `{fields}`: groupId + name, optional sort, dateStart/dateEnd (ISO 8601 or a Unix
 *   timestamp), status (planned by default), createdBy/modifiedBy. Returns the sprint.
 * - start `{id}` (a sprint): only a planned sprint starts ("Sprint must be planned"); finished
 *   tasks still in it go to the backlog. Returns the sprint.
 * - complete `{id}` — the id of the SCRUM (group), not of the sprint: completes that group's active
 *   sprint; unfinished tasks (status ≠ 5) go to the backlog. Owner/moderators/admins only.
 * - delete `{id}`: its tasks go to the backlog first; `result: []`.
 * - [INF] At most one active sprint per group: a second one fails with ONE_ACTIVE_SPRINT.
 */
import type { ScrumEntity, SprintStatus, Task } from '../data/model'
import { isoDate } from '../rest/envelope'
import { engineError } from '../rest/errors'
import { bindArray, bindInt } from '../rest/params'
import { isNumeric, phpInt } from '../rest/php'
import type { MethodContext, MethodTable } from '../rest/registry'
import { ormList, type OrmFields } from './ormList'

/** [INF] No text is documented for a second active sprint. */
export const ONE_ACTIVE_SPRINT = 'There is already an active sprint'
/**
 * sprint.get's "not found": the source's text, as the digest decides (§13). The 2026 revision of
 * the docs prints `Sprint not found` (and `Sprint id not found` for 0) instead.
 */
export const SPRINT_GET_NOT_FOUND = 'Item not found'

const STATUSES: readonly SprintStatus[] = ['planned', 'active', 'completed']

const iso = (ms: number | null) => (ms === null ? null : isoDate(ms))

export function sprintView(s: ScrumEntity) {
  return {
    id: s.id, groupId: s.groupId, entityType: s.entityType, name: s.name, goal: s.goal, sort: s.sort,
    createdBy: s.createdBy, modifiedBy: s.modifiedBy, dateStart: iso(s.dateStart), dateEnd: iso(s.dateEnd), status: s.status,
  }
}

const canRead = (ctx: MethodContext, groupId: number) => ctx.store.canReadGroup(ctx.user.id, groupId)

/** A sprint by id: backlogs share the table but are "not found" here. */
function findSprint(ctx: MethodContext, id: number, notFound = 'Sprint not found'): ScrumEntity {
  const sprint = ctx.store.entity(id)
  if (!sprint || sprint.entityType !== 'sprint') throw engineError(notFound)
  if (!canRead(ctx, sprint.groupId)) throw engineError('Access denied')
  return sprint
}

/**
 * The columns of sprint.list (sprint.list docs). DATE_START/DATE_END sort and select but do not
 * filter; INFO is the service column the goal lives in, so `goal` is filled only with INFO.
 */
const SPRINT_FIELDS: OrmFields<ScrumEntity> = {
  ID: { key: 'id', kind: 'int', get: (s) => s.id, out: (s) => s.id, blank: 0 },
  GROUP_ID: { key: 'groupId', kind: 'int', get: (s) => s.groupId, out: (s) => s.groupId, blank: 0 },
  ENTITY_TYPE: { key: 'entityType', kind: 'string', get: (s) => s.entityType, out: (s) => s.entityType, blank: '' },
  NAME: { key: 'name', kind: 'string', get: (s) => s.name, out: (s) => s.name, blank: '' },
  INFO: { key: 'goal', kind: 'string', get: (s) => s.goal, out: (s) => s.goal, blank: '' },
  SORT: { key: 'sort', kind: 'int', get: (s) => s.sort, out: (s) => s.sort, blank: 0 },
  CREATED_BY: { key: 'createdBy', kind: 'int', get: (s) => s.createdBy, out: (s) => s.createdBy, blank: 0 },
  MODIFIED_BY: { key: 'modifiedBy', kind: 'int', get: (s) => s.modifiedBy, out: (s) => s.modifiedBy, blank: 0 },
  DATE_START: { key: 'dateStart', kind: 'date', get: (s) => s.dateStart, out: (s) => iso(s.dateStart), blank: '', filterable: false },
  DATE_END: { key: 'dateEnd', kind: 'date', get: (s) => s.dateEnd, out: (s) => iso(s.dateEnd), blank: '', filterable: false },
  STATUS: { key: 'status', kind: 'string', get: (s) => s.status, out: (s) => s.status, blank: '' },
}

function listAction(params: Record<string, unknown>, ctx: MethodContext) {
  // The server forces ENTITY_TYPE = sprint; only groups the caller may read.
  const sprints = [...ctx.store.entities.values()].filter((e) => e.entityType === 'sprint' && canRead(ctx, e.groupId))
  return { result: ormList(sprints, params, SPRINT_FIELDS, ctx.start) }
}

/** `undefined` = not given; `null` = given but unreadable. ISO 8601 or Unix seconds. */
function sprintDate(fields: Record<string, unknown>, name: 'dateStart' | 'dateEnd'): number | null | undefined {
  const value = fields[name]
  if (value === undefined || value === null || value === '') return undefined
  if (isNumeric(value)) return Math.trunc(Number(value)) * 1000
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return null
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? null : ms
}

function userField(ctx: MethodContext, id: number, name: 'createdBy' | 'modifiedBy'): number {
  if (id !== 0 && !ctx.store.user(id)) throw engineError(`${name} user not found`)
  return id
}

function addAction(params: Record<string, unknown>, ctx: MethodContext) {
  const fields = bindArray(params, 'fields')
  const groupId = phpInt(fields.groupId ?? 0)
  // No separate "group id" error is documented: a missing group is simply not readable.
  if (!canRead(ctx, groupId)) throw engineError('Access denied')
  const dateStart = sprintDate(fields, 'dateStart')
  if (dateStart === null) throw engineError('Incorrect dateStart format')
  const dateEnd = sprintDate(fields, 'dateEnd')
  if (dateEnd === null) throw engineError('Incorrect dateEnd format')
  const createdBy = userField(ctx, Object.hasOwn(fields, 'createdBy') ? phpInt(fields.createdBy) : ctx.user.id, 'createdBy')
  const modifiedBy = userField(ctx, Object.hasOwn(fields, 'modifiedBy') ? phpInt(fields.modifiedBy) : createdBy, 'modifiedBy')
  const status = STATUSES.find((s) => s === fields.status) ?? 'planned'
  if (status === 'active' && ctx.store.activeSprintOf(groupId)) throw engineError(ONE_ACTIVE_SPRINT)
  // [INF] A sprint needs a name; without one the row is not written.
  const name = typeof fields.name === 'string' ? fields.name.trim() : ''
  if (!name) throw engineError('Sprint not created')
  const sprints = ctx.store.sprintsOf(groupId)
  // [INF] Defaults: after the group's last sprint; from now for the group's sprint length.
  const start = dateStart ?? Date.now()
  const length = (ctx.store.group(groupId)?.scrumSprintDuration || 14 * 86_400) * 1000
  const sprint = ctx.store.addSprint({
    groupId, name, goal: '',
    sort: Object.hasOwn(fields, 'sort') ? phpInt(fields.sort) : Math.max(0, ...sprints.map((s) => s.sort)) + 1,
    createdBy, modifiedBy, dateStart: start, dateEnd: dateEnd ?? start + length, status,
  })
  return { result: sprintView(sprint) }
}

const finished = (task: Task | undefined) => task?.status === '5'

function startAction(params: Record<string, unknown>, ctx: MethodContext) {
  const sprint = findSprint(ctx, bindInt(params, 'id'))
  if (sprint.status !== 'planned') throw engineError('Sprint must be planned')
  if (ctx.store.activeSprintOf(sprint.groupId)) throw engineError(ONE_ACTIVE_SPRINT)
  // "If there were completed tasks in the sprint, they are moved to the backlog" (start docs).
  if (ctx.store.backlogOf(sprint.groupId)) ctx.store.moveSprintItemsToBacklog(sprint.id, finished)
  return { result: sprintView(ctx.store.updateSprint(sprint.id, { status: 'active', modifiedBy: ctx.user.id })) }
}

function completeAction(params: Record<string, unknown>, ctx: MethodContext) {
  // The GROUP id: "Identifier of the Scrum ... This is not the sprint identifier" (complete docs).
  const groupId = bindInt(params, 'id')
  if (!groupId) throw engineError('Group id not found')
  const role = ctx.store.group(groupId)?.members.get(ctx.user.id)
  const manager = ctx.user.isAdmin || role === 'A' || role === 'E'
  if (!canRead(ctx, groupId) || !manager) throw engineError('Access denied')
  const sprint = ctx.store.activeSprintOf(groupId)
  if (!sprint) throw engineError('Sprint not found')
  const unfinished = ctx.store.itemsIn(sprint.id).some((i) => !finished(ctx.store.task(i.taskId)))
  // [INF] Nowhere to put unfinished tasks: fail before changing anything.
  if (unfinished && !ctx.store.backlogOf(groupId)) throw engineError('Sprint items have not been moved to backlog')
  ctx.store.moveSprintItemsToBacklog(sprint.id, (task) => !finished(task))
  return { result: sprintView(ctx.store.updateSprint(sprint.id, { status: 'completed', modifiedBy: ctx.user.id })) }
}

function deleteAction(params: Record<string, unknown>, ctx: MethodContext) {
  const sprint = findSprint(ctx, bindInt(params, 'id'))
  // "The sprint has tasks, but the Scrum has no backlog to move them to" (delete docs).
  if (ctx.store.hasItems(sprint.id) && !ctx.store.backlogOf(sprint.groupId)) throw engineError('It is forbidden remove a sprint with items')
  ctx.store.deleteSprint(sprint.id)
  return { result: [] }
}

export const sprintMethods: MethodTable = {
  'tasks.api.scrum.sprint.list': { scope: 'task', handler: listAction },
  'tasks.api.scrum.sprint.get': {
    scope: 'task',
    handler: (params, ctx) => ({ result: sprintView(findSprint(ctx, bindInt(params, 'id'), SPRINT_GET_NOT_FOUND)) }),
  },
  'tasks.api.scrum.sprint.add': { scope: 'task', handler: addAction },
  'tasks.api.scrum.sprint.start': { scope: 'task', handler: startAction },
  'tasks.api.scrum.sprint.complete': { scope: 'task', handler: completeAction },
  'tasks.api.scrum.sprint.delete': { scope: 'task', handler: deleteAction },
}
