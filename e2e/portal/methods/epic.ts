/**
 * tasks.api.scrum.epic.* (digest §4). Error texts are the method pages' (epic-add: `Group is not
 * found` — no groupId or no such group —, `Name is not found`), not the source copy's `Group id not
 * found` / `Name not found` (digest §13). Epics can only be seen and changed in groups whose tasks
 * the caller may read (members; admins everywhere).
 */
import type { Epic } from '../data/model'
import { engineError } from '../rest/errors'
import { bindArray, bindInt } from '../rest/params'
import { isPhpArray, phpInt } from '../rest/php'
import type { MethodContext, MethodTable } from '../rest/registry'
import { ormList, type OrmFields } from './ormList'

/** Colour of a new epic when none is given (the UI's first swatch). */
export const DEFAULT_EPIC_COLOR = '#69dafc'

export function epicView(e: Epic) {
  return { id: e.id, groupId: e.groupId, name: e.name, description: e.description, createdBy: e.createdBy, modifiedBy: e.modifiedBy, color: e.color }
}

/** The UF_SCRUM_EPIC_FILES user-field descriptor that epic.get adds; VALUE holds the attachment ids. */
function filesView(e: Epic) {
  return {
    ID: '136',
    ENTITY_ID: 'TASKS_SCRUM_EPIC',
    FIELD_NAME: 'UF_SCRUM_EPIC_FILES',
    USER_TYPE_ID: 'disk_file',
    XML_ID: null,
    SORT: '100',
    MULTIPLE: 'Y',
    MANDATORY: 'N',
    SHOW_FILTER: 'N',
    SHOW_IN_LIST: 'Y',
    EDIT_IN_LIST: 'Y',
    IS_SEARCHABLE: 'N',
    VALUE: [...e.files],
    ENTITY_VALUE_ID: e.id,
  }
}

const canRead = (ctx: MethodContext, groupId: number) => ctx.store.canReadGroup(ctx.user.id, groupId)

function userField(ctx: MethodContext, id: number, name: 'createdBy' | 'modifiedBy'): number {
  if (id !== 0 && !ctx.store.user(id)) throw engineError(`${name} user not found`)
  return id
}

/**
 * `files: ["n12", ...]` are disk file ids; ids without the `n` prefix are skipped silently [DOC+].
 * There is no disk here, so every well-formed id counts as an existing file.
 */
function fileIds(value: unknown): number[] {
  if (!isPhpArray(value)) return []
  return Object.values(value).flatMap((v) => {
    const m = typeof v === 'string' ? /^n(\d+)$/.exec(v) : null
    return m ? [Number(m[1])] : []
  })
}

function addAction(params: Record<string, unknown>, ctx: MethodContext) {
  const fields = bindArray(params, 'fields')
  const groupId = phpInt(fields.groupId ?? 0)
  if (!groupId || !ctx.store.group(groupId)) throw engineError('Group is not found')
  const name = typeof fields.name === 'string' ? fields.name : ''
  if (!name.trim()) throw engineError('Name is not found')
  if (!canRead(ctx, groupId)) throw engineError('Access denied')
  // createdBy defaults to the caller; modifiedBy stays 0 on a new epic.
  const createdBy = userField(ctx, Object.hasOwn(fields, 'createdBy') ? phpInt(fields.createdBy) : ctx.user.id, 'createdBy')
  const modifiedBy = userField(ctx, phpInt(fields.modifiedBy ?? 0), 'modifiedBy')
  const epic = ctx.store.addEpic({
    groupId,
    name,
    description: typeof fields.description === 'string' ? fields.description : '',
    color: typeof fields.color === 'string' && fields.color ? fields.color : DEFAULT_EPIC_COLOR,
    createdBy,
    modifiedBy,
    files: fileIds(fields.files),
  })
  return { result: epicView(epic) }
}

function findEpic(ctx: MethodContext, id: number): Epic {
  const epic = id ? ctx.store.epic(id) : undefined
  if (!epic) throw engineError('Epic not found')
  if (!canRead(ctx, epic.groupId)) throw engineError('Access denied')
  return epic
}

function updateAction(params: Record<string, unknown>, ctx: MethodContext) {
  const id = bindInt(params, 'id')
  const fields = bindArray(params, 'fields')
  const epic = findEpic(ctx, id)
  const changes: Partial<Omit<Epic, 'id'>> = {}
  const groupId = phpInt(fields.groupId ?? 0)
  if (groupId && groupId !== epic.groupId) {
    if (!canRead(ctx, groupId)) throw engineError('Access denied')
    changes.groupId = groupId
  }
  if (Object.hasOwn(fields, 'createdBy')) changes.createdBy = userField(ctx, phpInt(fields.createdBy), 'createdBy')
  // modifiedBy defaults to the caller here (unlike add).
  changes.modifiedBy = userField(ctx, Object.hasOwn(fields, 'modifiedBy') ? phpInt(fields.modifiedBy) : ctx.user.id, 'modifiedBy')
  // Strings only; anything else is left as it was. An empty name fails the ORM's required check.
  if (typeof fields.name === 'string') {
    if (!fields.name.trim()) throw engineError('Epic not updated')
    changes.name = fields.name
  }
  if (typeof fields.description === 'string') changes.description = fields.description
  if (typeof fields.color === 'string') changes.color = fields.color
  // New files are added to the attached ones; an empty array detaches all [DOC+].
  if (Object.hasOwn(fields, 'files')) {
    const added = fileIds(fields.files)
    changes.files = isPhpArray(fields.files) && Object.keys(fields.files).length === 0 ? [] : [...new Set([...epic.files, ...added])]
  }
  return { result: epicView(ctx.store.updateEpic(epic.id, changes)) }
}

/** UPPER_SNAKE names of epic.list (digest §4.4). */
const EPIC_FIELDS: OrmFields<Epic> = {
  ID: { key: 'id', kind: 'int', get: (e) => e.id, out: (e) => e.id, blank: 0 },
  GROUP_ID: { key: 'groupId', kind: 'int', get: (e) => e.groupId, out: (e) => e.groupId, blank: 0 },
  NAME: { key: 'name', kind: 'string', get: (e) => e.name, out: (e) => e.name, blank: '' },
  DESCRIPTION: { key: 'description', kind: 'string', get: (e) => e.description, out: (e) => e.description, blank: '' },
  CREATED_BY: { key: 'createdBy', kind: 'int', get: (e) => e.createdBy, out: (e) => e.createdBy, blank: 0 },
  MODIFIED_BY: { key: 'modifiedBy', kind: 'int', get: (e) => e.modifiedBy, out: (e) => e.modifiedBy, blank: 0 },
  COLOR: { key: 'color', kind: 'string', get: (e) => e.color, out: (e) => e.color, blank: '' },
}

function listAction(params: Record<string, unknown>, ctx: MethodContext) {
  // Only epics of groups the caller may read, whatever the filter says [DOC+].
  const epics = [...ctx.store.epics.values()].filter((e) => canRead(ctx, e.groupId))
  // A plain array: no total/next (digest §0.2).
  return { result: ormList(epics, params, EPIC_FIELDS, ctx.start) }
}

export const epicMethods: MethodTable = {
  'tasks.api.scrum.epic.add': { scope: 'task', handler: addAction },
  'tasks.api.scrum.epic.update': { scope: 'task', handler: updateAction },
  'tasks.api.scrum.epic.get': {
    scope: 'task',
    handler(params, ctx) {
      const epic = findEpic(ctx, bindInt(params, 'id'))
      return { result: { ...epicView(epic), files: filesView(epic) } }
    },
  },
  'tasks.api.scrum.epic.list': { scope: 'task', handler: listAction },
  'tasks.api.scrum.epic.delete': {
    scope: 'task',
    handler(params, ctx) {
      const epic = findEpic(ctx, bindInt(params, 'id'))
      // Tasks keep the dead epicId: detach with epicId 0 first [DOC+].
      ctx.store.deleteEpic(epic.id)
      return { result: [] }
    },
  },
  // No access check [DOC+].
  'tasks.api.scrum.epic.getfields': {
    scope: 'task',
    handler() {
      const int = { type: 'integer' }
      const str = { type: 'string' }
      return { result: { fields: { name: str, description: str, groupId: int, color: str, files: { type: 'array' }, createdBy: int, modifiedBy: int } } }
    },
  },
}
