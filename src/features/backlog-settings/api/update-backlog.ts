import { useMutation, useQueryClient } from '@tanstack/react-query'
import { callMethod, RestError } from '@/bitrix'
import { useOneAtATime } from '@/lib/changes/one-at-a-time'
import { serially } from '@/lib/changes/serial'
import { toBacklog, type Backlog } from '@/lib/backlog/backlog-fields'
import { backlogKeys, scrumGroupKeys } from '@/lib/query-keys'

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

/** One save at a time per backlog; after an unknown outcome both teams' backlogs are read again. */
export function useUpdateBacklog() {
  const queryClient = useQueryClient()
  return useOneAtATime(
    useMutation({
      mutationFn: (input: UpdateBacklogInput) => serially([`backlog:${input.backlog.id}`], () => updateBacklog(input)),
      onSuccess: (updated, { backlog }) => {
        if (updated.groupId !== backlog.groupId) queryClient.setQueryData(backlogKeys.byGroup(backlog.groupId), null)
        queryClient.setQueryData(backlogKeys.byGroup(updated.groupId), updated)
        void queryClient.invalidateQueries({ queryKey: scrumGroupKeys.lists() })
      },
      onError: (error, { backlog, changes }) => {
        if (!(error instanceof RestError) || !error.outcomeUnknown) return
        void queryClient.invalidateQueries({ queryKey: backlogKeys.byGroup(backlog.groupId) })
        if (changes.groupId) void queryClient.invalidateQueries({ queryKey: backlogKeys.byGroup(changes.groupId) })
      },
    }),
  )
}
