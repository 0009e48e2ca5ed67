import { queryOptions, useQuery } from '@tanstack/react-query'
import { callMethod } from '@/bitrix'
import { isNoBacklog, toBacklog, type Backlog } from '@/lib/backlog/backlog-fields'
import { backlogKeys } from '@/lib/query-keys'
import { throwHandedOver } from '@/lib/handover'

/** The backlog of a scrum (by the group id), or null when the scrum has none yet. */
export async function getBacklog(groupId: number): Promise<Backlog | null> {
  try {
    return toBacklog(await callMethod('tasks.api.scrum.backlog.get', { id: groupId }))
  } catch (error) {
    if (isNoBacklog(error)) return null
    throw error
  }
}

export const backlogQueryOptions = (groupId: number) =>
  queryOptions({
    queryKey: backlogKeys.byGroup(groupId),
    queryFn: ({ queryKey }) => {
      throwHandedOver(queryKey)
      return getBacklog(groupId)
    },
  })

export const useBacklog = (groupId: number, enabled = true) => useQuery({ ...backlogQueryOptions(groupId), enabled })
