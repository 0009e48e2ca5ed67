import { useMutation, useQueryClient } from '@tanstack/react-query'
import { callMethod } from '@/bitrix'
import { useOneAtATime } from '@/lib/changes/one-at-a-time'
import { serially } from '@/lib/changes/serial'
import type { Sprint } from '@/lib/sprints/sprint-fields'
import { afterSprintChange, checked, isSprintGone, sprintKeysFor } from './sprint-changes'

/** Delete a sprint; the portal moves its items to the backlog first. Gone already counts as deleted. */
export async function deleteSprint(sprint: Sprint): Promise<void> {
  try {
    await checked(
      async () => void (await callMethod('tasks.api.scrum.sprint.delete', { id: sprint.id })),
      sprint.id,
      (now) => now === null,
      () => undefined,
    )
  } catch (error) {
    if (!isSprintGone(error)) throw error
  }
}

export function useDeleteSprint() {
  const queryClient = useQueryClient()
  return useOneAtATime(
    useMutation({
      mutationFn: (sprint: Sprint) => serially(sprintKeysFor(sprint.groupId, sprint.id), () => deleteSprint(sprint)),
      onSettled: (_data, _error, sprint) => afterSprintChange(queryClient, sprint.groupId),
    }),
  )
}
