import { useMutation, useQueryClient } from '@tanstack/react-query'
import { callMethod } from '../../../../bitrix'
import { epicKeys } from '../../../../lib/query-keys'
import { toEpic, type Epic } from './epic-fields'

export interface EpicChanges {
  name: string
  description: string
  color: string
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

export function useUpdateEpic() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: updateEpic,
    onSuccess: (saved) => {
      queryClient.setQueryData<Epic[]>(epicKeys.byGroup(saved.groupId), (epics = []) =>
        epics.map((epic) => (epic.id === saved.id ? saved : epic)),
      )
    },
  })
}
