/** A row of `socialnetwork.api.workgroup.list`: camelCase keys, string values, null when empty. */
export interface WorkgroupAnswer {
  id: string
  name?: string | null
  avatar?: string | null
  imageId?: string | null
  numberOfMembers?: string | null
  scrumMasterId?: string | null
  ownerId?: string | null
  closed?: string | null
  project?: string | null
  type?: string | null
}

/** What kind of workgroup it is (`TYPE`); a scrum is recognised by its scrum master, whatever the type says. */
export type GroupKind = 'scrum' | 'project' | 'group'

export interface Group {
  id: number
  name: string
  /** An absolute URL, or '' when the group has no picture. */
  avatarUrl: string
  memberCount: number
  scrumMasterId: number
  isScrum: boolean
  kind: GroupKind
  isClosed: boolean
}

/** What the picker and the backlog screen select: never more than they show. */
export const GROUP_SELECT = ['ID', 'NAME', 'AVATAR', 'NUMBER_OF_MEMBERS', 'SCRUM_MASTER_ID', 'CLOSED', 'PROJECT', 'TYPE']

/** Scrums are the groups whose scrum master is set (the documented filter). */
export const SCRUM_FILTER = { '!SCRUM_MASTER_ID': false } as const

export function toGroup(row: WorkgroupAnswer, portalOrigin: string): Group {
  const scrumMasterId = Number(row.scrumMasterId ?? 0) || 0
  return {
    id: Number(row.id),
    name: row.name ?? `#${row.id}`,
    avatarUrl: row.avatar ? new URL(row.avatar, portalOrigin).toString() : '',
    memberCount: Number(row.numberOfMembers ?? 0) || 0,
    scrumMasterId,
    isScrum: scrumMasterId > 0,
    kind: scrumMasterId > 0 ? 'scrum' : row.type === 'project' || row.project === 'Y' ? 'project' : 'group',
    isClosed: row.closed === 'Y',
  }
}

/** `socialnetwork.api.workgroup.get`: UPPER_SNAKE keys, mixed ints and strings (digest §6.2). */
export interface WorkgroupDetailAnswer {
  ID: number | string
  NAME?: string | null
  AVATAR?: string | null
  NUMBER_OF_MEMBERS?: number | string | null
  SCRUM_MASTER_ID?: number | string | null
  SCRUM_SPRINT_DURATION?: number | string | null
  OWNER_ID?: number | string | null
  MODERATOR_MEMBERS?: (number | string)[] | null
  CLOSED?: string | null
  PROJECT?: string | null
  TYPE?: string | null
}

export interface GroupDetail extends Group {
  ownerId: number
  /** The owner and moderators: who may complete a sprint (with portal administrators). */
  moderatorIds: number[]
  /** The team's sprint length in days (SCRUM_SPRINT_DURATION is in seconds); two weeks when unset. */
  sprintDays: number
}

const DAY = 86_400

export function toGroupDetail(row: WorkgroupDetailAnswer, portalOrigin: string): GroupDetail {
  const group = toGroup(
    {
      id: String(row.ID),
      name: row.NAME ?? null,
      avatar: row.AVATAR ?? null,
      numberOfMembers: row.NUMBER_OF_MEMBERS === undefined || row.NUMBER_OF_MEMBERS === null ? null : String(row.NUMBER_OF_MEMBERS),
      scrumMasterId: row.SCRUM_MASTER_ID === undefined || row.SCRUM_MASTER_ID === null ? null : String(row.SCRUM_MASTER_ID),
      closed: row.CLOSED ?? null,
      project: row.PROJECT ?? null,
      type: row.TYPE ?? null,
    },
    portalOrigin,
  )
  const seconds = Number(row.SCRUM_SPRINT_DURATION ?? 0) || 0
  return {
    ...group,
    ownerId: Number(row.OWNER_ID ?? 0) || 0,
    moderatorIds: (row.MODERATOR_MEMBERS ?? []).map(Number),
    sprintDays: seconds >= DAY ? Math.round(seconds / DAY) : 14,
  }
}
