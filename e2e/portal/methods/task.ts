/**
 * tasks.task.list / get / add / update / delete (digest §7): the classic tasks controller.
 * UPPER field names in, camelCase STRING values out. Its errors are its own: "0" and "100" with
 * " (internal error)" appended, ERROR_CORE texts ending in `<br>`, and "1048582" on delete.
 */
import type { Task, TaskStatus } from '../data/model'
import { binderMissing, engineError, methodError, RestFailure } from '../rest/errors'
import { compileFilter, CTASKS, sortRows, toDateMs } from '../rest/filter'
import { bindArray, bindOptionalArray, paginate, type Params } from '../rest/params'
import { isNumeric, phpInt } from '../rest/php'
import type { MethodContext, MethodHandler, MethodTable } from '../rest/registry'
import { TASK_SORT_KEYS, taskFilterDefs, taskPrinter, taskSortDefs } from './taskFields'

const INTERNAL = ' (internal error)'

/** The controller turns exceptions, binder ones included, into "... (internal error)". */
function tasksController(handler: MethodHandler): MethodHandler {
  return (params, ctx) => {
    try {
      return handler(params, ctx)
    } catch (error) {
      if (error instanceof RestFailure && error.error === '100' && !error.description.endsWith(INTERNAL)) {
        throw new RestFailure(error.status, error.error, error.description + INTERNAL)
      }
      throw error
    }
  }
}

/** CTasks::CheckFields errors: code ERROR_CORE, text with the trailing `<br>` of the HTML joiner. */
const coreError = (text: string) => methodError('ERROR_CORE', `${text}<br>`)
/** No right to change the task, or to put tasks into that group (tasks.task.update docs). */
const notAllowed = () => engineError(`Action on the task is not allowed${INTERNAL}`)

/** `taskId` is turned into a CTaskItem by a closure, hence the odd texts (digest §7.2). */
function bindTaskId(params: Params): number {
  const raw = params.taskId
  if (raw === undefined || raw === null) throw methodError('100', `CTaskItem All parameters in the constructor must have real class type${INTERNAL}`)
  if (!isNumeric(raw) || phpInt(raw) <= 0) throw engineError('wrong task id')
  return phpInt(raw)
}

/** `fields` is required, and an empty one counts as missing (tasks.task.update docs). */
function bindFields(params: Params): Record<string, unknown> {
  const fields = bindArray(params, 'fields')
  if (!Object.keys(fields).length) throw binderMissing('fields')
  return fields
}

/** Members may put tasks into their group; admins into any (default group permissions). */
function canUseGroup(ctx: MethodContext, groupId: number): boolean {
  return ctx.store.canReadGroup(ctx.user.id, groupId)
}

const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '')

/**
 * Read `fields` in CTasks::CheckFields order (title, responsible, status, ...); the first error
 * wins. For add (`current` absent) TITLE and RESPONSIBLE_ID are required; update is partial.
 */
function readFields(fields: Record<string, unknown>, ctx: MethodContext, current?: Task): Partial<Omit<Task, 'id'>> {
  const has = (key: string) => Object.hasOwn(fields, key)
  const changes: Partial<Omit<Task, 'id'>> = {}
  if (!current || has('TITLE')) {
    const title = text(fields.TITLE).trim()
    if (!title) throw coreError('Task title not specified')
    changes.title = title
  }
  if (!current || has('RESPONSIBLE_ID')) {
    const id = phpInt(fields.RESPONSIBLE_ID ?? 0)
    if (!id) throw coreError('Responsible person not specified')
    if (!ctx.store.user(id)) throw coreError('User specified in the "Responsible" field not found')
    changes.responsibleId = id
  }
  if (has('STATUS')) {
    const status = phpInt(fields.STATUS)
    if (status < 1 || status > 7) throw coreError('Incorrect status')
    // 1 ("new") is an old status the tasks module stores as 2 ("pending").
    changes.status = String(status === 1 ? 2 : status) as TaskStatus
  }
  if (has('CREATED_BY')) {
    const id = phpInt(fields.CREATED_BY)
    // [INF] text: the digest lists only the responsible-person variant.
    if (!ctx.store.user(id)) throw coreError('User specified in the "Created by" field not found')
    changes.createdBy = id
  }
  if (has('PRIORITY')) {
    // An unknown priority falls back to "normal" rather than failing.
    const priority = phpInt(fields.PRIORITY)
    changes.priority = priority === 0 || priority === 2 ? String(priority) as Task['priority'] : '1'
  }
  if (has('DESCRIPTION')) changes.description = text(fields.DESCRIPTION)
  if (has('DEADLINE')) {
    const raw = fields.DEADLINE
    // Empty clears the deadline; an unreadable date leaves it alone.
    if (raw === '' || raw === null || raw === false) changes.deadline = null
    else {
      const ms = toDateMs(raw)
      if (ms !== null) changes.deadline = ms
    }
  }
  if (has('GROUP_ID')) {
    const groupId = phpInt(fields.GROUP_ID)
    if (groupId && groupId !== current?.groupId && !canUseGroup(ctx, groupId)) throw notAllowed()
    changes.groupId = groupId
  }
  return changes
}

function listAction(params: Params, ctx: MethodContext) {
  const filter = bindOptionalArray(params, 'filter')
  const select = bindOptionalArray(params, 'select')
  const order = bindOptionalArray(params, 'order')
  bindOptionalArray(params, 'params')
  // CTasks::GetList lowercases the keys and throws on one it does not know.
  if (Object.keys(order).some((key) => !TASK_SORT_KEYS.has(key.toUpperCase()))) throw engineError(`Invalid sorting key${INTERNAL}`)
  const { store } = ctx
  // CTasks reads the keys (a plain TITLE is a LIKE pattern with % and _, tasks.task.list docs) and
  // skips the ones it has no column for; every documented filter field is known here.
  const matches = compileFilter(filter, taskFilterDefs(store), CTASKS)
  const visible: Task[] = []
  for (const task of store.tasks.values()) if (matches.test(task) && store.canSeeTask(ctx.user.id, task)) visible.push(task)
  const rows = sortRows(visible, Object.keys(order).length ? order : { ID: 'DESC' }, taskSortDefs(store))
  const page = paginate(rows, ctx.start)
  const print = taskPrinter(store, ctx.origin, select)
  // result.tasks is a Page, so total/next go to the top level (digest §0.2).
  return { result: { tasks: page.rows.map(print) }, total: page.total, next: page.next }
}

function getAction(params: Params, ctx: MethodContext) {
  const id = bindTaskId(params)
  const select = bindOptionalArray(params, 'select')
  const task = ctx.store.task(id)
  // Missing and forbidden look the same: an empty PHP array, HTTP 200 (digest §7.2).
  if (!task || !ctx.store.canSeeTask(ctx.user.id, task)) return { result: [] }
  return { result: { task: taskPrinter(ctx.store, ctx.origin, select)(task) } }
}

function addAction(params: Params, ctx: MethodContext) {
  const fields = bindFields(params)
  const changes = readFields(fields, ctx)
  const now = Date.now()
  const task = ctx.store.addTask({
    title: '', description: '', status: '2', priority: '1', responsibleId: 0, createdBy: ctx.user.id, groupId: 0,
    createdDate: now, changedDate: now, deadline: null, ...changes,
  })
  // A task created in a scrum with a backlog lands in that backlog (digest §1).
  ctx.store.autoPlace(task.id, task.createdBy)
  return { result: { task: taskPrinter(ctx.store, ctx.origin)(task) } }
}

function updateAction(params: Params, ctx: MethodContext) {
  const id = bindTaskId(params)
  const fields = bindFields(params)
  const task = ctx.store.task(id)
  // [INF] Whoever may see a task may edit it; the real rights are finer (the responsible person
  // cannot always change the deadline, and so on).
  if (!task || !ctx.store.canSeeTask(ctx.user.id, task)) throw notAllowed()
  const changes = readFields(fields, ctx, task)
  // Moving to another scrum re-places the task in that backlog, on behalf of the caller.
  ctx.store.updateTask(id, { ...changes, changedDate: Date.now() }, ctx.user.id)
  return { result: { task: taskPrinter(ctx.store, ctx.origin)(task) } }
}

/** [INF] Deleting takes more than seeing: admins, the creator, or the group's owner/moderators. */
function canDelete(ctx: MethodContext, task: Task): boolean {
  if (ctx.user.isAdmin || task.createdBy === ctx.user.id) return true
  const role = ctx.store.group(task.groupId)?.members.get(ctx.user.id)
  return role === 'A' || role === 'E'
}

function deleteAction(params: Params, ctx: MethodContext) {
  const id = bindTaskId(params)
  const task = ctx.store.task(id)
  if (!task || !canDelete(ctx, task)) throw methodError('1048582', 'No access to delete the task')
  // The scrum item goes with the task.
  ctx.store.deleteTask(id)
  return { result: { task: true } }
}

export const taskMethods: MethodTable = {
  'tasks.task.list': { scope: 'task', handler: tasksController(listAction) },
  'tasks.task.get': { scope: 'task', handler: tasksController(getAction) },
  'tasks.task.add': { scope: 'task', handler: tasksController(addAction) },
  'tasks.task.update': { scope: 'task', handler: tasksController(updateAction) },
  'tasks.task.delete': { scope: 'task', handler: tasksController(deleteAction) },
}
