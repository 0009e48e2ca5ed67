import { useMutation, useQueryClient } from '@tanstack/react-query'
import { callBatch, callMethod, type BatchCommand } from '../../../../bitrix'
import { itemKeys } from '../../../../lib/query-keys'
import { toItem, type BacklogItem, type ScrumTaskAnswer, type TaskAnswer } from './item-fields'

export interface QuickAddInput {
  groupId: number
  portalOrigin: string
  title: string
  responsibleId: number
  storyPoints: string
  epicId: number
}

/**
 * Create the task in the scrum (the portal puts it into the backlog by itself), then in one batch
 * set its points and epic when given, and read back its scrum item.
 */
export async function quickAdd(input: QuickAddInput): Promise<BacklogItem> {
  const title = input.title.trim()
  if (!title) throw new RangeError('A task needs a title')
  const created = await callMethod<{ task: TaskAnswer }>('tasks.task.add', {
    fields: { TITLE: title, RESPONSIBLE_ID: input.responsibleId, GROUP_ID: input.groupId },
  })
  const taskId = Number(created.task.id)
  const fields: Record<string, unknown> = {}
  if (input.storyPoints.trim()) fields.storyPoints = input.storyPoints.trim()
  if (input.epicId > 0) fields.epicId = input.epicId
  const commands: Record<string, BatchCommand> = {}
  if (Object.keys(fields).length) commands.update = ['tasks.api.scrum.task.update', { id: taskId, fields }]
  commands.item = ['tasks.api.scrum.task.get', { id: taskId }]
  const answers = await callBatch(commands)
  if (answers.update && !answers.update.ok) throw answers.update.error
  const item = answers.item!
  if (!item.ok) throw item.error
  return toItem(created.task, item.result as ScrumTaskAnswer, input.portalOrigin)
}

export function useQuickAdd() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: quickAdd,
    onSuccess: (item, { groupId }) => {
      queryClient.setQueryData<BacklogItem[]>(itemKeys.byGroup(groupId), (items = []) => [...items, item])
    },
  })
}
