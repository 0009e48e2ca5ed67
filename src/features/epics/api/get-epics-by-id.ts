import { queryOptions, useQuery } from '@tanstack/react-query'
import { callBatchChunks, READ_CONCURRENCY } from '@/bitrix'
import { epicKeys } from '@/lib/query-keys'
import { toEpic, type Epic } from '@/lib/epics/epic-fields'
import { isEpicGone } from './update-epic'

export interface EpicsById {
  found: Epic[]
  /** Ids the portal says no epic has any more: items marked with them point at a deleted epic. */
  deleted: number[]
}

/**
 * Epics that items point at but the team's list does not hold. `epic.list` only returns epics of
 * teams the user is a member of, so "not listed" is not "deleted": only `epic.get` can tell.
 */
export async function getEpicsById(ids: readonly number[]): Promise<EpicsById> {
  const outcomes = await callBatchChunks(ids.map((id) => ['tasks.api.scrum.epic.get', { id }] as const), {
    concurrency: READ_CONCURRENCY,
  })
  const result: EpicsById = { found: [], deleted: [] }
  ids.forEach((id, index) => {
    const outcome = outcomes[index]!
    if (outcome.ok) result.found.push(toEpic(outcome.result))
    else if (isEpicGone(outcome.error)) result.deleted.push(id)
    else throw outcome.error
  })
  return result
}

export const epicsByIdQueryOptions = (groupId: number, ids: readonly number[]) =>
  queryOptions({
    queryKey: epicKeys.byIds(groupId, ids),
    queryFn: () => getEpicsById(ids),
    staleTime: 60_000,
  })

export const useEpicsById = (groupId: number, ids: readonly number[]) =>
  useQuery({ ...epicsByIdQueryOptions(groupId, ids), enabled: ids.length > 0 })
