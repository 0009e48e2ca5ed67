import { useMutation, useQueryClient } from '@tanstack/react-query'
import { callMethod, RestError } from '@/bitrix'
import { useOneAtATime } from '@/lib/changes/one-at-a-time'
import { serially } from '@/lib/changes/serial'
import { epicKeys, itemKeys } from '@/lib/query-keys'
import type { BacklogItem } from '@/lib/items/item-fields'
import { changeItems, type ChangeReport } from '@/lib/items/change-items'
import type { Epic } from '@/lib/epics/epic-fields'
import { isEpicGone } from './update-epic'

export interface DeleteEpicInput {
  epic: Epic
  /** Unmark its items afterwards: the portal leaves a deleted epic's id on its tasks. */
  detach: boolean
}

/**
 * Delete the epic. An answer lost on the way is checked with `epic.get`: "Epic not found" means it
 * is deleted. An epic already deleted elsewhere counts as deleted.
 */
export async function deleteEpicOnPortal(epic: Epic): Promise<void> {
  try {
    await callMethod('tasks.api.scrum.epic.delete', { id: epic.id })
  } catch (error) {
    if (isEpicGone(error)) return
    if (!(error instanceof RestError) || !error.outcomeUnknown) throw error
    try {
      await callMethod('tasks.api.scrum.epic.get', { id: epic.id })
    } catch (check) {
      if (isEpicGone(check)) return
    }
    throw error
  }
}

/**
 * Delete first, then detach: if the delete fails nothing has changed, and if detaching fails for
 * some items they are left pointing at a deleted epic, which the epics panel shows with a one-click
 * repair. There is never an epic that lives on while its items lost it.
 */
export function useDeleteEpic() {
  const queryClient = useQueryClient()
  return useOneAtATime(
    useMutation({
      mutationFn: async ({ epic, detach }: DeleteEpicInput): Promise<ChangeReport | null> => {
        await serially([`epic:${epic.id}`], () => deleteEpicOnPortal(epic))
        queryClient.setQueryData<Epic[]>(epicKeys.byGroup(epic.groupId), (epics = []) => epics.filter((other) => other.id !== epic.id))
        if (!detach) return null
        const marked = (queryClient.getQueryData<BacklogItem[]>(itemKeys.byGroup(epic.groupId)) ?? []).filter(
          (item) => item.epicId === epic.id,
        )
        if (marked.length === 0) return null
        return changeItems(
          queryClient,
          epic.groupId,
          marked.map((item) => ({ taskId: item.taskId, fields: { epicId: 0 } })),
        )
      },
      onError: (error, { epic }) => {
        if (error instanceof RestError && error.outcomeUnknown) void queryClient.invalidateQueries({ queryKey: epicKeys.byGroup(epic.groupId) })
      },
    }),
  )
}
