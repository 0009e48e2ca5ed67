/**
 * The in-memory portal: users, workgroups, the scrum entity table (backlogs + sprints), tasks,
 * scrum items and epics. Methods read and write it only through this module so that the
 * invariants of the real portal (digest §1) live in one place.
 *
 * Dates are epoch milliseconds; each REST family formats them its own way.
 */

export type MemberRole = 'A' | 'E' | 'K' // owner | moderator | member
export type GroupType = 'group' | 'project' | 'scrum'
export type EntityType = 'backlog' | 'sprint'
export type SprintStatus = 'planned' | 'active' | 'completed'
/**
 * Task status codes as tasks.task.* sends them: 2 pending, 3 in progress, 4 awaiting control,
 * 5 completed, 6 deferred, 7 declined (1 "new" is stored as 2 by the tasks module).
 */
export type TaskStatus = '2' | '3' | '4' | '5' | '6' | '7'

export interface User {
  id: number
  name: string
  lastName: string
  secondName: string
  email: string
  workPosition: string
  /** Portal-relative path of the photo, or '' (outputs turn it into an absolute URL). */
  photo: string
  active: boolean
  isAdmin: boolean
  userType: 'employee' | 'extranet'
  gender: 'M' | 'F' | ''
  departmentIds: number[]
  dateRegister: number
  lastLogin: number
  /**
   * The other text fields of user.add / user.get by their UPPER name (PERSONAL_CITY, WORK_PHONE,
   * UF_PHONE_INNER…); a field that is not here is empty.
   */
  profile: Readonly<Record<string, string>>
  birthday: number | null
  /** UF_EMPLOYMENT_DATE. */
  employmentDate: number | null
  online: boolean
}

export interface Workgroup {
  id: number
  name: string
  description: string
  keywords: string
  active: boolean
  visible: boolean
  opened: boolean
  closed: boolean
  project: boolean
  landing: boolean
  ownerId: number
  /** 0 = not a scrum; a group is a scrum iff this is set (digest §1). */
  scrumMasterId: number
  scrumOwnerId: number
  scrumSprintDuration: number
  scrumTaskResponsible: 'A' | 'M' | ''
  type: GroupType
  subjectId: number
  siteId: string
  initiatePerms: 'A' | 'E' | 'K'
  imageId: number | null
  /** Portal-relative path of the avatar picture, or ''. */
  avatar: string
  /** Stock avatar kind for groups without an uploaded picture. */
  avatarType: string | null
  dateCreate: number
  dateUpdate: number
  dateActivity: number
  projectDateStart: number | null
  projectDateFinish: number | null
  members: Map<number, MemberRole>
}

/** Backlogs and sprints are rows of one table with one id sequence (digest §1). */
export interface ScrumEntity {
  id: number
  groupId: number
  entityType: EntityType
  name: string
  goal: string
  sort: number
  createdBy: number
  modifiedBy: number
  dateStart: number | null
  dateEnd: number | null
  /** Backlogs carry '' — the status only means something for sprints. */
  status: SprintStatus | ''
}

export interface Task {
  id: number
  title: string
  description: string
  status: TaskStatus
  priority: '0' | '1' | '2'
  responsibleId: number
  createdBy: number
  groupId: number
  createdDate: number
  changedDate: number
  deadline: number | null
}

/** The scrum side of a task, keyed by task id (b_tasks_scrum_item). */
export interface ScrumItem {
  taskId: number
  entityId: number
  /** Always a string; may be non-numeric ("XL") or '' (not estimated). */
  storyPoints: string
  epicId: number
  sort: number
  createdBy: number
  modifiedBy: number
}

export interface Epic {
  id: number
  groupId: number
  name: string
  description: string
  color: string
  createdBy: number
  modifiedBy: number
  files: number[]
}

/** A widget the app registered with placement.bind (installation state, like app options). */
export interface PlacementBinding {
  placement: string
  handler: string
  title: string
  description: string
  langAll: Record<string, { TITLE?: string; DESCRIPTION?: string }>
}

export interface SeedData {
  name: string
  users: User[]
  groups: Workgroup[]
  entities: ScrumEntity[]
  tasks: Task[]
  items: ScrumItem[]
  epics: Epic[]
  /** First ids handed out at runtime, so new rows never reuse seeded ids. */
  nextIds: { user: number; group: number; entity: number; task: number; epic: number }
}

/** What GET /control/store answers: the store as JSON, members as `{userId: role}`. */
export interface StoreDump {
  seed: string
  nextIds: SeedData['nextIds']
  users: User[]
  groups: Array<Omit<Workgroup, 'members'> & { members: Record<number, MemberRole> }>
  entities: ScrumEntity[]
  tasks: Task[]
  items: ScrumItem[]
  epics: Epic[]
  appOptions: Record<string, unknown>
  userOptions: Record<number, Record<string, unknown>>
}

type Sequence = keyof SeedData['nextIds']

/** Thrown when a caller breaks an invariant; methods check first, so this means a bug. */
export class StoreInvariantError extends Error {}

export class Store {
  readonly users = new Map<number, User>()
  readonly groups = new Map<number, Workgroup>()
  readonly entities = new Map<number, ScrumEntity>()
  readonly tasks = new Map<number, Task>()
  /** Keyed by task id. */
  readonly items = new Map<number, ScrumItem>()
  readonly epics = new Map<number, Epic>()
  /** Portal-wide app options (BX24 appOption) and per-user ones (userOption). */
  appOptions: Record<string, unknown> = {}
  readonly userOptions = new Map<number, Record<string, unknown>>()
  /** The app's widgets (placement.bind); the portal shows a workgroup tab only when one is bound. */
  placements: PlacementBinding[] = []
  seedName = ''
  private next: SeedData['nextIds'] = { user: 1, group: 1, entity: 1, task: 1, epic: 1 }

  constructor(seed: SeedData) {
    this.load(seed)
  }

  /** Replace the whole content in place, so everyone holding this store sees the new data. */
  load(seed: SeedData): void {
    for (const table of [this.users, this.groups, this.entities, this.tasks, this.items, this.epics]) table.clear()
    this.userOptions.clear()
    this.appOptions = {}
    this.placements = []
    for (const u of seed.users) this.users.set(u.id, structuredClone(u))
    for (const g of seed.groups) this.groups.set(g.id, { ...structuredClone(g), members: new Map(g.members) })
    for (const e of seed.entities) this.entities.set(e.id, { ...e })
    for (const t of seed.tasks) this.tasks.set(t.id, { ...t })
    for (const i of seed.items) this.items.set(i.taskId, { ...i })
    for (const e of seed.epics) this.epics.set(e.id, structuredClone(e))
    this.next = { ...seed.nextIds }
    this.seedName = seed.name
  }

  /** The ids the next rows will get (a SeedBuilder started here builds rows `append` can take). */
  nextIds(): SeedData['nextIds'] {
    return { ...this.next }
  }

  /**
   * Add generated rows to the current content (ids from `nextIds()`, as a SeedBuilder hands them
   * out) and move the sequences past them. Seeded ids are never reused.
   */
  append(rows: Omit<SeedData, 'name'>): void {
    const taken = (rowIds: number[], seq: Sequence) => rowIds.some((id) => id < this.next[seq] || id >= rows.nextIds[seq])
    if (
      taken(rows.users.map((r) => r.id), 'user') || taken(rows.groups.map((r) => r.id), 'group') ||
      taken(rows.entities.map((r) => r.id), 'entity') || taken(rows.tasks.map((r) => r.id), 'task') || taken(rows.epics.map((r) => r.id), 'epic')
    ) {
      throw new StoreInvariantError('appended rows must take ids from nextIds() on')
    }
    for (const u of rows.users) this.users.set(u.id, structuredClone(u))
    for (const g of rows.groups) this.groups.set(g.id, { ...g, members: new Map(g.members) })
    for (const e of rows.entities) this.entities.set(e.id, { ...e })
    for (const t of rows.tasks) this.tasks.set(t.id, { ...t })
    for (const i of rows.items) this.items.set(i.taskId, { ...i })
    for (const e of rows.epics) this.epics.set(e.id, structuredClone(e))
    this.next = { ...rows.nextIds }
  }

  private take(seq: Sequence): number {
    const id = this.next[seq]
    this.next[seq] = id + 1
    return id
  }

  // ---- users --------------------------------------------------------------------------------

  user(id: number): User | undefined {
    return this.users.get(id)
  }

  /** Users sorted by id, as user.get returns them by default. */
  userList(): User[] {
    return [...this.users.values()].sort((a, b) => a.id - b.id)
  }

  // ---- groups -------------------------------------------------------------------------------

  group(id: number): Workgroup | undefined {
    return this.groups.get(id)
  }

  groupList(): Workgroup[] {
    return [...this.groups.values()].sort((a, b) => a.id - b.id)
  }

  isMember(userId: number, groupId: number): boolean {
    return this.groups.get(groupId)?.members.has(userId) ?? false
  }

  memberIds(groupId: number, roles: readonly MemberRole[] = ['A', 'E', 'K']): number[] {
    const group = this.groups.get(groupId)
    if (!group) return []
    return [...group.members].filter(([, role]) => roles.includes(role)).map(([id]) => id).sort((a, b) => a - b)
  }

  /** `Group::canReadGroupTasks`: a member of the group, or a portal admin (digest §1). */
  canReadGroup(userId: number, groupId: number): boolean {
    if (!this.groups.has(groupId)) return false
    return this.users.get(userId)?.isAdmin === true || this.isMember(userId, groupId)
  }

  /** The CHECK_PERMISSIONS rule of group lists: visible groups plus the user's own (digest §6.1). */
  canSeeGroup(userId: number, groupId: number): boolean {
    const group = this.groups.get(groupId)
    if (!group) return false
    return group.visible || group.members.has(userId)
  }

  addGroup(fields: Omit<Workgroup, 'id'>): Workgroup {
    const group: Workgroup = { ...fields, id: this.take('group') }
    this.groups.set(group.id, group)
    return group
  }

  /** Delete a group with its backlog, sprints and epics. Its tasks must be gone first (sonet_group.delete). */
  deleteGroup(id: number): void {
    if (this.tasksInGroup(id).length) throw new StoreInvariantError(`group ${id} still has tasks`)
    for (const e of [...this.entities.values()]) if (e.groupId === id) this.entities.delete(e.id)
    for (const e of [...this.epics.values()]) if (e.groupId === id) this.epics.delete(e.id)
    this.groups.delete(id)
  }

  // ---- backlogs and sprints -----------------------------------------------------------------

  entity(id: number): ScrumEntity | undefined {
    return this.entities.get(id)
  }

  backlogOf(groupId: number): ScrumEntity | undefined {
    for (const e of this.entities.values()) if (e.groupId === groupId && e.entityType === 'backlog') return e
    return undefined
  }

  sprintsOf(groupId: number): ScrumEntity[] {
    return [...this.entities.values()]
      .filter((e) => e.groupId === groupId && e.entityType === 'sprint')
      .sort((a, b) => a.sort - b.sort || a.id - b.id)
  }

  /** Scrum items of a backlog or sprint, in their `sort` order. */
  itemsIn(entityId: number): ScrumItem[] {
    return [...this.items.values()].filter((i) => i.entityId === entityId).sort((a, b) => a.sort - b.sort || a.taskId - b.taskId)
  }

  hasItems(entityId: number): boolean {
    for (const i of this.items.values()) if (i.entityId === entityId) return true
    return false
  }

  addBacklog(fields: { groupId: number; createdBy: number; modifiedBy: number }): ScrumEntity {
    if (this.backlogOf(fields.groupId)) throw new StoreInvariantError(`group ${fields.groupId} already has a backlog`)
    const backlog: ScrumEntity = {
      id: this.take('entity'),
      groupId: fields.groupId,
      entityType: 'backlog',
      name: '',
      goal: '',
      sort: 0,
      createdBy: fields.createdBy,
      modifiedBy: fields.modifiedBy,
      dateStart: null,
      dateEnd: null,
      status: '',
    }
    this.entities.set(backlog.id, backlog)
    return backlog
  }

  addSprint(fields: Omit<ScrumEntity, 'id' | 'entityType'>): ScrumEntity {
    const sprint: ScrumEntity = { ...fields, id: this.take('entity'), entityType: 'sprint' }
    this.entities.set(sprint.id, sprint)
    return sprint
  }

  activeSprintOf(groupId: number): ScrumEntity | undefined {
    return this.sprintsOf(groupId).find((s) => s.status === 'active')
  }

  /**
   * Write sprint fields as they are (sprint.update is a raw write: no task moves). Keeps "one active
   * sprint per group", also when an active sprint moves to another group.
   */
  updateSprint(id: number, changes: Partial<Omit<ScrumEntity, 'id' | 'entityType'>>): ScrumEntity {
    const sprint = this.entities.get(id)
    if (!sprint || sprint.entityType !== 'sprint') throw new StoreInvariantError(`no sprint ${id}`)
    const groupId = changes.groupId ?? sprint.groupId
    const status = changes.status ?? sprint.status
    const other = this.activeSprintOf(groupId)
    if (status === 'active' && other && other.id !== id) {
      throw new StoreInvariantError(`group ${groupId} already has an active sprint`)
    }
    Object.assign(sprint, changes)
    return sprint
  }

  /**
   * Move a sprint's tasks (all, or those matching `which`) to the end of another backlog or sprint
   * of the same group, in their sprint order.
   */
  moveSprintItems(sprintId: number, targetId: number, which: (task: Task | undefined) => boolean = () => true): number {
    const sprint = this.entities.get(sprintId)
    if (!sprint || sprint.entityType !== 'sprint') throw new StoreInvariantError(`no sprint ${sprintId}`)
    const moving = this.itemsIn(sprintId).filter((i) => which(this.tasks.get(i.taskId)))
    if (!moving.length) return 0
    const target = this.entities.get(targetId)
    if (!target || target.groupId !== sprint.groupId) throw new StoreInvariantError(`no entity ${targetId} in group ${sprint.groupId}`)
    let sort = this.nextSort(target.id)
    for (const item of moving) Object.assign(item, { entityId: target.id, sort: sort++ })
    return moving.length
  }

  /**
   * Move a sprint's tasks (all, or those matching `which`) to the end of the group's backlog, in
   * their sprint order. Without a backlog there is nowhere to go, so callers check first.
   */
  moveSprintItemsToBacklog(sprintId: number, which: (task: Task | undefined) => boolean = () => true): number {
    const sprint = this.entities.get(sprintId)
    if (!sprint || sprint.entityType !== 'sprint') throw new StoreInvariantError(`no sprint ${sprintId}`)
    if (!this.itemsIn(sprintId).some((i) => which(this.tasks.get(i.taskId)))) return 0
    const backlog = this.backlogOf(sprint.groupId)
    if (!backlog) throw new StoreInvariantError(`group ${sprint.groupId} has no backlog`)
    return this.moveSprintItems(sprintId, backlog.id, which)
  }

  /** Deleting a sprint never deletes tasks: they go back to the backlog first (digest §13). */
  deleteSprint(id: number): void {
    this.moveSprintItemsToBacklog(id)
    this.entities.delete(id)
  }

  /** Update a backlog, keeping "one backlog per group" and "no moving a backlog with items". */
  updateBacklog(id: number, changes: Partial<Pick<ScrumEntity, 'groupId' | 'createdBy' | 'modifiedBy'>>): ScrumEntity {
    const backlog = this.entities.get(id)
    if (!backlog || backlog.entityType !== 'backlog') throw new StoreInvariantError(`no backlog ${id}`)
    if (changes.groupId !== undefined && changes.groupId !== backlog.groupId) {
      if (this.hasItems(id)) throw new StoreInvariantError(`backlog ${id} has items`)
      if (this.backlogOf(changes.groupId)) throw new StoreInvariantError(`group ${changes.groupId} already has a backlog`)
    }
    Object.assign(backlog, changes)
    return backlog
  }

  deleteBacklog(id: number): void {
    const backlog = this.entities.get(id)
    if (!backlog || backlog.entityType !== 'backlog') throw new StoreInvariantError(`no backlog ${id}`)
    if (this.hasItems(id)) throw new StoreInvariantError(`backlog ${id} has items`)
    this.entities.delete(id)
  }

  // ---- tasks, items, epics ------------------------------------------------------------------

  task(id: number): Task | undefined {
    return this.tasks.get(id)
  }

  tasksInGroup(groupId: number): Task[] {
    return [...this.tasks.values()].filter((t) => t.groupId === groupId).sort((a, b) => a.id - b.id)
  }

  itemOf(taskId: number): ScrumItem | undefined {
    return this.items.get(taskId)
  }

  addTask(fields: Omit<Task, 'id'>): Task {
    const task: Task = { ...fields, id: this.take('task') }
    this.tasks.set(task.id, task)
    return task
  }

  /** Next `sort` at the end of a backlog or sprint. */
  nextSort(entityId: number): number {
    let max = 0
    for (const i of this.items.values()) if (i.entityId === entityId && i.sort > max) max = i.sort
    return max + 1
  }

  setItem(item: ScrumItem): ScrumItem {
    const entity = this.entities.get(item.entityId)
    if (!entity) throw new StoreInvariantError(`no entity ${item.entityId}`)
    const task = this.tasks.get(item.taskId)
    if (!task || task.groupId !== entity.groupId) throw new StoreInvariantError(`task ${item.taskId} is not in group ${entity.groupId}`)
    this.items.set(item.taskId, { ...item })
    return this.items.get(item.taskId) as ScrumItem
  }

  /** The access rule of tasks.task.*: portal admins, the creator, the responsible and group members. */
  canSeeTask(userId: number, task: Task): boolean {
    if (task.createdBy === userId || task.responsibleId === userId) return true
    if (this.users.get(userId)?.isAdmin === true) return true
    return task.groupId !== 0 && this.isMember(userId, task.groupId)
  }

  /**
   * Change a task. A task that changes group loses its scrum item (it belonged to the old group's
   * backlog or sprint) and is auto-placed in the new group's backlog, as the real portal does.
   */
  updateTask(id: number, changes: Partial<Omit<Task, 'id'>>, modifiedBy: number): Task {
    const task = this.tasks.get(id)
    if (!task) throw new StoreInvariantError(`no task ${id}`)
    const movedGroup = changes.groupId !== undefined && changes.groupId !== task.groupId
    Object.assign(task, changes)
    if (movedGroup) {
      this.items.delete(id)
      this.autoPlace(id, modifiedBy)
    }
    return task
  }

  deleteTask(id: number): void {
    this.tasks.delete(id)
    this.items.delete(id)
  }

  /**
   * Auto-placement (digest §1, §14): a task in a scrum that has a backlog gets a scrum item at the
   * end of that backlog. A non-scrum group with a (mistaken) backlog gets none: the tasks module
   * only does this for scrum projects. Returns the new item, if any.
   */
  autoPlace(taskId: number, createdBy: number): ScrumItem | undefined {
    const task = this.tasks.get(taskId)
    if (!task || !task.groupId || this.items.has(taskId)) return undefined
    if (!this.groups.get(task.groupId)?.scrumMasterId) return undefined
    const backlog = this.backlogOf(task.groupId)
    if (!backlog) return undefined
    const sort = this.nextSort(backlog.id)
    return this.setItem({ taskId, entityId: backlog.id, storyPoints: '', epicId: 0, sort, createdBy, modifiedBy: createdBy })
  }

  epic(id: number): Epic | undefined {
    return this.epics.get(id)
  }

  epicsOf(groupId: number): Epic[] {
    return [...this.epics.values()].filter((e) => e.groupId === groupId).sort((a, b) => a.id - b.id)
  }

  addEpic(fields: Omit<Epic, 'id'>): Epic {
    const epic: Epic = { ...fields, id: this.take('epic') }
    this.epics.set(epic.id, epic)
    return epic
  }

  updateEpic(id: number, changes: Partial<Omit<Epic, 'id'>>): Epic {
    const epic = this.epics.get(id)
    if (!epic) throw new StoreInvariantError(`no epic ${id}`)
    Object.assign(epic, changes)
    return epic
  }

  /** Items keep their epicId: the real portal does not detach tasks (digest §4.5). */
  deleteEpic(id: number): void {
    this.epics.delete(id)
  }

  // ---- options ------------------------------------------------------------------------------

  setOption(kind: 'app' | 'user', name: string, value: unknown, userId: number): void {
    if (kind === 'app') {
      this.appOptions[name] = value
      return
    }
    const options = this.userOptions.get(userId) ?? {}
    options[name] = value
    this.userOptions.set(userId, options)
  }

  optionsOf(userId: number): { app: Record<string, unknown>; user: Record<string, unknown> } {
    return { app: { ...this.appOptions }, user: { ...this.userOptions.get(userId) } }
  }

  /** Plain JSON view for /control/store (Maps are not JSON). */
  dump(): StoreDump {
    return {
      seed: this.seedName,
      nextIds: this.next,
      users: this.userList(),
      groups: this.groupList().map((g) => ({ ...g, members: Object.fromEntries(g.members) })),
      entities: [...this.entities.values()].sort((a, b) => a.id - b.id),
      tasks: [...this.tasks.values()].sort((a, b) => a.id - b.id),
      items: [...this.items.values()].sort((a, b) => a.taskId - b.taskId),
      epics: [...this.epics.values()].sort((a, b) => a.id - b.id),
      appOptions: this.appOptions,
      userOptions: Object.fromEntries(this.userOptions),
    }
  }
}
