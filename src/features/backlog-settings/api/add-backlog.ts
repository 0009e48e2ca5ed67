import { useMutation, useQueryClient } from '@tanstack/react-query'
import { callMethod } from '@/bitrix'
import { toBacklog, type Backlog } from '@/lib/backlog/backlog-fields'
import { createOnce } from '@/lib/changes/create-once'
import { useOneAtATime } from '@/lib/changes/one-at-a-time'
import { backlogKeys, scrumGroupKeys } from '@/lib/query-keys'
import { getBacklog } from './get-backlog'

export interface AddBacklogInput {
  groupId: number
  createdBy: number
}

/**
 * Create the backlog of a scrum that has none (Bitrix24 normally does it when Planning is opened).
 * A team has at most one backlog, so an add whose answer was lost is checked with `backlog.get`.
 */
export async function addBacklog(input: AddBacklogInput): Promise<Backlog> {
  if (!(input.groupId > 0)) throw new RangeError('groupId must be a group id')
  if (!(input.createdBy > 0)) throw new RangeError('createdBy must be a user id')
  const { created } = await createOnce({
    send: async () =>
      toBacklog(await callMethod('tasks.api.scrum.backlog.add', { fields: { groupId: input.groupId, createdBy: input.createdBy } })),
    find: () => getBacklog(input.groupId),
  })
  return created
}

export function useAddBacklog() {
  const queryClient = useQueryClient()
  return useOneAtATime(
    useMutation({
      mutationFn: addBacklog,
      onSuccess: (backlog) => {
        queryClient.setQueryData(backlogKeys.byGroup(backlog.groupId), backlog)
        void queryClient.invalidateQueries({ queryKey: scrumGroupKeys.lists() })
      },
    }),
  )
}
