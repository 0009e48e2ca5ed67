/**
 * Legacy sonet_group.get / .create / .delete (digest §6.3, §6.4; sonet-group-delete.md): UPPER keys
 * read case-insensitively, string values, and errors with an empty `error` code.
 */
import type { MemberRole, Workgroup } from '../data/model'
import { isoDate } from '../rest/envelope'
import { methodError } from '../rest/errors'
import { sortRows, toDateMs, type FieldDefs } from '../rest/filter'
import { arrayParam, paginate, upperKeys } from '../rest/params'
import { phpInt } from '../rest/php'
import type { MethodContext, MethodTable } from '../rest/registry'
import { absoluteUrl, groupFieldDefs, groupFilter, groupFilterDefs, visibleGroups } from './groups'

function legacyView(g: Workgroup, ctx: MethodContext): Record<string, unknown> {
  const flag = (b: boolean) => (b ? 'Y' : 'N')
  const view: Record<string, unknown> = {
    ID: String(g.id),
    SITE_ID: g.siteId,
    NAME: g.name,
    DESCRIPTION: g.description || null,
    DATE_CREATE: isoDate(g.dateCreate),
    DATE_UPDATE: isoDate(g.dateUpdate),
    ACTIVE: flag(g.active),
    VISIBLE: flag(g.visible),
    OPENED: flag(g.opened),
    CLOSED: flag(g.closed),
    SUBJECT_ID: String(g.subjectId),
    OWNER_ID: String(g.ownerId),
    KEYWORDS: g.keywords || null,
    NUMBER_OF_MEMBERS: String(g.members.size),
    DATE_ACTIVITY: isoDate(g.dateActivity),
    SUBJECT_NAME: 'Workgroups',
    PROJECT: flag(g.project),
    IS_EXTRANET: 'N',
  }
  // IMAGE only when the group has a picture.
  if (g.avatar) view.IMAGE = absoluteUrl(ctx.origin, g.avatar)
  return view
}

const yes = (v: unknown) => v === 'Y' || v === true

/** The operators the REST method lets through to CSocNetGroup::GetList (digest §6.3); others are dropped. */
const ALLOWED_OPERATIONS = new Set(['', '!', '<', '<=', '>', '>=', '><', '!><', '?', '=', '!=', '%', '!%'])

/**
 * The REST method's own filter check: everything before the first letter is the operation, and a
 * key whose operation is not allowed (`@ID`, `=%NAME`) is removed before the query, so it does not
 * narrow the list (the real method does the same). CHECK_PERMISSIONS cannot be sent.
 */
function checkGroupFilter(filter: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(filter)) {
    const [, operation = '', field = ''] = /^([^a-zA-Z]*)(.*)$/s.exec(key) ?? []
    if (!ALLOWED_OPERATIONS.has(operation) || field === 'CHECK_PERMISSIONS') continue
    out[key] = value
  }
  return out
}

/** The group columns plus IS_EXTRANET, which sonet_group.get documents as a filter (no extranet groups here). */
function legacyFilterDefs(ctx: MethodContext): FieldDefs<Workgroup> {
  return { ...groupFilterDefs(ctx.store), IS_EXTRANET: { kind: 'flag', get: () => 'N' } }
}

function getAction(raw: Record<string, unknown>, ctx: MethodContext) {
  const params = upperKeys(raw)
  const defs = groupFieldDefs(ctx.store, ctx.origin)
  const filter = checkGroupFilter(upperKeys(arrayParam(params.FILTER)))
  if (params.GROUP_ID !== undefined) filter.ID = params.GROUP_ID
  const order = Object.keys(arrayParam(params.ORDER)).length ? arrayParam(params.ORDER) : { ID: 'DESC' }
  const asAdmin = yes(params.IS_ADMIN) && ctx.user.isAdmin
  const candidates = asAdmin ? ctx.store.groupList() : visibleGroups(ctx.store, ctx.user.id)
  const page = paginate(sortRows(candidates.filter(groupFilter(legacyFilterDefs(ctx), filter, ctx.quirks)), order, defs), ctx.start)
  return { result: page.rows.map((g) => legacyView(g, ctx)), total: page.total, next: page.next }
}

function createAction(raw: Record<string, unknown>, ctx: MethodContext) {
  const params = upperKeys(raw)
  const name = typeof params.NAME === 'string' ? params.NAME.trim() : ''
  if (!name) throw methodError('', 'Incorrect input data')
  // Extranet users cannot create groups (the portal's default permission set).
  if (ctx.user.userType !== 'employee') throw methodError('', 'You have no permissions to create a group')
  const yn = (v: unknown, fallback: boolean) => (v === undefined ? fallback : yes(v))
  // OWNER_ID is honoured for admins only.
  const ownerId = ctx.user.isAdmin && phpInt(params.OWNER_ID ?? 0) ? phpInt(params.OWNER_ID) : ctx.user.id
  if (!ctx.store.user(ownerId)) throw methodError('', 'Cannot create group')
  // A scrum master who is not a user cannot be saved [INF]: the group is not created.
  const scrumMasterId = phpInt(params.SCRUM_MASTER_ID ?? 0)
  if (scrumMasterId && !ctx.store.user(scrumMasterId)) throw methodError('', 'Cannot create group')
  const project = yn(params.PROJECT, false)
  const now = Date.now()
  const members = new Map<number, MemberRole>([[ownerId, 'A']])
  if (scrumMasterId && scrumMasterId !== ownerId) members.set(scrumMasterId, 'E')
  const group = ctx.store.addGroup({
    name,
    description: typeof params.DESCRIPTION === 'string' ? params.DESCRIPTION : '',
    keywords: typeof params.KEYWORDS === 'string' ? params.KEYWORDS : '',
    active: true,
    visible: yn(params.VISIBLE, true),
    opened: yn(params.OPENED, false),
    closed: yn(params.CLOSED, false),
    project,
    landing: false,
    ownerId,
    scrumMasterId,
    scrumOwnerId: scrumMasterId ? ownerId : 0,
    scrumSprintDuration: scrumMasterId ? 14 * 86_400 : 0,
    scrumTaskResponsible: scrumMasterId ? 'A' : '',
    type: scrumMasterId ? 'scrum' : project ? 'project' : 'group',
    subjectId: phpInt(params.SUBJECT_ID ?? 1) || 1,
    siteId: 's1',
    initiatePerms: params.INITIATE_PERMS === 'A' || params.INITIATE_PERMS === 'E' ? params.INITIATE_PERMS : 'K',
    imageId: null,
    avatar: '',
    avatarType: 'folder',
    dateCreate: now,
    dateUpdate: now,
    dateActivity: now,
    // ISO 8601 (sonet-group-create.md); anything else is left empty.
    projectDateStart: toDateMs(params.PROJECT_DATE_START),
    projectDateFinish: toDateMs(params.PROJECT_DATE_FINISH),
    members,
  })
  // No backlog here: the real portal creates it when someone opens the Planning page (digest §1).
  return { result: group.id }
}

/**
 * `{GROUP_ID}` → `true` (sonet-group-delete.md). Errors, code "": `Wrong group ID` (missing or not
 * positive) → `Socialnetwork group not found` → `User has no permissions to delete group` (only an
 * admin or the owner) → `Cannot delete group`: the tasks module vetoes deleting a group that still
 * has tasks [INF from its OnBeforeSocNetGroupDelete handler]. The group's backlog, sprints and epics
 * go with it.
 */
function deleteAction(raw: Record<string, unknown>, ctx: MethodContext) {
  const params = upperKeys(raw)
  const groupId = phpInt(params.GROUP_ID ?? 0)
  if (groupId <= 0) throw methodError('', 'Wrong group ID')
  const group = ctx.store.group(groupId)
  if (!group) throw methodError('', 'Socialnetwork group not found')
  if (!ctx.user.isAdmin && group.ownerId !== ctx.user.id) throw methodError('', 'User has no permissions to delete group')
  if (ctx.store.tasksInGroup(groupId).length) throw methodError('', 'Cannot delete group')
  ctx.store.deleteGroup(groupId)
  return { result: true }
}

export const sonetGroupMethods: MethodTable = {
  'sonet_group.get': { scope: 'sonet_group', handler: getAction },
  'sonet_group.create': { scope: 'sonet_group', handler: createAction },
  'sonet_group.delete': { scope: 'sonet_group', handler: deleteAction },
}
