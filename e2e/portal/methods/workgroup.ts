/**
 * socialnetwork.api.workgroup.list / .get (digest §6.1, §6.2): the group picker's data source.
 * list speaks camelCase with string values; get speaks UPPER_SNAKE with mixed types.
 */
import type { Workgroup } from '../data/model'
import { isoDate, portalDate } from '../rest/envelope'
import { methodError } from '../rest/errors'
import { sortRows, type FieldKind, type RawValue } from '../rest/filter'
import { arrayParam, bindOptionalArray, paginate } from '../rest/params'
import { phpInt } from '../rest/php'
import type { MethodContext, MethodTable } from '../rest/registry'
import { absoluteUrl, groupFieldDefs, groupFilter, groupFilterDefs, moderatorCount, visibleGroups } from './groups'

/** The select allow-list of workgroup.list (digest §6.1); anything else is dropped silently. */
const LIST_SELECTABLE = new Set([
  'ID', 'ACTIVE', 'SUBJECT_ID', 'NAME', 'DESCRIPTION', 'KEYWORDS', 'CLOSED', 'VISIBLE', 'OPENED', 'PROJECT', 'LANDING',
  'DATE_CREATE', 'DATE_UPDATE', 'DATE_ACTIVITY', 'IMAGE_ID', 'AVATAR_TYPE', 'OWNER_ID', 'NUMBER_OF_MEMBERS',
  'NUMBER_OF_MODERATORS', 'INITIATE_PERMS', 'PROJECT_DATE_START', 'PROJECT_DATE_FINISH', 'SCRUM_OWNER_ID',
  'SCRUM_MASTER_ID', 'SCRUM_SPRINT_DURATION', 'SCRUM_TASK_RESPONSIBLE', 'TYPE', 'AVATAR',
])

/** `NUMBER_OF_MEMBERS` → `numberOfMembers` (the controller's convertKeysToCamelCase). */
export function toCamel(key: string): string {
  return key.toLowerCase().replace(/_([a-z0-9])/g, (_, ch: string) => ch.toUpperCase())
}

/** `ID` first and always; unknown names dropped; `AVATAR` pulls in `IMAGE_ID` and `AVATAR_TYPE`. */
function selectedFields(select: Record<string, unknown>): string[] {
  const out = ['ID']
  const add = (name: string) => {
    if (LIST_SELECTABLE.has(name) && !out.includes(name)) out.push(name)
  }
  for (const value of Object.values(select)) {
    if (typeof value !== 'string') continue
    add(value)
    if (value === 'AVATAR') {
      add('IMAGE_ID')
      add('AVATAR_TYPE')
    }
  }
  return out
}

/** workgroup.list values are strings (ids and counters too), ISO dates, or null. */
function listValue(kind: FieldKind, raw: RawValue | readonly RawValue[]): string | null {
  const value = Array.isArray(raw) ? ((raw[0] as RawValue | undefined) ?? null) : (raw as RawValue)
  if (value === null) return null
  if (kind === 'date') return isoDate(Number(value))
  return String(value)
}

function listAction(params: Record<string, unknown>, ctx: MethodContext) {
  const filter = bindOptionalArray(params, 'filter')
  const select = bindOptionalArray(params, 'select')
  const order = bindOptionalArray(params, 'order')
  const options = bindOptionalArray(params, 'params')
  const defs = groupFieldDefs(ctx.store, ctx.origin)
  // IS_ADMIN=Y lifts the permission check, but only for portal admins (digest §6.1).
  const asAdmin = options.IS_ADMIN === 'Y' && ctx.user.isAdmin
  const candidates = asAdmin ? ctx.store.groupList() : visibleGroups(ctx.store, ctx.user.id)
  // The filter goes to CSocNetGroup::GetList as it is (digest §6.1); unknown keys are skipped there.
  const rows = sortRows(candidates.filter(groupFilter(groupFilterDefs(ctx.store), filter, ctx.quirks)), order, defs)
  const page = paginate(rows, ctx.start)
  const fields = selectedFields(select)
  const workgroups = page.rows.map((g) => {
    const row: Record<string, string | null> = {}
    for (const name of fields) {
      const def = defs[name]
      if (def) row[toCamel(name)] = listValue(def.kind, def.get(g))
    }
    return row
  })
  return { result: { workgroups }, total: page.total, next: page.next }
}

/** workgroup.get: UPPER_SNAKE, ints for ids/counters, portal-format dates (digest §6.2). */
function getView(g: Workgroup, ctx: MethodContext, extras: string[]): Record<string, unknown> {
  const { store } = ctx
  const members = store.memberIds(g.id)
  const moderators = store.memberIds(g.id, ['A', 'E'])
  const date = (ms: number | null) => (ms === null ? null : portalDate(ms))
  const flag = (b: boolean) => (b ? 'Y' : 'N')
  const view: Record<string, unknown> = {
    ID: g.id,
    ACTIVE: flag(g.active),
    SITE_ID: g.siteId,
    SUBJECT_ID: String(g.subjectId),
    NAME: g.name,
    DESCRIPTION: g.description,
    KEYWORDS: g.keywords,
    CLOSED: flag(g.closed),
    VISIBLE: flag(g.visible),
    OPENED: flag(g.opened),
    DATE_CREATE: date(g.dateCreate),
    DATE_UPDATE: date(g.dateUpdate),
    DATE_ACTIVITY: date(g.dateActivity),
    IMAGE_ID: g.imageId === null ? null : String(g.imageId),
    AVATAR_TYPE: g.avatarType,
    OWNER_ID: String(g.ownerId),
    INITIATE_PERMS: g.initiatePerms,
    NUMBER_OF_MEMBERS: members.length,
    NUMBER_OF_MODERATORS: moderatorCount(store, g),
    PROJECT: flag(g.project),
    PROJECT_DATE_START: date(g.projectDateStart),
    PROJECT_DATE_FINISH: date(g.projectDateFinish),
    SEARCH_INDEX: `${g.name} ${g.description}`.trim(),
    LANDING: flag(g.landing),
    SCRUM_OWNER_ID: g.scrumOwnerId,
    SCRUM_MASTER_ID: g.scrumMasterId,
    SCRUM_SPRINT_DURATION: g.scrumSprintDuration,
    SCRUM_TASK_RESPONSIBLE: g.scrumTaskResponsible,
    TYPE: g.type,
    MEMBERS: members,
    CHAT_ID: 1000 + g.id,
    DIALOG_ID: `chat${1000 + g.id}`,
    ORDINARY_MEMBERS: store.memberIds(g.id, ['K']),
    INVITED_MEMBERS: [],
    MODERATOR_MEMBERS: moderators,
    SITE_IDS: [g.siteId],
    // Loc::getPluralForm for English: 0 for one, 1 otherwise.
    NUMBER_OF_MEMBERS_PLURAL: members.length === 1 ? 0 : 1,
  }
  if (extras.includes('AVATAR')) view.AVATAR = absoluteUrl(ctx.origin, g.avatar)
  if (extras.includes('PRIVACY_TYPE')) view.PRIVACY_TYPE = !g.visible ? 'secret' : g.opened ? 'open' : 'closed'
  if (extras.includes('OWNER_DATA')) {
    const owner = store.user(g.ownerId)
    view.OWNER_DATA = owner
      ? { ID: String(owner.id), NAME: owner.name, LAST_NAME: owner.lastName, PHOTO: absoluteUrl(ctx.origin, owner.photo), WORK_POSITION: owner.workPosition }
      : null
  }
  if (extras.includes('LIST_OF_MEMBERS')) {
    view.LIST_OF_MEMBERS = [...g.members].map(([id, role]) => ({ id, isOwner: role === 'A', isModerator: role === 'E', isScrumMaster: id === g.scrumMasterId }))
  }
  return view
}

function getAction(params: Record<string, unknown>, ctx: MethodContext) {
  const options = bindOptionalArray(params, 'params')
  const groupId = phpInt(options.groupId ?? 0)
  if (groupId <= 0) throw methodError('SONET_CONTROLLER_WORKGROUP_EMPTY', 'No value for the workgroup ID was provided.')
  const group = ctx.store.group(groupId)
  // Admins see any group; others the visible ones and their own. No access looks like "not found".
  if (!group || !(ctx.user.isAdmin || ctx.store.canSeeGroup(ctx.user.id, groupId))) {
    throw methodError('SONET_CONTROLLER_WORKGROUP_NOT_FOUND', 'Workgroup not found.')
  }
  const extras = Object.values(arrayParam(options.select)).filter((s): s is string => typeof s === 'string')
  return { result: getView(group, ctx, extras) }
}

export const workgroupMethods: MethodTable = {
  'socialnetwork.api.workgroup.list': { scope: 'sonet_group', handler: listAction },
  'socialnetwork.api.workgroup.get': { scope: 'sonet_group', handler: getAction },
}
