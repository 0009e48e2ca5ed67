import { queryOptions, useQuery } from '@tanstack/react-query'
import { callMethod, RestError } from '@/bitrix'
import { scrumGroupKeys } from '../query-keys'
import { toGroupDetail, type GroupDetail, type WorkgroupDetailAnswer } from './workgroup-fields'
import { throwHandedOver } from '../handover'

export const groupDetailParams = (groupId: number) => ({ params: { groupId, select: ['AVATAR'] } })

/** "Workgroup not found" is also the portal's answer for a group this user may not see. */
export function isNoGroup(error: unknown): boolean {
  return error instanceof RestError && error.code === 'SONET_CONTROLLER_WORKGROUP_NOT_FOUND'
}

/**
 * One group with what the planning screen needs to know before offering anything: whether it is
 * a scrum, its owner and moderators (who may complete sprints), its sprint length. Null when it does
 * not exist or is hidden from this user.
 */
export async function getGroup(groupId: number, portalOrigin: string): Promise<GroupDetail | null> {
  try {
    return toGroupDetail(await callMethod<WorkgroupDetailAnswer>('socialnetwork.api.workgroup.get', groupDetailParams(groupId)), portalOrigin)
  } catch (error) {
    if (isNoGroup(error)) return null
    throw error
  }
}

export const groupQueryOptions = (groupId: number, portalOrigin: string) =>
  queryOptions({
    queryKey: scrumGroupKeys.detail(groupId),
    queryFn: ({ queryKey }) => {
      throwHandedOver(queryKey)
      return getGroup(groupId, portalOrigin)
    },
  })

export const useGroup = (groupId: number, portalOrigin: string, enabled = true) =>
  useQuery({ ...groupQueryOptions(groupId, portalOrigin), enabled })
