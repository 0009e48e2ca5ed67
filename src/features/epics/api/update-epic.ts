import { useMutation, useQueryClient } from '@tanstack/react-query'
import { callMethod, RestError } from '@/bitrix'
import { useOneAtATime } from '@/lib/changes/one-at-a-time'
import { serially } from '@/lib/changes/serial'
import { epicKeys } from '@/lib/query-keys'
import { toEpic, type Epic } from '@/lib/epics/epic-fields'

export interface EpicChanges {
  name: string
  description: string
  color: string
}

/** The epic was deleted elsewhere. */
export function isEpicGone(error: unknown): boolean {
  return error instanceof RestError && error.isMethodError && error.is('Epic not found')
}

/** `epic.update` is partial; the name, description and colour are always sent as the form shows them. */
export async function updateEpic({ epic, changes }: { epic: Epic; changes: EpicChanges }): Promise<Epic> {
  if (!changes.name.trim()) throw new RangeError('An epic needs a name')
  return toEpic(
    await callMethod('tasks.api.scrum.epic.update', {
      id: epic.id,
      fields: { name: changes.name.trim(), description: changes.description, color: changes.color },
    }),
  )
}

/** Changes to one epic go one after another; one deleted elsewhere leaves the screen. */
export function useUpdateEpic() {
  const queryClient = useQueryClient()
  return useOneAtATime(
    useMutation({
      mutationFn: (input: { epic: Epic; changes: EpicChanges }) => serially([`epic:${input.epic.id}`], () => updateEpic(input)),
      onSuccess: (saved) => {
        queryClient.setQueryData<Epic[]>(epicKeys.byGroup(saved.groupId), (epics = []) =>
          epics.map((epic) => (epic.id === saved.id ? saved : epic)),
        )
      },
      onError: (error, { epic }) => {
        if (isEpicGone(error)) {
          queryClient.setQueryData<Epic[]>(epicKeys.byGroup(epic.groupId), (epics = []) => epics.filter((other) => other.id !== epic.id))
        } else if (error instanceof RestError && error.outcomeUnknown) {
          void queryClient.invalidateQueries({ queryKey: epicKeys.byGroup(epic.groupId) })
        }
      },
    }),
  )
}
