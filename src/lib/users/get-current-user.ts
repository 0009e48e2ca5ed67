import { queryOptions, useQuery } from '@tanstack/react-query'
import { callMethod } from '@/bitrix'
import { userKeys } from '../query-keys'
import { toUser, type PortalUserAnswer, type User } from './user-fields'
import { throwHandedOver } from '../handover'

export const currentUserKey = [...userKeys.all, 'current'] as const

/** The person who opened the app: every call runs on their behalf. */
export async function getCurrentUser(): Promise<User> {
  return toUser(await callMethod<PortalUserAnswer>('user.current'))
}

export const currentUserQueryOptions = () =>
  queryOptions({
    queryKey: currentUserKey,
    queryFn: ({ queryKey }) => {
      throwHandedOver(queryKey)
      return getCurrentUser()
    },
    staleTime: Infinity,
  })

export const useCurrentUser = (enabled = true) => useQuery({ ...currentUserQueryOptions(), enabled })
