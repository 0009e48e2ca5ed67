import { queryOptions, useQuery } from '@tanstack/react-query'
import { callMethod } from '@/bitrix'
import { userKeys } from '../query-keys'
import { toUser, type PortalUserAnswer, type User } from './user-fields'

/** Up to 50 users by id in one `user.get` request (dismissed users included: they still authored things). */
export async function getUsersByIds(ids: readonly number[], signal?: AbortSignal): Promise<Map<number, User>> {
  const unique = [...new Set(ids.filter((id) => id > 0))]
  if (unique.length === 0) return new Map()
  const answer = await callMethod<PortalUserAnswer[]>('user.get', { FILTER: { ID: unique } }, { signal })
  return new Map(answer.map((row) => [Number(row.ID), toUser(row)]))
}

export const usersQueryOptions = (ids: readonly number[]) =>
  queryOptions({
    queryKey: userKeys.byIds(ids),
    queryFn: () => getUsersByIds(ids),
    staleTime: 5 * 60_000,
  })

export const useUsers = (ids: readonly number[]) => useQuery(usersQueryOptions(ids))
