import { queryOptions, useQuery } from '@tanstack/react-query'
import { callPage } from '@/bitrix'
import { backlogKeys } from '@/lib/query-keys'

/** How many tasks sit in a backlog: one `tasks.task.list` page, read for its `total`. */
export async function countBacklogItems(groupId: number, backlogId: number): Promise<number> {
  const page = await callPage<{ tasks: unknown[] }>('tasks.task.list', {
    filter: { GROUP_ID: groupId, BACKLOG_ID: backlogId },
    select: ['ID'],
  })
  return page.total || page.result.tasks.length
}

export const backlogItemCountQueryOptions = (groupId: number, backlogId: number) =>
  queryOptions({ queryKey: backlogKeys.itemCount(backlogId), queryFn: () => countBacklogItems(groupId, backlogId) })

export const useBacklogItemCount = (groupId: number, backlogId: number) => useQuery(backlogItemCountQueryOptions(groupId, backlogId))
