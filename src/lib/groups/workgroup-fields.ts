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
