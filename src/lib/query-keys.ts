/**
 * Query keys, one factory per domain, in one place: features read each other's data only through
 * the cache, so a mutation in one feature can invalidate exactly what another one shows.
 */
export const userKeys = {
  all: ['users'] as const,
  byIds: (ids: readonly number[]) => [...userKeys.all, 'by-ids', [...new Set(ids)].sort((a, b) => a - b)] as const,
}

export const scrumGroupKeys = {
  all: ['scrum-groups'] as const,
  lists: () => [...scrumGroupKeys.all, 'list'] as const,
  list: (search: string) => [...scrumGroupKeys.lists(), { search }] as const,
  detail: (groupId: number) => [...scrumGroupKeys.all, 'detail', groupId] as const,
}

export const backlogKeys = {
  all: ['backlog'] as const,
  byGroup: (groupId: number) => [...backlogKeys.all, 'by-group', groupId] as const,
  fields: () => [...backlogKeys.all, 'fields'] as const,
  itemCount: (backlogId: number) => [...backlogKeys.all, 'item-count', backlogId] as const,
}


/** What the app has learned about how this portal behaves where the docs and servers disagree. */
export const portalKeys = {
  all: ['portal'] as const,
  epicDetach: () => [...portalKeys.all, 'epic-detach'] as const,
}

export const itemKeys = {
  all: ['items'] as const,
  byGroup: (groupId: number) => [...itemKeys.all, 'by-group', groupId] as const,
}

export const epicKeys = {
  all: ['epics'] as const,
  byGroup: (groupId: number) => [...epicKeys.all, 'by-group', groupId] as const,
  byIds: (groupId: number, ids: readonly number[]) =>
    [...epicKeys.byGroup(groupId), 'by-ids', [...new Set(ids)].sort((a, b) => a - b)] as const,
}

export const sprintKeys = {
  all: ['sprints'] as const,
  byGroup: (groupId: number) => [...sprintKeys.all, 'by-group', groupId] as const,
}

/** The app's settings kept by the portal (app options, shared by everyone). */
export const optionKeys = {
  all: ['options'] as const,
  app: (name: string) => [...optionKeys.all, 'app', name] as const,
}
