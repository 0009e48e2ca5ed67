import { useMutation, useQueryClient } from '@tanstack/react-query'
import { callMethod, RestError } from '@/bitrix'
import { useOneAtATime } from '@/lib/changes/one-at-a-time'
import { serially } from '@/lib/changes/serial'
import { sprintKeys } from '@/lib/query-keys'
import { toSprint, type Sprint } from '@/lib/sprints/sprint-fields'
import { isSprintGone } from './sprint-changes'

export interface SprintChanges {
  name: string
  dateStart: string
  dateEnd: string
}

/** `sprint.update` is partial: only the name and dates the dialog shows are sent. */
export async function updateSprint({ sprint, changes }: { sprint: Sprint; changes: SprintChanges }): Promise<Sprint> {
  return toSprint(
    await callMethod('tasks.api.scrum.sprint.update', {
      id: sprint.id,
      fields: { name: changes.name.trim(), dateStart: changes.dateStart, dateEnd: changes.dateEnd },
    }),
  )
}

export function useUpdateSprint() {
  const queryClient = useQueryClient()
  return useOneAtATime(
    useMutation({
      mutationFn: (input: { sprint: Sprint; changes: SprintChanges }) => serially([`sprint:${input.sprint.id}`], () => updateSprint(input)),
      onSuccess: (saved) => {
        queryClient.setQueryData<Sprint[]>(sprintKeys.byGroup(saved.groupId), (sprints = []) =>
          sprints.map((sprint) => (sprint.id === saved.id ? saved : sprint)),
        )
      },
      onError: (error, { sprint }) => {
        if (isSprintGone(error) || (error instanceof RestError && error.outcomeUnknown)) {
          void queryClient.invalidateQueries({ queryKey: sprintKeys.byGroup(sprint.groupId) })
        }
      },
    }),
  )
}
