import { useMutation, useQueryClient } from '@tanstack/react-query'
import { callMethod } from '../../../bitrix'
import type { Backlog } from '../../../lib/backlog/backlog-fields'
import { backlogKeys, scrumGroupKeys } from '../../../lib/query-keys'

/** Delete an empty backlog (the portal refuses one that holds items). */
export async function deleteBacklog(backlog: Backlog): Promise<void> {
  await callMethod('tasks.api.scrum.backlog.delete', { id: backlog.id })
}

export function useDeleteBacklog() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: deleteBacklog,
    onSuccess: (_, backlog) => {
      queryClient.setQueryData(backlogKeys.byGroup(backlog.groupId), null)
      void queryClient.invalidateQueries({ queryKey: scrumGroupKeys.lists() })
    },
  })
}
