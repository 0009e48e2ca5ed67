import { queryOptions, useQuery } from '@tanstack/react-query'
import { callMethod } from '@/bitrix'
import { GROUP_SELECT, SCRUM_FILTER, toGroup, type Group, type WorkgroupAnswer } from '@/lib/groups/workgroup-fields'
import { scrumGroupKeys } from '@/lib/query-keys'

/** Scrums whose name contains the text (first 50, by name): where a backlog may move. */
export async function searchScrumGroups(search: string, portalOrigin: string, isAdmin: boolean): Promise<Group[]> {
  const filter: Record<string, unknown> = { ...SCRUM_FILTER }
  if (search) filter['%NAME'] = search
  const answer = await callMethod<{ workgroups: WorkgroupAnswer[] }>('socialnetwork.api.workgroup.list', {
    filter,
    select: GROUP_SELECT,
    order: { NAME: 'ASC', ID: 'ASC' },
    ...(isAdmin ? { params: { IS_ADMIN: 'Y' } } : {}),
  })
  // A portal that ignored the scrum filter sends other groups too: they are never a target.
  return answer.workgroups.map((row) => toGroup(row, portalOrigin)).filter((group) => group.isScrum)
}

export const scrumGroupSearchQueryOptions = (search: string, portalOrigin: string, isAdmin: boolean) =>
  queryOptions({
    queryKey: [...scrumGroupKeys.all, 'search', search] as const,
    queryFn: () => searchScrumGroups(search, portalOrigin, isAdmin),
  })

export const useScrumGroupSearch = (search: string, portalOrigin: string, isAdmin: boolean, enabled: boolean) =>
  useQuery({ ...scrumGroupSearchQueryOptions(search, portalOrigin, isAdmin), enabled })
