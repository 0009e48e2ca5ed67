import { queryOptions, useQuery, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query'
import { callBatch, notePortalPlan, type BatchOutcome } from '@/bitrix'
import { isNoBacklog, toBacklog } from '@/lib/backlog/backlog-fields'
import { toEpic } from '@/lib/epics/epic-fields'
import { groupDetailParams, isNoGroup } from '@/lib/groups/get-group'
import { toGroupDetail, type WorkgroupDetailAnswer } from '@/lib/groups/workgroup-fields'
import { handOverFailure } from '@/lib/handover'
import { backlogKeys, epicKeys, itemKeys, scrumGroupKeys, sprintKeys } from '@/lib/query-keys'
import { toSprint } from '@/lib/sprints/sprint-fields'
import { currentUserKey } from '@/lib/users/get-current-user'
import { toUser, type PortalUserAnswer } from '@/lib/users/user-fields'
import { toFields } from '@/features/backlog-settings/api/get-backlog-fields'
import { epicListParams, getEpics } from '@/features/epics/api/get-epics'
import { handOverFirstTaskPage, taskListParams, type TaskPage } from '@/features/items/api/get-items'
import { getSprints, sprintListParams } from '@/features/sprints/api/get-sprints'

export const planningKeys = {
  bootstrap: (groupId: number) => ['planning', groupId, 'bootstrap'] as const,
}

const PAGE = 50
/** The app's default staleTime (lib/react-query.ts). */
const ITEMS_STALE_MS = 30_000

/**
 * The planning screen's small reads in ONE request: the group, its backlog and the backlog's
 * fields, who is here, the epics, the sprints, the first page of the team's tasks and the portal's
 * plan. Each answer
 * goes to the query it belongs to, so the screen's hooks find it there; one that failed is not
 * stored, and its hook asks again on its own and shows its own error.
 */
export async function loadPlanning(groupId: number, portalOrigin: string, queryClient: QueryClient): Promise<{ at: number }> {
  const answers = await callBatch({
    group: ['socialnetwork.api.workgroup.get', groupDetailParams(groupId)],
    backlog: ['tasks.api.scrum.backlog.get', { id: groupId }],
    fields: ['tasks.api.scrum.backlog.getFields'],
    me: ['user.current'],
    epics: ['tasks.api.scrum.epic.list', epicListParams(groupId)],
    sprints: ['tasks.api.scrum.sprint.list', sprintListParams(groupId)],
    tasks: ['tasks.task.list', taskListParams(groupId)],
    // The portal's plan sets the pace of a big backlog's load (rate limits): here it costs nothing.
    plan: ['app.info'],
  })
  if (answers.plan.ok) void notePortalPlan(answers.plan.result as Parameters<typeof notePortalPlan>[0]).catch(() => undefined)
  const ok = <T>(outcome: BatchOutcome<unknown>): T | undefined => (outcome.ok ? (outcome.result as T) : undefined)

  /** A failure goes to the query that would have asked: its first run reports it, with Retry. */
  const failed = (key: QueryKey, outcome: BatchOutcome<unknown>) => {
    if (!outcome.ok) handOverFailure(key, outcome.error)
  }

  const group = answers.group
  if (group.ok) queryClient.setQueryData(scrumGroupKeys.detail(groupId), toGroupDetail(group.result as WorkgroupDetailAnswer, portalOrigin))
  else if (isNoGroup(group.error)) queryClient.setQueryData(scrumGroupKeys.detail(groupId), null)
  else failed(scrumGroupKeys.detail(groupId), group)

  const backlog = answers.backlog
  if (backlog.ok) queryClient.setQueryData(backlogKeys.byGroup(groupId), toBacklog(backlog.result))
  else if (isNoBacklog(backlog.error)) queryClient.setQueryData(backlogKeys.byGroup(groupId), null)
  else failed(backlogKeys.byGroup(groupId), backlog)

  const fields = ok(answers.fields)
  if (fields !== undefined) queryClient.setQueryData(backlogKeys.fields(), toFields(fields))
  else failed(backlogKeys.fields(), answers.fields)
  const me = ok<PortalUserAnswer>(answers.me)
  if (me) queryClient.setQueryData(currentUserKey, toUser(me))
  else failed(currentUserKey, answers.me)

  // Lists of 50 or more have more pages: read them now, as their own hooks would.
  const epics = ok<unknown[]>(answers.epics)
  if (epics) {
    const all = epics.length < PAGE ? epics.map(toEpic) : await getEpics(groupId, epics).catch(() => undefined)
    if (all) queryClient.setQueryData(epicKeys.byGroup(groupId), all)
  } else failed(epicKeys.byGroup(groupId), answers.epics)
  const sprints = ok<unknown[]>(answers.sprints)
  if (sprints) {
    const all = sprints.length < PAGE ? sprints.map(toSprint) : await getSprints(groupId, sprints).catch(() => undefined)
    if (all) queryClient.setQueryData(sprintKeys.byGroup(groupId), all)
  } else failed(sprintKeys.byGroup(groupId), answers.sprints)
  // Handed to the items only when they are about to be read (not when a fresh list is cached).
  const items = queryClient.getQueryState(itemKeys.byGroup(groupId))
  const itemsFresh = items?.status === 'success' && !items.isInvalidated && Date.now() - items.dataUpdatedAt < ITEMS_STALE_MS
  const tasks = answers.tasks
  if (tasks.ok && !itemsFresh) {
    const page = tasks.result as TaskPage['result']
    handOverFirstTaskPage(groupId, { result: page, total: tasks.total ?? page.tasks.length, next: tasks.next })
  } else if (!itemsFresh) failed(itemKeys.byGroup(groupId), tasks)
  return { at: Date.now() }
}

export const planningQueryOptions = (groupId: number, portalOrigin: string, queryClient: QueryClient) =>
  queryOptions({
    queryKey: planningKeys.bootstrap(groupId),
    queryFn: () => loadPlanning(groupId, portalOrigin, queryClient),
    staleTime: Infinity,
    // Kept a moment after the screen closes (StrictMode remounts it once), then dropped: opening the
    // team again reads it again.
    gcTime: 5_000,
  })

/** Settled (answered or failed) once the screen's own queries may run. */
export function usePlanningBootstrap(groupId: number, portalOrigin: string) {
  const queryClient = useQueryClient()
  const query = useQuery(planningQueryOptions(groupId, portalOrigin, queryClient))
  return { settled: query.isFetched, error: query.error }
}
