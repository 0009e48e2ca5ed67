/**
 * Workgroup fields shared by socialnetwork.api.workgroup.* and sonet_group.*: one table of
 * UPPER_SNAKE names → raw values, used for filtering, ordering and output (digest §6).
 */
import type { Store, Workgroup } from '../data/model'
import type { FieldDefs } from '../rest/filter'

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

/** Groups the user may see in lists: visible ones plus their own (CHECK_PERMISSIONS). */
export function visibleGroups(store: Store, userId: number): Workgroup[] {
  return store.groupList().filter((g) => store.canSeeGroup(userId, g.id))
}
