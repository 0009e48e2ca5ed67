import { callBatchChunks, READ_CONCURRENCY } from '@/bitrix'
import type { ScrumTaskAnswer } from './item-fields'

/** The scrum side of some tasks, as the portal holds it now; `null` for a task that has none (any more). */
export async function readScrumItems(taskIds: readonly number[]): Promise<Map<number, ScrumTaskAnswer | null>> {
  const outcomes = await callBatchChunks<ScrumTaskAnswer>(taskIds.map((id) => ['tasks.api.scrum.task.get', { id }] as const), {
    concurrency: READ_CONCURRENCY,
  })
  const found = new Map<number, ScrumTaskAnswer | null>()
  taskIds.forEach((taskId, index) => {
    const outcome = outcomes[index]!
    if (outcome.ok) found.set(taskId, outcome.result)
    else if (outcome.error.is('Task not found')) found.set(taskId, null)
    else throw outcome.error
  })
  return found
}
