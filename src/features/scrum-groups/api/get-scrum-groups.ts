import { infiniteQueryOptions, useInfiniteQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { callBatch, callPage, type BatchCommand } from '@/bitrix'
import { isNoBacklog, toBacklog, type BacklogStatus } from '@/lib/backlog/backlog-fields'
import { GROUP_SELECT, SCRUM_FILTER, toGroup, type Group, type WorkgroupAnswer } from '@/lib/groups/workgroup-fields'
import { backlogKeys, scrumGroupKeys } from '@/lib/query-keys'
import { currentUserKey } from '@/lib/users/get-current-user'
import { getUsersByIds } from '@/lib/users/get-users'
import { toUser, type PortalUserAnswer } from '@/lib/users/user-fields'
import { lateSignal } from '@/lib/late-signal'

export interface ScrumGroupRow extends Group {
  scrumMasterName: string | null
  backlogStatus: BacklogStatus
}

export interface ScrumGroupPage {
  groups: ScrumGroupRow[]
  /** Null when the portal ignored the scrum filter: its total then counts every group. */
  total: number | null
  next: number | undefined
}

/** With the filter ignored, a page may hold few scrums: read on, a few pages at most, to fill the screen. */
const FILL_ROWS = 20
const MAX_EXTRA_PAGES = 3

type WorkgroupPage = { workgroups: WorkgroupAnswer[] }

function listParams(search: string, isAdmin: boolean) {
  const filter: Record<string, unknown> = { ...SCRUM_FILTER }
  if (search) filter['%NAME'] = search
  // Without IS_ADMIN the portal shows even an administrator only the groups they are in or can see.
  const params = isAdmin ? { params: { IS_ADMIN: 'Y' } } : {}
  return { filter, select: GROUP_SELECT, order: { NAME: 'ASC', ID: 'ASC' }, ...params }
}

export interface ScrumGroupQuery {
  search: string
  portalOrigin: string
  isAdmin: boolean
}

/**
 * One page of scrums with everything a row shows, in three HTTP requests whatever the page size:
 * 1. the page of groups (the first page also asks who the current user is, in the same batch);
 * 2. every group's backlog, one `batch` of up to 50 `backlog.get`;
 * 3. the scrum masters' names, one `user.get` (2 and 3 go out together).
 */
export async function getScrumGroupPage(
  { search, portalOrigin, isAdmin }: ScrumGroupQuery,
  start: number,
  queryClient: QueryClient,
  signal?: AbortSignal,
): Promise<ScrumGroupPage> {
  // A search the user typed past (or a picker left) sends nothing more.
  const options = { signal }
  let rows: WorkgroupAnswer[]
  let total: number | null
  let next: number | undefined
  if (start === 0) {
    const first = await callBatch({
      me: ['user.current'],
      groups: ['socialnetwork.api.workgroup.list', listParams(search, isAdmin)],
    }, options)
    if (!first.groups.ok) throw first.groups.error
    if (first.me.ok) queryClient.setQueryData(currentUserKey, toUser(first.me.result as PortalUserAnswer))
    rows = (first.groups.result as WorkgroupPage).workgroups
    total = first.groups.total ?? rows.length
    next = first.groups.next
  } else {
    const page = await callPage<WorkgroupPage>('socialnetwork.api.workgroup.list', listParams(search, isAdmin), start, options)
    rows = page.result.workgroups
    total = page.total
    next = page.next
  }
  // `!SCRUM_MASTER_ID` is the documented scrum filter, but whether every portal applies it is not
  // settled: a group without a scrum master is never shown, and if one came back the counts are
  // the portal's count of all groups, so they are not shown either.
  let groups = rows.map((row) => toGroup(row, portalOrigin))
  if (groups.some((group) => !group.isScrum)) {
    total = null
    groups = groups.filter((group) => group.isScrum)
    for (let extra = 0; groups.length < FILL_ROWS && next !== undefined && extra < MAX_EXTRA_PAGES; extra++) {
      const page = await callPage<WorkgroupPage>('socialnetwork.api.workgroup.list', listParams(search, isAdmin), next, options)
      groups.push(...page.result.workgroups.map((row) => toGroup(row, portalOrigin)).filter((group) => group.isScrum))
      next = page.next
    }
  }
  if (groups.length === 0) return { groups: [], total, next }

  const backlogCommands = Object.fromEntries(
    groups.map((group) => [`g${group.id}`, ['tasks.api.scrum.backlog.get', { id: group.id }] as BatchCommand]),
  )
  const [backlogs, masters] = await Promise.all([
    callBatch(backlogCommands, options),
    getUsersByIds(
      groups.map((group) => group.scrumMasterId),
      signal,
    ),
  ])

  const rowsWithDetails = groups.map((group): ScrumGroupRow => {
    const outcome = backlogs[`g${group.id}`]
    let backlogStatus: BacklogStatus = 'unknown'
    if (outcome?.ok) {
      backlogStatus = 'present'
      // The backlog screen opens from the cache instead of asking again.
      queryClient.setQueryData(backlogKeys.byGroup(group.id), toBacklog(outcome.result))
    } else if (outcome && isNoBacklog(outcome.error)) {
      backlogStatus = 'missing'
      queryClient.setQueryData(backlogKeys.byGroup(group.id), null)
    }
    return { ...group, backlogStatus, scrumMasterName: masters.get(group.scrumMasterId)?.fullName ?? null }
  })
  return { groups: rowsWithDetails, total, next }
}

export const scrumGroupsQueryOptions = (query: ScrumGroupQuery, queryClient: QueryClient) =>
  infiniteQueryOptions({
    queryKey: scrumGroupKeys.list(query.search),
    queryFn: (context) => getScrumGroupPage(query, context.pageParam, queryClient, lateSignal(context)),
    initialPageParam: 0,
    getNextPageParam: (last) => last.next,
  })

export function useScrumGroups(query: ScrumGroupQuery) {
  const queryClient = useQueryClient()
  return useInfiniteQuery(scrumGroupsQueryOptions(query, queryClient))
}
