import { useMutation, useQueryClient } from '@tanstack/react-query'
import { callMethod } from '../../../../bitrix'
import { epicKeys } from '../../../../lib/query-keys'
import { toEpic, type Epic } from './epic-fields'

export interface EpicInput {
  groupId: number
  name: string
  description: string
  color: string
}

export async function addEpic(input: EpicInput): Promise<Epic> {
  if (!input.name.trim()) throw new RangeError('An epic needs a name')
  return toEpic(
    await callMethod('tasks.api.scrum.epic.add', {
      fields: { groupId: input.groupId, name: input.name.trim(), description: input.description, color: input.color },
    }),
  )
}

export function useAddEpic() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: addEpic,
    onSuccess: (epic) => {
      queryClient.setQueryData<Epic[]>(epicKeys.byGroup(epic.groupId), (epics = []) => [...epics, epic])
    },
  })
}
