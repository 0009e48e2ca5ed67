/** A sprint of `tasks.api.scrum.sprint.*` (digest §5): ints, ISO dates, status planned | active | completed. */
export interface Sprint {
  id: number
  groupId: number
  name: string
  /** Set in Bitrix24's own interface when a sprint starts; REST cannot set it. */
  goal: string
  sort: number
  status: 'planned' | 'active' | 'completed'
  dateStart: string | null
  dateEnd: string | null
}

export function toSprint(answer: unknown): Sprint {
  const row = (answer ?? {}) as Record<string, unknown>
  return {
    id: Number(row.id),
    groupId: Number(row.groupId ?? 0),
    name: String(row.name ?? `#${String(row.id)}`),
    goal: typeof row.goal === 'string' ? row.goal : '',
    sort: Number(row.sort ?? 0),
    status: row.status === 'active' || row.status === 'completed' ? row.status : 'planned',
    dateStart: typeof row.dateStart === 'string' && row.dateStart ? row.dateStart : null,
    dateEnd: typeof row.dateEnd === 'string' && row.dateEnd ? row.dateEnd : null,
  }
}

/** The planning order: the active sprint, then planned ones (by sort), then completed ones, newest first. */
export function byPlanningOrder(a: Sprint, b: Sprint): number {
  const rank = { active: 0, planned: 1, completed: 2 } as const
  if (a.status !== b.status) return rank[a.status] - rank[b.status]
  if (a.status === 'completed') return (b.dateEnd ?? '').localeCompare(a.dateEnd ?? '') || b.id - a.id
  return a.sort - b.sort || a.id - b.id
}

/** Every field sprint.list can give; INFO is where the goal lives. */
export const SPRINT_SELECT = ['ID', 'GROUP_ID', 'ENTITY_TYPE', 'NAME', 'INFO', 'SORT', 'CREATED_BY', 'MODIFIED_BY', 'DATE_START', 'DATE_END', 'STATUS']
