import { useMutation, useQueryClient } from '@tanstack/react-query'
import { callBatchChunks, callMethod, RestError, toRestError } from '../../../../bitrix'
import { itemKeys } from '../../../../lib/query-keys'
import type { BacklogItem } from './item-fields'

/** What `tasks.api.scrum.task.update` can change on an item. */
export interface ItemFields {
  storyPoints?: string
  epicId?: number
  entityId?: number
  sort?: number
}

export interface ItemChange {
  taskId: number
  fields: ItemFields
}

export interface UpdateItemsInput {
  groupId: number
  changes: readonly ItemChange[]
  onProgress?: (done: number, total: number) => void
}

export interface UpdateItemsResult {
  failed: { taskId: number; error: RestError }[]
}

/** Story points go as a string: the portal silently ignores a number there. */
function wireFields(fields: ItemFields): Record<string, unknown> {
  const wire: Record<string, unknown> = { ...fields }
  if (fields.storyPoints !== undefined) wire.storyPoints = String(fields.storyPoints)
  return wire
}

/** One change goes straight out; more go in batches of 50, each item succeeding or failing on its own. */
export async function updateItems({ changes, onProgress }: UpdateItemsInput): Promise<UpdateItemsResult> {
  if (changes.length === 1) {
    const [change] = changes as [ItemChange]
    try {
      await callMethod('tasks.api.scrum.task.update', { id: change.taskId, fields: wireFields(change.fields) })
      return { failed: [] }
    } catch (error) {
      return { failed: [{ taskId: change.taskId, error: toRestError(error, 'tasks.api.scrum.task.update') }] }
    }
  }
  const outcomes = await callBatchChunks(
    changes.map((change) => ['tasks.api.scrum.task.update', { id: change.taskId, fields: wireFields(change.fields) }] as const),
    onProgress,
  )
  const failed: UpdateItemsResult['failed'] = []
  outcomes.forEach((outcome, index) => {
    if (!outcome.ok) failed.push({ taskId: changes[index]!.taskId, error: outcome.error })
  })
  return { failed }
}

/** Thrown when some items were not saved; the screen says how many and why. */
export class PartialUpdateError extends Error {
  override readonly name = 'PartialUpdateError'
  constructor(
    readonly failed: UpdateItemsResult['failed'],
    readonly total: number,
  ) {
    super(`${failed.length} of ${total} items were not saved`)
  }
}

/**
 * Optimistic: the list changes at once; items the portal refused go back to what they were.
 * A success is not followed by a reload of the whole backlog (thousands of items, dozens of requests):
 * the portal answers `true`, and the cache already holds what was sent.
 */
export function useUpdateItems() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (input: UpdateItemsInput) => {
      const result = await updateItems(input)
      if (result.failed.length > 0) throw new PartialUpdateError(result.failed, input.changes.length)
      return result
    },
    onMutate: async ({ groupId, changes }) => {
      const key = itemKeys.byGroup(groupId)
      await queryClient.cancelQueries({ queryKey: key })
      const before = queryClient.getQueryData<BacklogItem[]>(key)
      const byId = new Map(changes.map((change) => [change.taskId, change.fields]))
      queryClient.setQueryData<BacklogItem[]>(key, (items) =>
        items?.map((item) => (byId.has(item.taskId) ? { ...item, ...byId.get(item.taskId) } : item)),
      )
      return { before }
    },
    onError: (error, { groupId }, context) => {
      const key = itemKeys.byGroup(groupId)
      if (error instanceof PartialUpdateError && context?.before) {
        const previous = new Map(context.before.map((item) => [item.taskId, item]))
        const failed = new Set(error.failed.map((failure) => failure.taskId))
        queryClient.setQueryData<BacklogItem[]>(key, (items) =>
          items?.map((item) => (failed.has(item.taskId) ? (previous.get(item.taskId) ?? item) : item)),
        )
      } else if (context?.before) {
        queryClient.setQueryData(key, context.before)
      }
    },
  })
}
