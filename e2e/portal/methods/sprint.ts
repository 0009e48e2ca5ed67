/**
 * tasks.api.scrum.sprint.* — list, get, add, update, start, complete, delete, getFields.
 *
 * Sources, strongest first: the official pages of these methods (bitrix24/b24restdocs; the 2026
 * revisions of add, update and list where they exist, [DOC+]), the digest (§5, §13, §14) and the
 * public copy of the Sprint controller and SprintService ([SRC]). The pages' error tables list
 * `Access denied` first and the binder errors last whatever the order of the checks, so the order
 * here is the controller's, in the style of backlog.ts and epic.ts: binder → id → lookup → access →
 * fields. Only the first error is reported.
 *
 * Decisions where the sources disagree or are silent:
 * - `goal` is "set only in the interface when starting the sprint" (every page), and it is neither a
 *   field of getFields nor a column of list: add and update ignore `fields.goal`, so a sprint made
 *   over REST has the goal "" and keeps whatever goal it has.
 * - Who may start or complete: the pages say "any user", the digest says nothing; SprintService
 *   allows both only to the group's owner or moderators and portal admins (`canStartSprint`,
 *   `canCompleteSprint`), so that is what happens here. add, update, delete: "any user with access to
 *   Scrum" (member or admin).
 * - "Not found" texts are the pages' (`Sprint not found`, `Sprint id not found`), which the
 *   controller copy uses too; the digest's `Item not found` for sprint.get (§13) is not in either.
 * - Dates: ISO 8601 or Unix seconds. A given value that is not a date is written as 1970-01-01
 *   without an error (add [DOC+], update [DOC+]: the controller's `strtotime` failure becomes 0);
 *   add without dateStart/dateEnd fails. Output is ISO 8601 with the portal's offset.
 */
import type { ScrumEntity, SprintStatus, Task } from '../data/model'
import { isoDate } from '../rest/envelope'
import { engineError } from '../rest/errors'
import { bindArray, bindInt } from '../rest/params'
import { isNumeric, phpInt, phpString } from '../rest/php'
import type { MethodContext, MethodTable } from '../rest/registry'
import { ormList, type OrmFields } from './ormList'

/** add/update: a second active sprint in a group (add and update pages). */
export const TWO_ACTIVE = 'Unable to add two active sprint'
/** start: what the controller reports for every failure of SprintService::startSprint [SRC]. */
export const START_FAILED = 'Unable to start sprint'

const STATUSES: readonly SprintStatus[] = ['planned', 'active', 'completed']
const isStatus = (value: string): value is SprintStatus => (STATUSES as readonly string[]).includes(value)

const iso = (ms: number | null) => (ms === null ? null : isoDate(ms))
/** PHP's time(): whole seconds. */
const now = () => Math.floor(Date.now() / 1000) * 1000

export function sprintView(s: ScrumEntity) {
  return {
    id: s.id, groupId: s.groupId, entityType: s.entityType, name: s.name, goal: s.goal, sort: s.sort,
    createdBy: s.createdBy, modifiedBy: s.modifiedBy, dateStart: iso(s.dateStart), dateEnd: iso(s.dateEnd), status: s.status,
  }
}

const canRead = (ctx: MethodContext, groupId: number) => ctx.store.canReadGroup(ctx.user.id, groupId)

/** SprintService::canStartSprint / canCompleteSprint: the group's owner or a moderator, or an admin. */
function canManage(ctx: MethodContext, groupId: number): boolean {
  const role = ctx.store.group(groupId)?.members.get(ctx.user.id)
  return ctx.user.isAdmin || role === 'A' || role === 'E'
}

/** EntityService::getEntityById + the type check of update/start/delete: a backlog id is "not found". */
function findSprint(ctx: MethodContext, id: number): ScrumEntity {
  const sprint = ctx.store.entity(id)
  if (!sprint || sprint.entityType !== 'sprint') throw engineError('Sprint not found')
  return sprint
}

function requireReadable(ctx: MethodContext, groupId: number): void {
  if (!canRead(ctx, groupId)) throw engineError('Access denied')
}

/**
 * createdBy/modifiedBy: read only when numeric; a user id that does not exist fails. 0 is "nobody"
 * and is not looked up, as in backlog.ts and epic.ts.
 */
function userField(ctx: MethodContext, fields: Record<string, unknown>, name: 'createdBy' | 'modifiedBy'): number | undefined {
  if (!Object.hasOwn(fields, name) || !isNumeric(fields[name])) return undefined
  const id = phpInt(fields[name])
  if (id !== 0 && !ctx.store.user(id)) throw engineError(`${name} user not found`)
  return id
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/

/**
 * The controller's formatDateField: a number is Unix seconds, a string goes through strtotime, and
 * a failure is cast to 0 by the `?int` return type — so anything that is not a date is 1970-01-01.
 * Of strtotime's many formats only ISO 8601 (the documented one) is understood here.
 */
function sprintDate(value: unknown): number {
  if (isNumeric(value)) return Math.trunc(Number(value)) * 1000
  if (typeof value === 'string' && ISO_DATE.test(value.trim())) {
    const ms = Date.parse(value.trim().replace(' ', 'T'))
    if (!Number.isNaN(ms)) return Math.floor(ms / 1000) * 1000
  }
  return 0
}

// ---- list, get ----------------------------------------------------------------------------------

/**
 * The columns of sprint.list (list page), all filterable. DATE_START/DATE_END compare as instants,
 * so the page's `">=DATE_END": "2024-07-19T15:03:01+00:00"` works whatever the offset; a value that
 * is not a date matches nothing. INFO is the service column the goal lives in, so `goal` is filled
 * only with INFO (or all fields). There is no GOAL column: with it the list is [].
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
  DATE_START: { key: 'dateStart', kind: 'date', get: (s) => s.dateStart, out: (s) => iso(s.dateStart), blank: '' },
  DATE_END: { key: 'dateEnd', kind: 'date', get: (s) => s.dateEnd, out: (s) => iso(s.dateEnd), blank: '' },
  STATUS: { key: 'status', kind: 'string', get: (s) => s.status, out: (s) => s.status, blank: '' },
}

function listAction(params: Record<string, unknown>, ctx: MethodContext) {
  // The server forces ENTITY_TYPE = sprint; only groups the caller may read (members; admins all).
  const sprints = [...ctx.store.entities.values()].filter((e) => e.entityType === 'sprint' && canRead(ctx, e.groupId))
  // A plain array: no total/next (digest §0.2).
  return { result: ormList(sprints, params, SPRINT_FIELDS, ctx.start) }
}

/**
 * Params `{id}` (the page's table says `sprintId`; every example and the controller use `id`).
 * Errors: binder → `Sprint id not found` (0) → `Sprint not found` → `Access denied`.
 * SprintService::getSprintById does not check the entity type, so a backlog id answers the backlog
 * in the sprint shape (entityType "backlog", no dates, status "") [SRC].
 */
function getAction(params: Record<string, unknown>, ctx: MethodContext) {
  const id = bindInt(params, 'id')
  if (!id) throw engineError('Sprint id not found')
  const entity = ctx.store.entity(id)
  if (!entity) throw engineError('Sprint not found')
  requireReadable(ctx, entity.groupId)
  return { result: sprintView(entity) }
}

// ---- add, update --------------------------------------------------------------------------------

/**
 * Params `{fields}`: groupId*, name*, createdBy*, dateStart*, dateEnd*, status*; modifiedBy, sort
 * (default 0) [DOC+]. Errors, in the controller's order: binder → `Group id not found` →
 * `Access denied` → `createdBy user not found` → `modifiedBy user not found` →
 * `Incorrect dateStart format` / `Incorrect dateEnd format` (not given) → `Incorrect sprint status`
 * (not given or not one of the three) → `Unable to add two active sprint` → `Unable to add sprint`
 * (no name or no createdBy: the row's required fields).
 */
function addAction(params: Record<string, unknown>, ctx: MethodContext) {
  const fields = bindArray(params, 'fields')
  const groupId = phpInt(fields.groupId ?? 0)
  if (!groupId) throw engineError('Group id not found')
  // No "is it a scrum?" check, as for backlogs: a missing group is simply not readable.
  requireReadable(ctx, groupId)
  const createdBy = userField(ctx, fields, 'createdBy') ?? 0
  // [DOC+] The page's example answers modifiedBy = createdBy when only createdBy is sent.
  const modifiedBy = userField(ctx, fields, 'modifiedBy') ?? createdBy
  if (!Object.hasOwn(fields, 'dateStart')) throw engineError('Incorrect dateStart format')
  const dateStart = sprintDate(fields.dateStart)
  if (!Object.hasOwn(fields, 'dateEnd')) throw engineError('Incorrect dateEnd format')
  const dateEnd = sprintDate(fields.dateEnd)
  const status = Object.hasOwn(fields, 'status') ? phpString(fields.status) : ''
  if (!isStatus(status)) throw engineError('Incorrect sprint status')
  if (status === 'active' && ctx.store.activeSprintOf(groupId)) throw engineError(TWO_ACTIVE)
  // [INF] A blank name fails the row's required check, as epic names do.
  const name = Object.hasOwn(fields, 'name') ? phpString(fields.name) : ''
  if (!name.trim() || !createdBy) throw engineError('Unable to add sprint')
  // `sort` defaults to 0 [DOC+] (this portal used to put a new sprint after the last one [INF]).
  const sort = Object.hasOwn(fields, 'sort') ? phpInt(fields.sort) : 0
  const sprint = ctx.store.addSprint({ groupId, name, goal: '', sort, createdBy, modifiedBy, dateStart, dateEnd, status })
  return { result: sprintView(sprint) }
}

/**
 * Params `{id, fields}`; every field optional, the others keep their values [DOC+]. Errors:
 * binder (id, then fields) → `Sprint id not found` (0) → `Sprint not found` (also a backlog id) →
 * `Access denied` → `It is forbidden move a sprint with items` (another groupId while it has tasks) →
 * `createdBy user not found` → `modifiedBy user not found` → `Incorrect sprint status` →
 * `Unable to add two active sprint` → `Sprint not updated`.
 * A raw write: `status` moves no tasks (start and complete do that).
 */
function updateAction(params: Record<string, unknown>, ctx: MethodContext) {
  const id = bindInt(params, 'id')
  const fields = bindArray(params, 'fields')
  if (!id) throw engineError('Sprint id not found')
  const sprint = findSprint(ctx, id)
  requireReadable(ctx, sprint.groupId)
  const changes: Partial<Omit<ScrumEntity, 'id' | 'entityType'>> = {}
  // Read only when numeric. No access check on the target group (as backlog.update).
  if (Object.hasOwn(fields, 'groupId') && isNumeric(fields.groupId)) {
    const groupId = phpInt(fields.groupId)
    if (groupId !== sprint.groupId && ctx.store.hasItems(sprint.id)) throw engineError('It is forbidden move a sprint with items')
    changes.groupId = groupId
  }
  if (typeof fields.name === 'string') changes.name = fields.name
  if (Object.hasOwn(fields, 'sort') && isNumeric(fields.sort)) changes.sort = phpInt(fields.sort)
  const createdBy = userField(ctx, fields, 'createdBy')
  if (createdBy !== undefined) changes.createdBy = createdBy
  // [DOC+] The page's example shows the caller as modifiedBy when none is sent.
  changes.modifiedBy = userField(ctx, fields, 'modifiedBy') ?? ctx.user.id
  // Any given value is written: what is not a date becomes 1970-01-01, without an error [DOC+].
  if (Object.hasOwn(fields, 'dateStart')) changes.dateStart = sprintDate(fields.dateStart)
  if (Object.hasOwn(fields, 'dateEnd')) changes.dateEnd = sprintDate(fields.dateEnd)
  const groupId = changes.groupId ?? sprint.groupId
  if (typeof fields.status === 'string') {
    if (!isStatus(fields.status)) throw engineError('Incorrect sprint status')
    changes.status = fields.status
    // The controller looks for any active sprint of the group, this one included: sending
    // `status: "active"` for the active sprint itself fails too [SRC].
    if (fields.status === 'active' && ctx.store.activeSprintOf(groupId)) throw engineError(TWO_ACTIVE)
  } else if (sprint.status === 'active' && changes.groupId !== undefined) {
    // [INF] Moving the active sprint into a group that has one: "a Scrum can have only one active sprint".
    const other = ctx.store.activeSprintOf(groupId)
    if (other && other.id !== sprint.id) throw engineError(TWO_ACTIVE)
  }
  // [INF] The row's required fields: a name and a group.
  if ((changes.name !== undefined && !changes.name.trim()) || groupId === 0) throw engineError('Sprint not updated')
  return { result: sprintView(ctx.store.updateSprint(sprint.id, changes)) }
}

// ---- start, complete, delete --------------------------------------------------------------------

const finished = (task: Task | undefined) => task?.status === '5'

/**
 * Params `{id}` (a sprint). Only a planned sprint starts. Errors: binder → `Sprint id not found` →
 * `Sprint not found` → `Sprint must be planned` → `Access denied` (not owner, moderator or admin;
 * then not a reader) → `Unable to start sprint` [SRC] when the group already has an active sprint,
 * or when no unfinished task is left in the sprint.
 * "If there were completed tasks in the sprint, they are moved to the backlog" (start page): that
 * happens before the "no tasks" check, so a sprint of finished tasks only loses them and stays
 * planned [SRC]. A started sprint gets sort 0 [SRC]; dates, goal and modifiedBy are left as they are.
 */
function startAction(params: Record<string, unknown>, ctx: MethodContext) {
  const id = bindInt(params, 'id')
  if (!id) throw engineError('Sprint id not found')
  const sprint = findSprint(ctx, id)
  if (sprint.status !== 'planned') throw engineError('Sprint must be planned')
  if (!canManage(ctx, sprint.groupId)) throw engineError('Access denied')
  requireReadable(ctx, sprint.groupId)
  if (ctx.store.activeSprintOf(sprint.groupId)) throw engineError(START_FAILED)
  // [INF] Without a backlog the finished tasks stay where they are.
  if (ctx.store.backlogOf(sprint.groupId)) ctx.store.moveSprintItemsToBacklog(sprint.id, finished)
  if (!ctx.store.itemsIn(sprint.id).some((i) => !finished(ctx.store.task(i.taskId)))) throw engineError(START_FAILED)
  return { result: sprintView(ctx.store.updateSprint(sprint.id, { status: 'active', sort: 0 })) }
}

/**
 * Params `{id}` — the GROUP id, not a sprint id (complete page). Completes that group's active
 * sprint. Errors: binder → `Group id not found` (0) → `Sprint not found` (no active sprint) →
 * `Access denied` (not owner, moderator or admin; then not a reader).
 * Unfinished tasks (status ≠ 5) go to the end of the backlog in their sprint order; finished ones
 * stay. The sprint gets status completed, dateEnd = now and sort 0 [SRC]. A group without a backlog
 * gets a new planned sprint "Sprint N+1" (from now, for the group's sprint length) that takes the
 * unfinished tasks, as SprintService does when it has no backlog to move them to [SRC].
 */
function completeAction(params: Record<string, unknown>, ctx: MethodContext) {
  const groupId = bindInt(params, 'id')
  if (!groupId) throw engineError('Group id not found')
  const sprint = ctx.store.activeSprintOf(groupId)
  if (!sprint) throw engineError('Sprint not found')
  if (!canManage(ctx, groupId)) throw engineError('Access denied')
  requireReadable(ctx, groupId)
  const unfinished = (task: Task | undefined) => !finished(task)
  const backlog = ctx.store.backlogOf(groupId)
  if (backlog) {
    ctx.store.moveSprintItems(sprint.id, backlog.id, unfinished)
  } else {
    const start = now()
    const length = (ctx.store.group(groupId)?.scrumSprintDuration || 14 * 86_400) * 1000
    const next = ctx.store.addSprint({
      groupId, name: `Sprint ${ctx.store.sprintsOf(groupId).length + 1}`, goal: '', sort: 0,
      createdBy: ctx.user.id, modifiedBy: 0, dateStart: start, dateEnd: start + length, status: 'planned',
    })
    ctx.store.moveSprintItems(sprint.id, next.id, unfinished)
  }
  return { result: sprintView(ctx.store.updateSprint(sprint.id, { status: 'completed', dateEnd: now(), sort: 0 })) }
}

/**
 * Params `{id}` (a sprint). Its tasks, finished or not, go to the end of the backlog first; then
 * `result: []`. Errors: binder → `Sprint not found` (0, unknown, a backlog) → `Access denied` →
 * `It is forbidden remove a sprint with items` (it has tasks and the group has no backlog).
 * `Sprint items have not been moved to backlog` (a failed move) cannot happen here.
 */
function deleteAction(params: Record<string, unknown>, ctx: MethodContext) {
  const sprint = findSprint(ctx, bindInt(params, 'id'))
  requireReadable(ctx, sprint.groupId)
  if (ctx.store.hasItems(sprint.id) && !ctx.store.backlogOf(sprint.groupId)) throw engineError('It is forbidden remove a sprint with items')
  ctx.store.deleteSprint(sprint.id)
  return { result: [] }
}

export const sprintMethods: MethodTable = {
  'tasks.api.scrum.sprint.list': { scope: 'task', handler: listAction },
  'tasks.api.scrum.sprint.get': { scope: 'task', handler: getAction },
  'tasks.api.scrum.sprint.add': { scope: 'task', handler: addAction },
  'tasks.api.scrum.sprint.update': { scope: 'task', handler: updateAction },
  'tasks.api.scrum.sprint.start': { scope: 'task', handler: startAction },
  'tasks.api.scrum.sprint.complete': { scope: 'task', handler: completeAction },
  'tasks.api.scrum.sprint.delete': { scope: 'task', handler: deleteAction },
  // No params, no errors, no access check (getFields page). No `goal`: it is not writable.
  'tasks.api.scrum.sprint.getfields': {
    scope: 'task',
    handler() {
      const int = { type: 'integer' }
      const str = { type: 'string' }
      return { result: { fields: { groupId: int, name: str, sort: int, createdBy: int, modifiedBy: int, dateStart: str, dateEnd: str, status: str } } }
    },
  },
}
