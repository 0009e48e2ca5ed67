import { queryOptions, useQuery } from '@tanstack/react-query'
import { callMethod } from '@/bitrix'
import { sprintKeys } from '@/lib/query-keys'
import { toSprint, type Sprint } from '@/lib/sprints/sprint-fields'


/** The scrum's sprints, 50 per page without total/next (like epics). */
export async function getSprints(groupId: number): Promise<Sprint[]> {
  const sprints: Sprint[] = []
  for (let start = 0; ; start += 50) {
    const page = await callMethod<Record<string, unknown>[]>('tasks.api.scrum.sprint.list', {
      filter: { GROUP_ID: groupId },
      order: { SORT: 'ASC', ID: 'ASC' },
      start,
    })
    sprints.push(...page.map(toSprint))
    if (page.length < 50) return sprints
  }
}

export const sprintsQueryOptions = (groupId: number) =>
  queryOptions({ queryKey: sprintKeys.byGroup(groupId), queryFn: () => getSprints(groupId) })

export const useSprints = (groupId: number) => useQuery(sprintsQueryOptions(groupId))
