import { useMutation, useQueryClient } from '@tanstack/react-query'
import { callMethod } from '@/bitrix'
import { useOneAtATime } from '@/lib/changes/one-at-a-time'
import { serially } from '@/lib/changes/serial'
import { changeItems, type ChangeReport } from '@/lib/items/change-items'
import type { BacklogItem } from '@/lib/items/item-fields'
import { itemKeys } from '@/lib/query-keys'
import { toSprint, type Sprint } from '@/lib/sprints/sprint-fields'
import { DONE } from '@/lib/sprints/sprint-stats'
import { afterSprintChange, checked, sprintKeysFor } from './sprint-changes'

export interface CompleteSprintInput {
  sprint: Sprint
  /** Where the unfinished items go: the backlog (the portal's own move), or a planned sprint. */
  unfinishedTo: { backlogId: number } | { sprintId: number }
}

/**
 * Complete the team's active sprint (`complete` takes the GROUP id). A completion whose answer was
 * lost counts as done when the sprint is completed now.
 */
export async function completeSprint(sprint: Sprint): Promise<Sprint> {
  return checked(
    async () => toSprint(await callMethod('tasks.api.scrum.sprint.complete', { id: sprint.groupId })),
    sprint.id,
    (now) => now?.status === 'completed',
    (now) => now!,
  )
}

/**
 * Complete first (the portal moves unfinished items to the backlog), then, when a planned sprint
 * was chosen, move them on: if that second step fails for some items they are safe in the backlog
 * and the report says which.
 */
export function useCompleteSprint() {
  const queryClient = useQueryClient()
  return useOneAtATime(
    useMutation({
      mutationFn: async ({ sprint, unfinishedTo }: CompleteSprintInput): Promise<ChangeReport | null> => {
        const unfinished = (queryClient.getQueryData<BacklogItem[]>(itemKeys.byGroup(sprint.groupId)) ?? []).filter(
          (item) => item.entityId === sprint.id && item.status !== DONE,
        )
        await serially(sprintKeysFor(sprint.groupId, sprint.id), () => completeSprint(sprint))
        await afterSprintChange(queryClient, sprint.groupId)
        if (!('sprintId' in unfinishedTo) || unfinished.length === 0) return null
        const target = unfinishedTo.sprintId
        let sort = Math.max(
          0,
          ...(queryClient.getQueryData<BacklogItem[]>(itemKeys.byGroup(sprint.groupId)) ?? [])
            .filter((item) => item.entityId === target)
            .map((item) => item.sort),
        )
        return changeItems(
          queryClient,
          sprint.groupId,
          unfinished.map((item) => ({ taskId: item.taskId, fields: { entityId: target, sort: ++sort } })),
        )
      },
      onError: (_error, { sprint }) => afterSprintChange(queryClient, sprint.groupId),
    }),
  )
}
