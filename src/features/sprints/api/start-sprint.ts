import { useMutation, useQueryClient } from '@tanstack/react-query'
import { callMethod } from '@/bitrix'
import { useOneAtATime } from '@/lib/changes/one-at-a-time'
import { serially } from '@/lib/changes/serial'
import { toSprint, type Sprint } from '@/lib/sprints/sprint-fields'
import { afterSprintChange, checked, sprintKeysFor } from './sprint-changes'

/** Start a planned sprint. A start whose answer was lost counts as done when the sprint is active now. */
export async function startSprint(sprint: Sprint): Promise<Sprint> {
  return checked(
    async () => toSprint(await callMethod('tasks.api.scrum.sprint.start', { id: sprint.id })),
    sprint.id,
    (now) => now?.status === 'active',
    (now) => now!,
  )
}

export function useStartSprint() {
  const queryClient = useQueryClient()
  return useOneAtATime(
    useMutation({
      mutationFn: (sprint: Sprint) => serially(sprintKeysFor(sprint.groupId, sprint.id), () => startSprint(sprint)),
      // Starting moves the sprint's completed tasks to the backlog: read items and sprints again.
      onSettled: (_data, _error, sprint) => afterSprintChange(queryClient, sprint.groupId),
    }),
  )
}
