import { useMutation, useQueryClient } from '@tanstack/react-query'
import { callMethod } from '../../../bitrix'
import { toBacklog, type Backlog } from '../../../lib/backlog/backlog-fields'
import { backlogKeys, scrumGroupKeys } from '../../../lib/query-keys'

export interface AddBacklogInput {
  groupId: number
  createdBy: number
}

/** Create the backlog of a scrum that has none (Bitrix24 normally does it when Planning is opened). */
export async function addBacklog(input: AddBacklogInput): Promise<Backlog> {
  if (!(input.groupId > 0)) throw new RangeError('groupId must be a group id')
  if (!(input.createdBy > 0)) throw new RangeError('createdBy must be a user id')
  return toBacklog(
    await callMethod('tasks.api.scrum.backlog.add', { fields: { groupId: input.groupId, createdBy: input.createdBy } }),
  )
}

export function useAddBacklog() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: addBacklog,
    onSuccess: (backlog) => {
      queryClient.setQueryData(backlogKeys.byGroup(backlog.groupId), backlog)
      void queryClient.invalidateQueries({ queryKey: scrumGroupKeys.lists() })
    },
  })
}
