import type { QueryClient } from '@tanstack/react-query'
import { callMethod, RestError } from '@/bitrix'
import { orderKey } from '@/lib/items/change-items'
import { itemKeys, sprintKeys } from '@/lib/query-keys'
import { toSprint, type Sprint } from '@/lib/sprints/sprint-fields'

/** The portal's words for "no such sprint": the docs' and the source's. */
export function isSprintGone(error: unknown): boolean {
  return error instanceof RestError && error.isMethodError && error.is('Sprint not found', 'Item not found')
}

/** The sprint as the portal holds it now, or null when it is gone. */
export async function readSprint(id: number): Promise<Sprint | null> {
  try {
    return toSprint(await callMethod('tasks.api.scrum.sprint.get', { id }))
  } catch (error) {
    if (isSprintGone(error)) return null
    throw error
  }
}

/**
 * A sprint action whose answer was lost is checked on the portal: `done` says whether the sprint
 * as it is now shows the action happened. Unknown stays unknown if the check fails too.
 */
export async function checked<T>(send: () => Promise<T>, sprintId: number, done: (now: Sprint | null) => boolean, result: (now: Sprint | null) => T): Promise<T> {
  try {
    return await send()
  } catch (error) {
    if (!(error instanceof RestError) || !error.outcomeUnknown) throw error
    const now = await readSprint(sprintId).catch(() => Promise.reject(error))
    if (done(now)) return result(now)
    throw error
  }
}

/** Sprint actions move items (start, complete, delete): they queue with every other change of the team's order. */
export const sprintKeysFor = (groupId: number, sprintId: number) => [`sprint:${sprintId}`, orderKey(groupId)]

/** After a sprint action the portal has moved items and changed sprints: read both again. */
export function afterSprintChange(queryClient: QueryClient, groupId: number): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: sprintKeys.byGroup(groupId) }),
    queryClient.invalidateQueries({ queryKey: itemKeys.byGroup(groupId) }),
  ])
}
