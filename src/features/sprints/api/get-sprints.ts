import { queryOptions, useQuery } from '@tanstack/react-query'
import { callMethod } from '@/bitrix'
import { sprintKeys } from '@/lib/query-keys'
import { SPRINT_SELECT, toSprint, type Sprint } from '@/lib/sprints/sprint-fields'
import { throwHandedOver } from '@/lib/handover'

/** One page of the scrum's sprints: 50 at most, without total/next (like epics). */
export const sprintListParams = (groupId: number, start = 0) => ({
  filter: { GROUP_ID: groupId },
  select: SPRINT_SELECT,
  order: { SORT: 'ASC', ID: 'ASC' },
  ...(start > 0 ? { start } : {}),
})

/** The scrum's sprints; more pages are asked for while a page comes back full. */
export async function getSprints(groupId: number, firstPage?: readonly unknown[]): Promise<Sprint[]> {
  const sprints: Sprint[] = []
  for (let start = 0; ; start += 50) {
    const page = start === 0 && firstPage ? firstPage : await callMethod<unknown[]>('tasks.api.scrum.sprint.list', sprintListParams(groupId, start))
    sprints.push(...page.map(toSprint))
    if (page.length < 50) return sprints
  }
}

export const sprintsQueryOptions = (groupId: number) =>
  queryOptions({
    queryKey: sprintKeys.byGroup(groupId),
    queryFn: ({ queryKey }) => {
      throwHandedOver(queryKey)
      return getSprints(groupId)
    },
  })

export const useSprints = (groupId: number, enabled = true) => useQuery({ ...sprintsQueryOptions(groupId), enabled })
