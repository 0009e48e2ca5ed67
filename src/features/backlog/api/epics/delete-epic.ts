import { useMutation, useQueryClient } from '@tanstack/react-query'
import { callBatchChunks, callMethod } from '../../../../bitrix'
import { epicKeys, itemKeys } from '../../../../lib/query-keys'
import type { BacklogItem } from '../items/item-fields'
import type { Epic } from './epic-fields'

export interface DeleteEpicInput {
  epic: Epic
  /** Items to detach first (`epicId: 0`): the portal leaves a deleted epic's id on its tasks. */
  detach: readonly BacklogItem[]
}

export async function deleteEpic({ epic, detach }: DeleteEpicInput): Promise<void> {
  if (detach.length > 0) {
    const outcomes = await callBatchChunks(
      detach.map((item) => ['tasks.api.scrum.task.update', { id: item.taskId, fields: { epicId: 0 } }] as const),
    )
    const failed = outcomes.find((outcome) => !outcome.ok)
    if (failed && !failed.ok) throw failed.error
  }
  await callMethod('tasks.api.scrum.epic.delete', { id: epic.id })
}

export function useDeleteEpic() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: deleteEpic,
    onSettled: (_data, _error, { epic }) => {
      void queryClient.invalidateQueries({ queryKey: epicKeys.byGroup(epic.groupId) })
      void queryClient.invalidateQueries({ queryKey: itemKeys.byGroup(epic.groupId) })
    },
  })
}
