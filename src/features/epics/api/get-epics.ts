import { queryOptions, useQuery } from '@tanstack/react-query'
import { callMethod } from '@/bitrix'
import { epicKeys } from '@/lib/query-keys'
import { toEpic, type Epic } from '@/lib/epics/epic-fields'
import { throwHandedOver } from '@/lib/handover'

/** One page of a scrum's epics (50 at most). */
export const epicListParams = (groupId: number, start = 0) => ({
  filter: { GROUP_ID: groupId },
  order: { ID: 'ASC' },
  ...(start > 0 ? { start } : {}),
})

/** All epics of a scrum. `epic.list` has no total/next: ask for pages of 50 until one is short. */
export async function getEpics(groupId: number, firstPage?: readonly unknown[]): Promise<Epic[]> {
  const epics: Epic[] = []
  for (let start = 0; ; start += 50) {
    const page = start === 0 && firstPage ? firstPage : await callMethod<unknown[]>('tasks.api.scrum.epic.list', epicListParams(groupId, start))
    epics.push(...page.map(toEpic))
    if (page.length < 50) return epics
  }
}

export const epicsQueryOptions = (groupId: number) =>
  queryOptions({
    queryKey: epicKeys.byGroup(groupId),
    queryFn: ({ queryKey }) => {
      throwHandedOver(queryKey)
      return getEpics(groupId)
    },
  })

export const useEpics = (groupId: number, enabled = true) => useQuery({ ...epicsQueryOptions(groupId), enabled })
