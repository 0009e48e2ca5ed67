/**
 * Finding data to read on a portal without knowing it: the webhook user, and the richest scrum
 * group that user can see (a backlog, tasks with scrum items, epics, sprints). The same search runs
 * on the dev portal, so both sides are read the same way. Four requests per portal.
 */
import { isObject } from './contract'
import type { ReadFixture, Side } from './context'

const CANDIDATES = 12

const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : 0)
const map = (v: unknown): Record<string, unknown> => (isObject(v) ? v : Array.isArray(v) ? Object.fromEntries(v.map((x, i) => [String(i), x])) : {})

export async function findMe(side: Side): Promise<number> {
  const ex = await side.call('user.current')
  return num(isObject(ex.body) && isObject(ex.body.result) ? ex.body.result.ID : undefined)
}

/** Scrum groups of the first page, with the documented filter; the rows are checked here too, since the filter is an open question. */
async function scrumGroups(side: Side): Promise<Array<{ id: number; name: string; scrumMasterId: number }>> {
  const params = { select: ['ID', 'NAME', 'SCRUM_MASTER_ID'], order: { ID: 'ASC' } }
  let ex = await side.call('socialnetwork.api.workgroup.list', { ...params, filter: { '!SCRUM_MASTER_ID': false } })
  if (ex.status !== 200) ex = await side.call('socialnetwork.api.workgroup.list', params)
  const rows = isObject(ex.body) && isObject(ex.body.result) && Array.isArray(ex.body.result.workgroups) ? ex.body.result.workgroups : []
  return rows
    .filter(isObject)
    .map((r) => ({ id: num(r.id), name: String(r.name ?? ''), scrumMasterId: num(r.scrumMasterId) }))
    .filter((g) => g.id > 0 && g.scrumMasterId > 0)
}

export async function discover(side: Side): Promise<{ fixture: ReadFixture | null; reason?: string }> {
  const groups = (await scrumGroups(side)).slice(0, CANDIDATES)
  if (groups.length === 0) return { fixture: null, reason: 'the webhook user sees no scrum group' }

  // One batch: each candidate's backlog, epics, sprints and first task page (4 × 12 = 48 commands).
  const cmd: Record<string, string> = {}
  for (const g of groups) {
    cmd[`b${g.id}`] = `tasks.api.scrum.backlog.get?id=${g.id}`
    cmd[`e${g.id}`] = `tasks.api.scrum.epic.list?filter[GROUP_ID]=${g.id}&order[ID]=ASC`
    cmd[`s${g.id}`] = `tasks.api.scrum.sprint.list?filter[GROUP_ID]=${g.id}&order[ID]=ASC`
    cmd[`t${g.id}`] = `tasks.task.list?filter[GROUP_ID]=${g.id}&select[0]=ID&order[ID]=ASC`
  }
  const batch = await side.call('batch', { halt: 0, cmd })
  const result = map(isObject(batch.body) && isObject(batch.body.result) ? batch.body.result.result : undefined)
  const totals = map(isObject(batch.body) && isObject(batch.body.result) ? batch.body.result.result_total : undefined)

  const scored = groups.map((g) => {
    const backlog = result[`b${g.id}`]
    const epics = Array.isArray(result[`e${g.id}`]) ? (result[`e${g.id}`] as unknown[]) : []
    const sprints = Array.isArray(result[`s${g.id}`]) ? (result[`s${g.id}`] as unknown[]) : []
    const tasksPage = result[`t${g.id}`]
    const tasks = isObject(tasksPage) && Array.isArray(tasksPage.tasks) ? tasksPage.tasks : []
    const backlogId = isObject(backlog) ? num(backlog.id) : 0
    const score = (backlogId ? 8 : 0) + (tasks.length ? 4 : 0) + (epics.length ? 2 : 0) + (sprints.length ? 1 : 0)
    return { g, backlogId, epics, sprints, tasks, taskTotal: num(totals[`t${g.id}`]) || tasks.length, score }
  })
  const best = scored.filter((s) => s.backlogId > 0).sort((a, b) => b.score - a.score)[0]
  if (!best) return { fixture: null, reason: `none of the ${groups.length} scrum groups the webhook user sees has a backlog` }

  const taskIds = best.tasks.filter(isObject).map((t) => num(t.id)).filter((id) => id > 0)
  let itemTaskId: number | undefined
  if (taskIds.length) {
    // The first task that has a scrum item (a task of the group may have none).
    const items = await side.call('batch', { halt: 0, cmd: Object.fromEntries(taskIds.slice(0, 50).map((id) => [`t${id}`, `tasks.api.scrum.task.get?id=${id}`])) })
    const found = map(isObject(items.body) && isObject(items.body.result) ? items.body.result.result : undefined)
    itemTaskId = taskIds.find((id) => isObject(found[`t${id}`]))
  }
  const epicIds = best.epics.filter(isObject).map((e) => num(e.id))
  const sprintIds = best.sprints.filter(isObject).map((s) => num(s.id))
  return {
    fixture: {
      groupId: best.g.id,
      groupName: best.g.name,
      scrumMasterId: best.g.scrumMasterId,
      backlogId: best.backlogId,
      taskIds,
      taskTotal: best.taskTotal,
      itemTaskId,
      epicId: epicIds[0],
      sprintId: sprintIds[0],
      sprintIds,
    },
  }
}
