import { queryOptions, useQuery } from '@tanstack/react-query'
import { callMethod } from '@/bitrix'
import { epicKeys } from '@/lib/query-keys'
import { toEpic, type Epic } from '@/lib/epics/epic-fields'

/** All epics of a scrum. `epic.list` has no total/next: ask for pages of 50 until one is short. */
export async function getEpics(groupId: number): Promise<Epic[]> {
  const epics: Epic[] = []
  for (let start = 0; ; start += 50) {
    const page = await callMethod<unknown[]>('tasks.api.scrum.epic.list', {
      filter: { GROUP_ID: groupId },
      order: { ID: 'ASC' },
      start,
    })
    epics.push(...page.map(toEpic))
    if (page.length < 50) return epics
  }
}

export const epicsQueryOptions = (groupId: number) =>
  queryOptions({ queryKey: epicKeys.byGroup(groupId), queryFn: () => getEpics(groupId) })

export const useEpics = (groupId: number) => useQuery(epicsQueryOptions(groupId))
