import { queryOptions, useQuery } from '@tanstack/react-query'
import { callMethod } from '../../../../bitrix'
import { sprintKeys } from '../../../../lib/query-keys'

export interface Sprint {
  id: number
  name: string
  status: 'planned' | 'active' | 'completed'
  dateStart: string | null
  dateEnd: string | null
}

/** The scrum's sprints, 50 per page without total/next (like epics). */
export async function getSprints(groupId: number): Promise<Sprint[]> {
  const sprints: Sprint[] = []
  for (let start = 0; ; start += 50) {
    const page = await callMethod<Record<string, unknown>[]>('tasks.api.scrum.sprint.list', {
      filter: { GROUP_ID: groupId },
      order: { SORT: 'ASC', ID: 'ASC' },
      start,
    })
    for (const row of page) {
      sprints.push({
        id: Number(row.id),
        name: String(row.name ?? `#${String(row.id)}`),
        status: row.status === 'active' || row.status === 'completed' ? row.status : 'planned',
        dateStart: typeof row.dateStart === 'string' ? row.dateStart : null,
        dateEnd: typeof row.dateEnd === 'string' ? row.dateEnd : null,
      })
    }
    if (page.length < 50) return sprints
  }
}

export const sprintsQueryOptions = (groupId: number) =>
  queryOptions({ queryKey: sprintKeys.byGroup(groupId), queryFn: () => getSprints(groupId) })

export const useSprints = (groupId: number) => useQuery(sprintsQueryOptions(groupId))
