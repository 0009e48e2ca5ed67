import { useMutation, useQueryClient } from '@tanstack/react-query'
import { callMethod, RestError } from '@/bitrix'
import type { Backlog } from '@/lib/backlog/backlog-fields'
import { useOneAtATime } from '@/lib/changes/one-at-a-time'
import { backlogKeys, scrumGroupKeys } from '@/lib/query-keys'
import { getBacklog } from './get-backlog'

/**
 * Delete an empty backlog (the portal refuses one that holds items). A delete whose answer was
 * lost is checked with `backlog.get`: no backlog (or another one) means it is gone.
 */
export async function deleteBacklog(backlog: Backlog): Promise<void> {
  try {
    await callMethod('tasks.api.scrum.backlog.delete', { id: backlog.id })
  } catch (error) {
    if (!(error instanceof RestError) || !error.outcomeUnknown) throw error
    const now = await getBacklog(backlog.groupId).catch(() => Promise.reject(error))
    if (now?.id === backlog.id) throw error
  }
}

export function useDeleteBacklog() {
  const queryClient = useQueryClient()
  return useOneAtATime(
    useMutation({
      mutationFn: deleteBacklog,
      onSuccess: (_, backlog) => {
        queryClient.setQueryData(backlogKeys.byGroup(backlog.groupId), null)
        void queryClient.invalidateQueries({ queryKey: scrumGroupKeys.lists() })
      },
    }),
  )
}
