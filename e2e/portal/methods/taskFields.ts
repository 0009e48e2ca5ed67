/**
 * The task fields of tasks.task.* (digest §7): UPPER names for filter/order/select, camelCase
 * keys with STRING values (or null) in the output. One table serves all three, so a field that
 * can be selected can also be filtered and sorted the same way.
 */
import type { Store, Task, User } from '../data/model'
import { isoDate } from '../rest/envelope'
import type { FieldDef, FieldDefs, RawValue } from '../rest/filter'
import { absoluteUrl } from './groups'

interface TaskField extends FieldDef<Task> {
  /** Output key; absent for filter/sort-only fields. */
  key?: string
}

/** The scrum item's entity, if it is of the wanted type: backlogId / sprintId (digest §14). */
function entityOfType(store: Store, task: Task, type: 'backlog' | 'sprint'): number | null {
  const item = store.itemOf(task.id)
  if (!item) return null
  return store.entity(item.entityId)?.entityType === type ? item.entityId : null
}

export function taskFields(store: Store): Record<string, TaskField> {
  return {
    ID: { key: 'id', kind: 'int', get: (t) => t.id },
    TITLE: { key: 'title', kind: 'string', get: (t) => t.title },
    DESCRIPTION: { key: 'description', kind: 'string', get: (t) => t.description },
    STATUS: { key: 'status', kind: 'int', get: (t) => Number(t.status) },
    // `status` in the output IS the real status; STATUS adds meta-statuses we do not model.
    REAL_STATUS: { kind: 'int', get: (t) => Number(t.status) },
    PRIORITY: { key: 'priority', kind: 'int', get: (t) => Number(t.priority) },
    RESPONSIBLE_ID: { key: 'responsibleId', kind: 'int', get: (t) => t.responsibleId },
    CREATED_BY: { key: 'createdBy', kind: 'int', get: (t) => t.createdBy },
    CREATED_DATE: { key: 'createdDate', kind: 'date', get: (t) => t.createdDate },
    CHANGED_DATE: { key: 'changedDate', kind: 'date', get: (t) => t.changedDate },
    DEADLINE: { key: 'deadline', kind: 'date', get: (t) => t.deadline },
    GROUP_ID: { key: 'groupId', kind: 'int', get: (t) => t.groupId },
    // Kanban stages are not modelled: every task sits in stage 0.
    STAGE_ID: { key: 'stageId', kind: 'int', get: () => 0 },
    SPRINT_ID: { key: 'sprintId', kind: 'int', get: (t) => entityOfType(store, t, 'sprint') },
    BACKLOG_ID: { key: 'backlogId', kind: 'int', get: (t) => entityOfType(store, t, 'backlog') },
  }
}

/**
 * Everything tasks.task.list can filter on (its page lists the fields): the table plus the
 * documented fields this portal has no data for, which hold their empty value — so `PARENT_ID: 5`
 * finds nothing, as on a portal without subtasks, instead of being skipped and listing every task.
 * Only a key CTasks itself does not know is skipped.
 */
export function taskFilterDefs(store: Store): FieldDefs<Task> {
  const none: FieldDef<Task> = { kind: 'int', get: () => null }
  const noList: FieldDef<Task> = { kind: 'int', get: () => [] }
  return {
    ...taskFields(store),
    PARENT_ID: none,
    STATUS_CHANGED_BY: { kind: 'int', get: (t) => t.createdBy },
    FORUM_TOPIC_ID: none,
    TAG: { kind: 'string', get: () => [] },
    MARK: { kind: 'string', get: () => null },
    SITE_ID: { kind: 'string', get: () => 's1' },
    ADD_IN_REPORT: { kind: 'flag', get: () => 'N' },
    DATE_START: { kind: 'date', get: () => null },
    CLOSED_DATE: { kind: 'date', get: (t) => (t.status === '5' ? t.changedDate : null) },
    ACCOMPLICE: noList,
    AUDITOR: noList,
    DEPENDS_ON: noList,
    UF_CRM_TASK: { kind: 'string', get: () => [] },
    // Every task here is a root task, so the flag narrows nothing.
    ONLY_ROOT_TASKS: { kind: 'flag', get: () => 'Y', test: () => true },
  }
}

/**
 * Valid `order` keys (CTasks::GetList lowercases them and throws on anything else). Keys without
 * data in the emulator (MARK, TIME_ESTIMATE, ...) are accepted and sort nothing.
 */
export const TASK_SORT_KEYS = new Set([
  'ID', 'TITLE', 'TIME_SPENT_IN_LOGS', 'DATE_START', 'CREATED_DATE', 'CHANGED_DATE', 'CLOSED_DATE', 'ACTIVITY_DATE',
  'START_DATE_PLAN', 'END_DATE_PLAN', 'DEADLINE', 'REAL_STATUS', 'STATUS', 'STATUS_COMPLETE', 'PRIORITY', 'MARK',
  'CREATED_BY', 'CREATED_BY_LAST_NAME', 'RESPONSIBLE_ID', 'RESPONSIBLE_LAST_NAME', 'GROUP_ID', 'TIME_ESTIMATE',
  'ALLOW_CHANGE_DEADLINE', 'ALLOW_TIME_TRACKING', 'MATCH_WORK_TIME', 'FAVORITE', 'SORTING', 'IS_PINNED', 'IS_PINNED_IN_GROUP',
])

/** Sort definitions: the table plus the sort-only keys that have data here. */
export function taskSortDefs(store: Store): FieldDefs<Task> {
  const lastName = (id: number): RawValue => store.user(id)?.lastName ?? null
  return {
    ...taskFields(store),
    STATUS_COMPLETE: { kind: 'int', get: (t) => (t.status === '5' ? 2 : 1) },
    CREATED_BY_LAST_NAME: { kind: 'string', get: (t) => lastName(t.createdBy) },
    RESPONSIBLE_LAST_NAME: { kind: 'string', get: (t) => lastName(t.responsibleId) },
  }
}

/** The `responsible` / `creator` objects that selecting RESPONSIBLE_ID / CREATED_BY adds. */
function memberView(user: User | undefined, id: number, origin: string) {
  return {
    id: String(id),
    name: user ? `${user.name} ${user.lastName}`.trim() : '',
    link: `/company/personal/user/${id}/`,
    // The tasks module's stock picture for users without a photo.
    icon: user?.photo ? absoluteUrl(origin, user.photo) : '/bitrix/images/tasks/default_avatar.png',
    workPosition: user?.workPosition ?? '',
  }
}

/** The selected output fields (UPPER) in table order; none or `*` means every field. ID always comes back. */
function selectedFields(select: Record<string, unknown>, fields: Record<string, TaskField>): string[] {
  const wanted = new Set(Object.values(select).filter((v): v is string => typeof v === 'string').map((v) => v.toUpperCase()))
  const all = wanted.size === 0 || wanted.has('*')
  const names = Object.keys(fields).filter((name) => fields[name]?.key && (all || name === 'ID' || wanted.has(name)))
  return all || wanted.has('TAGS') ? [...names, 'TAGS'] : names
}

/**
 * A printer for one call: each task as tasks.task.* prints it, strings or null, `[]` for PHP's
 * empty arrays. Related objects come after the plain fields, as in real responses.
 */
export function taskPrinter(store: Store, origin: string, select: Record<string, unknown> = {}): (task: Task) => Record<string, unknown> {
  const fields = taskFields(store)
  const selected = selectedFields(select, fields)
  const has = (name: string) => selected.includes(name)
  return (task) => {
    const view: Record<string, unknown> = {}
    for (const name of selected) {
      const field = fields[name]
      if (!field?.key) continue
      const raw = field.get(task)
      view[field.key] = raw === null ? null : field.kind === 'date' ? isoDate(Number(raw)) : String(raw)
      // There are no meta-statuses (overdue, unviewed) here, so subStatus = status.
      if (name === 'STATUS') view.subStatus = String(raw)
    }
    if (has('TAGS')) view.tags = []
    if (has('GROUP_ID')) {
      const group = task.groupId ? store.group(task.groupId) : undefined
      view.group = group
        ? { id: String(group.id), name: group.name, opened: group.opened, membersCount: group.members.size, image: absoluteUrl(origin, group.avatar), additionalData: [] }
        : []
    }
    if (has('CREATED_BY')) view.creator = memberView(store.user(task.createdBy), task.createdBy, origin)
    if (has('RESPONSIBLE_ID')) view.responsible = memberView(store.user(task.responsibleId), task.responsibleId, origin)
    return view
  }
}
