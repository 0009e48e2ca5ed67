/** A sprint of `tasks.api.scrum.sprint.*` (digest §5): ints, ISO dates, status planned | active | completed. */
export interface Sprint {
  id: number
  name: string
  status: 'planned' | 'active' | 'completed'
  dateStart: string | null
  dateEnd: string | null
}

export function toSprint(answer: unknown): Sprint {
  const row = (answer ?? {}) as Record<string, unknown>
  return {
    id: Number(row.id),
    name: String(row.name ?? `#${String(row.id)}`),
    status: row.status === 'active' || row.status === 'completed' ? row.status : 'planned',
    dateStart: typeof row.dateStart === 'string' ? row.dateStart : null,
    dateEnd: typeof row.dateEnd === 'string' ? row.dateEnd : null,
  }
}
