import { useMutation, useQueryClient } from '@tanstack/react-query'
import { callMethod } from '../../../bitrix'
import { toBacklog, type Backlog } from '../../../lib/backlog/backlog-fields'
import { backlogKeys, scrumGroupKeys } from '../../../lib/query-keys'

export interface BacklogChanges {
  groupId?: number
  createdBy?: number
  modifiedBy?: number
}

export interface UpdateBacklogInput {
  backlog: Backlog
  changes: BacklogChanges
}

/** Send only what changed; the portal writes an omitted `modifiedBy` as 0, so always say who modifies. */
export async function updateBacklog({ backlog, changes }: UpdateBacklogInput): Promise<Backlog> {
  const fields = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined))
  if (Object.keys(fields).length === 0) throw new RangeError('Nothing to update')
  return toBacklog(await callMethod('tasks.api.scrum.backlog.update', { id: backlog.id, fields }))
}

export function useUpdateBacklog() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: updateBacklog,
    onSuccess: (updated, { backlog }) => {
      if (updated.groupId !== backlog.groupId) queryClient.setQueryData(backlogKeys.byGroup(backlog.groupId), null)
      queryClient.setQueryData(backlogKeys.byGroup(updated.groupId), updated)
      void queryClient.invalidateQueries({ queryKey: scrumGroupKeys.lists() })
    },
  })
}
