import { queryOptions, useQuery } from '@tanstack/react-query'
import { callMethod } from '@/bitrix'
import { scrumGroupKeys } from '../query-keys'
import { GROUP_SELECT, toGroup, type Group, type WorkgroupAnswer } from './workgroup-fields'

/** One group the user can see, or null (it does not exist or is hidden from them). */
export async function getGroup(groupId: number, portalOrigin: string, isAdmin: boolean): Promise<Group | null> {
  const answer = await callMethod<{ workgroups: WorkgroupAnswer[] }>('socialnetwork.api.workgroup.list', {
    filter: { ID: groupId },
    select: GROUP_SELECT,
    ...(isAdmin ? { params: { IS_ADMIN: 'Y' } } : {}),
  })
  const row = answer.workgroups[0]
  return row ? toGroup(row, portalOrigin) : null
}

export const groupQueryOptions = (groupId: number, portalOrigin: string, isAdmin: boolean) =>
  queryOptions({ queryKey: scrumGroupKeys.detail(groupId), queryFn: () => getGroup(groupId, portalOrigin, isAdmin) })

export const useGroup = (groupId: number, portalOrigin: string, isAdmin: boolean) =>
  useQuery(groupQueryOptions(groupId, portalOrigin, isAdmin))
