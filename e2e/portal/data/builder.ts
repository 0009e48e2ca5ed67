/**
 * A small helper that seeds use to write rows with sensible defaults and sequential ids.
 * Sequences of different tables start in different ranges on purpose: a group id passed where a
 * backlog id is expected (a classic bug, since backlog.get takes the group id) then fails loudly.
 */
import type { Epic, MemberRole, ScrumEntity, ScrumItem, SeedData, SprintStatus, Task, User, Workgroup } from './model'

export const DAY = 86_400_000
/** Seed "now": Monday 12 January 2026, 09:00 UTC. Seeds are deterministic, so no Date.now(). */
export const T0 = Date.UTC(2026, 0, 12, 9, 0, 0)

export interface GroupSpec {
  name: string
  ownerId: number
  scrumMasterId?: number
  members?: Record<number, MemberRole>
  description?: string
  visible?: boolean
  opened?: boolean
  closed?: boolean
  project?: boolean
  image?: boolean
  createdDaysAgo?: number
}

export interface TaskSpec {
  title: string
  responsibleId: number
  createdBy?: number
  status?: Task['status']
  priority?: Task['priority']
  description?: string
  createdDaysAgo?: number
  deadlineInDays?: number
}

export interface ItemSpec {
  storyPoints?: string
  epicId?: number
  createdBy?: number
}

export class SeedBuilder {
  private readonly data: Omit<SeedData, 'nextIds' | 'name'> = { users: [], groups: [], entities: [], tasks: [], items: [], epics: [] }
  private readonly next: SeedData['nextIds']
  private imageSeq = 501
  /** Items per backlog/sprint, so appending one is O(1) (a 10,000-item backlog is built in ms). */
  private readonly itemCounts = new Map<number, number>()

  constructor(start: SeedData['nextIds'] = { user: 1, group: 21, entity: 41, epic: 81, task: 201 }) {
    this.next = { ...start }
  }

  user(fields: Partial<User> & Pick<User, 'name' | 'lastName' | 'workPosition'>): number {
    const id = this.next.user++
    const login = `${fields.name}.${fields.lastName}`.toLowerCase().replace(/[^a-z.]/g, '')
    this.data.users.push({
      id,
      secondName: '',
      email: `${login && login !== '.' ? login : `user${id}`}@example.test`,
      photo: '',
      active: true,
      isAdmin: false,
      userType: 'employee',
      gender: '',
      departmentIds: [1],
      dateRegister: T0 - (400 - id) * DAY,
      lastLogin: T0 - (id % 7) * DAY,
      profile: {},
      birthday: null,
      employmentDate: null,
      online: false,
      ...fields,
    })
    return id
  }

  group(spec: GroupSpec): number {
    const id = this.next.group++
    const created = T0 - (spec.createdDaysAgo ?? 90) * DAY
    const members = new Map<number, MemberRole>(Object.entries(spec.members ?? {}).map(([k, v]) => [Number(k), v]))
    members.set(spec.ownerId, 'A')
    const scrumMasterId = spec.scrumMasterId ?? 0
    if (scrumMasterId && !members.has(scrumMasterId)) members.set(scrumMasterId, 'E')
    const imageId = spec.image ? this.imageSeq++ : null
    const group: Workgroup = {
      id,
      name: spec.name,
      description: spec.description ?? '',
      keywords: '',
      active: true,
      visible: spec.visible ?? true,
      opened: spec.opened ?? spec.visible ?? true,
      closed: spec.closed ?? false,
      project: spec.project ?? false,
      landing: false,
      ownerId: spec.ownerId,
      scrumMasterId,
      scrumOwnerId: scrumMasterId ? spec.ownerId : 0,
      scrumSprintDuration: scrumMasterId ? 14 * 86_400 : 0,
      scrumTaskResponsible: scrumMasterId ? 'A' : '',
      type: scrumMasterId ? 'scrum' : spec.project ? 'project' : 'group',
      subjectId: 1,
      siteId: 's1',
      initiatePerms: 'K',
      imageId,
      avatar: imageId ? `/avatars/group/${id}.svg` : '',
      avatarType: imageId ? null : ['folder', 'checks', 'pie', 'bag', 'members'][id % 5] ?? 'folder',
      dateCreate: created,
      dateUpdate: created + DAY,
      dateActivity: T0 - (id % 10) * DAY,
      projectDateStart: spec.project ? T0 - 30 * DAY : null,
      projectDateFinish: spec.project ? T0 + 60 * DAY : null,
      members,
    }
    this.data.groups.push(group)
    return id
  }

  backlog(groupId: number, createdBy: number, modifiedBy = createdBy): number {
    const id = this.next.entity++
    this.data.entities.push({
      id, groupId, entityType: 'backlog', name: '', goal: '', sort: 0, createdBy, modifiedBy, dateStart: null, dateEnd: null, status: '',
    })
    return id
  }

  sprint(groupId: number, fields: { name: string; status: SprintStatus; startDaysFromT0: number; goal?: string; createdBy: number; sort?: number }): number {
    const id = this.next.entity++
    const start = T0 + fields.startDaysFromT0 * DAY
    const sprint: ScrumEntity = {
      id,
      groupId,
      entityType: 'sprint',
      name: fields.name,
      goal: fields.goal ?? '',
      sort: fields.sort ?? this.data.entities.filter((e) => e.groupId === groupId && e.entityType === 'sprint').length + 1,
      createdBy: fields.createdBy,
      modifiedBy: fields.createdBy,
      dateStart: start,
      dateEnd: start + 14 * DAY,
      status: fields.status,
    }
    this.data.entities.push(sprint)
    return id
  }

  epic(groupId: number, fields: { name: string; color: string; createdBy: number; description?: string }): number {
    const id = this.next.epic++
    const epic: Epic = { id, groupId, name: fields.name, description: fields.description ?? '', color: fields.color, createdBy: fields.createdBy, modifiedBy: 0, files: [] }
    this.data.epics.push(epic)
    return id
  }

  /** A task in a group; with `entityId` it also gets a scrum item at the end of that backlog/sprint. */
  task(groupId: number, spec: TaskSpec, entityId?: number, item: ItemSpec = {}): number {
    const id = this.next.task++
    const created = T0 - (spec.createdDaysAgo ?? 20) * DAY
    const task: Task = {
      id,
      title: spec.title,
      description: spec.description ?? '',
      status: spec.status ?? '2',
      priority: spec.priority ?? '1',
      responsibleId: spec.responsibleId,
      createdBy: spec.createdBy ?? spec.responsibleId,
      groupId,
      createdDate: created,
      changedDate: created + DAY,
      deadline: spec.deadlineInDays === undefined ? null : T0 + spec.deadlineInDays * DAY,
    }
    this.data.tasks.push(task)
    if (entityId !== undefined) {
      const sort = (this.itemCounts.get(entityId) ?? 0) + 1
      this.itemCounts.set(entityId, sort)
      const scrumItem: ScrumItem = {
        taskId: id,
        entityId,
        storyPoints: item.storyPoints ?? '',
        epicId: item.epicId ?? 0,
        sort,
        createdBy: item.createdBy ?? task.createdBy,
        modifiedBy: item.createdBy ?? task.createdBy,
      }
      this.data.items.push(scrumItem)
    }
    return id
  }

  build(name: string): SeedData {
    return { name, ...this.data, nextIds: { ...this.next } }
  }
}
