/**
 * Workgroup fields shared by socialnetwork.api.workgroup.* and sonet_group.*: one table of
 * UPPER_SNAKE names → raw values, used for filtering, ordering and output (digest §6).
 */
import type { Store, Workgroup } from '../data/model'
import type { Quirks } from '../quirks'
import { compileFilter, CSQL_UTIL, type FieldDefs } from '../rest/filter'

const flag = (b: boolean) => (b ? 'Y' : 'N')
const orNull = (n: number) => (n ? n : null)

/** Absolute URL of a portal-relative path ('' stays ''). */
export function absoluteUrl(origin: string, path: string): string {
  return path ? `${origin}${path}` : ''
}

export function moderatorCount(store: Store, group: Workgroup): number {
  return store.memberIds(group.id, ['A', 'E']).length
}

export function groupFieldDefs(store: Store, origin: string): FieldDefs<Workgroup> {
  return {
    ID: { kind: 'int', get: (g) => g.id },
    ACTIVE: { kind: 'flag', get: (g) => flag(g.active) },
    SITE_ID: { kind: 'string', get: (g) => g.siteId },
    SUBJECT_ID: { kind: 'int', get: (g) => g.subjectId },
    NAME: { kind: 'string', get: (g) => g.name },
    DESCRIPTION: { kind: 'string', get: (g) => g.description },
    KEYWORDS: { kind: 'string', get: (g) => g.keywords },
    CLOSED: { kind: 'flag', get: (g) => flag(g.closed) },
    VISIBLE: { kind: 'flag', get: (g) => flag(g.visible) },
    OPENED: { kind: 'flag', get: (g) => flag(g.opened) },
    PROJECT: { kind: 'flag', get: (g) => flag(g.project) },
    LANDING: { kind: 'flag', get: (g) => flag(g.landing) },
    IS_EXTRANET: { kind: 'flag', get: () => 'N' },
    DATE_CREATE: { kind: 'date', get: (g) => g.dateCreate },
    DATE_UPDATE: { kind: 'date', get: (g) => g.dateUpdate },
    DATE_ACTIVITY: { kind: 'date', get: (g) => g.dateActivity },
    IMAGE_ID: { kind: 'int', get: (g) => g.imageId },
    AVATAR_TYPE: { kind: 'string', get: (g) => g.avatarType },
    OWNER_ID: { kind: 'int', get: (g) => g.ownerId },
    NUMBER_OF_MEMBERS: { kind: 'int', get: (g) => g.members.size },
    NUMBER_OF_MODERATORS: { kind: 'int', get: (g) => moderatorCount(store, g) },
    INITIATE_PERMS: { kind: 'string', get: (g) => g.initiatePerms },
    PROJECT_DATE_START: { kind: 'date', get: (g) => g.projectDateStart },
    PROJECT_DATE_FINISH: { kind: 'date', get: (g) => g.projectDateFinish },
    // Non-scrum groups have NULL in the scrum columns of b_sonet_group.
    SCRUM_OWNER_ID: { kind: 'int', get: (g) => orNull(g.scrumOwnerId) },
    SCRUM_MASTER_ID: { kind: 'int', get: (g) => orNull(g.scrumMasterId) },
    SCRUM_SPRINT_DURATION: { kind: 'int', get: (g) => orNull(g.scrumSprintDuration) },
    SCRUM_TASK_RESPONSIBLE: { kind: 'string', get: (g) => g.scrumTaskResponsible || null },
    TYPE: { kind: 'string', get: (g) => g.type },
    AVATAR: { kind: 'string', get: (g) => absoluteUrl(origin, g.avatar) },
  }
}

/**
 * The columns `CSocNetGroup::GetList` filters on (its `$arFields`, plus TYPE, which newer portals
 * have): what a group filter can use in socialnetwork.api.workgroup.list and sonet_group.get.
 * AVATAR, IS_EXTRANET and the like are not among them: the engine skips them.
 */
export function groupFilterDefs(store: Store): FieldDefs<Workgroup> {
  const owner = (g: Workgroup) => store.user(g.ownerId)
  const login = (g: Workgroup) => (owner(g)?.email ?? '').split('@')[0] ?? ''
  const all = groupFieldDefs(store, '')
  const pick = (names: string[]) => Object.fromEntries(names.map((n) => [n, all[n] as FieldDefs<Workgroup>[string]]))
  return {
    ...pick([
      'ID', 'NAME', 'DESCRIPTION', 'DATE_CREATE', 'DATE_UPDATE', 'DATE_ACTIVITY', 'ACTIVE', 'VISIBLE', 'OPENED', 'CLOSED', 'SUBJECT_ID',
      'OWNER_ID', 'KEYWORDS', 'IMAGE_ID', 'NUMBER_OF_MEMBERS', 'NUMBER_OF_MODERATORS', 'INITIATE_PERMS', 'PROJECT',
      'PROJECT_DATE_START', 'PROJECT_DATE_FINISH', 'LANDING', 'SCRUM_OWNER_ID', 'SCRUM_MASTER_ID', 'SCRUM_SPRINT_DURATION',
      'SCRUM_TASK_RESPONSIBLE', 'AVATAR_TYPE', 'SITE_ID', 'TYPE',
    ]),
    SPAM_PERMS: { kind: 'string', get: () => 'K' },
    SUBJECT_NAME: { kind: 'string', get: () => 'Workgroups' },
    OWNER_NAME: { kind: 'string', get: (g) => owner(g)?.name ?? null },
    OWNER_LAST_NAME: { kind: 'string', get: (g) => owner(g)?.lastName ?? null },
    OWNER_LOGIN: { kind: 'string', get: login },
    OWNER_EMAIL: { kind: 'string', get: (g) => owner(g)?.email ?? null },
    // A WHERE-only field over login, name, last name and e-mail together.
    OWNER_USER: { kind: 'string', get: (g) => [login(g), owner(g)?.name, owner(g)?.lastName, owner(g)?.email].join(' ') },
  }
}

/**
 * A group filter as `CSocNetGroup::GetList` applies it (CSqlUtil, rest/filter.ts): a key whose
 * field it does not know is skipped, as the engine skips it, so it neither narrows nor fails the
 * list. With the quirk `scrumMasterFilter: 'ignored'` (quirks.ts) SCRUM_MASTER_ID is such a field:
 * `{"!SCRUM_MASTER_ID": false}` then lets non-scrum groups through, and `total` counts them.
 */
export function groupFilter(defs: FieldDefs<Workgroup>, filter: Record<string, unknown>, quirks: Readonly<Quirks>): (g: Workgroup) => boolean {
  const compiled = compileFilter(filter, defs, CSQL_UTIL, (cond) => {
    if (cond.field === 'SCRUM_MASTER_ID' && quirks.scrumMasterFilter === 'ignored') return undefined
    return Object.hasOwn(defs, cond.field) ? defs[cond.field] : undefined
  })
  return (g) => compiled.test(g)
}

/** Groups the user may see in lists: visible ones plus their own (CHECK_PERMISSIONS). */
export function visibleGroups(store: Store, userId: number): Workgroup[] {
  return store.groupList().filter((g) => store.canSeeGroup(userId, g.id))
}
