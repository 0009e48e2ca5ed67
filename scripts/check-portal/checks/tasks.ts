/** tasks.task.list as the planning screen reads a team's tasks (digest §7.1): camelCase keys, string values, Page paging. */
import type { Expect, Schema } from '../contract'
import type { Check } from '../context'
import type { Exchange } from '../http'
import { APP } from '../docs'
import { ascending, idOf, listAt } from './util'

const LIST = 'tasks.task.list'
const params = (groupId: number) => ({ filter: { GROUP_ID: groupId }, select: APP.taskSelect, order: { ID: 'ASC' } })

/** The selected fields, as strings; other keys (e.g. the `responsible` object) are allowed. */
const ROW: Schema = { id: 'numericString', title: 'string', status: 'numericString', responsibleId: 'numericString' }

function expectTasks(e: Expect, ex: Exchange): Array<Record<string, unknown>> | undefined {
  const result = e.success(ex)
  if (!e.object('result', result, { tasks: 'array' })) return undefined
  const rows = listAt(result, 'tasks')
  for (const row of rows) e.object('result.tasks[]', row, ROW, { exact: false })
  const ids = rows.map((r) => idOf(r.id) ?? 0)
  e.that(ascending(ids), `result.tasks: not in ID ascending order (${ids.slice(0, 5).join(', ')}…)`)
  e.that(rows.length <= 50, `result.tasks: ${rows.length} rows, at most 50 per page`)
  return rows
}

export const taskChecks: Check[] = [
  {
    family: 'tasks',
    name: 'tasks.task.list',
    async run(ctx) {
      const group = ctx.need(LIST, 'a scrum group', (s) => s.read)
      await ctx.both(`${LIST} GROUP_ID, app select, ID asc`, {
        request: (s) => s.call(LIST, params(group[s.name].groupId)),
        contract(e, ex) {
          const rows = expectTasks(e, ex)
          if (rows) e.paging(ex.body, rows.length, 0)
        },
      })
      await ctx.both(`${LIST} start=50`, {
        request: (s) => s.call(LIST, { ...params(group[s.name].groupId), start: 50 }),
        contract(e, ex, side) {
          const rows = expectTasks(e, ex)
          if (!rows) return
          e.paging(ex.body, rows.length, 50)
          // Page 2 starts after page 1: ids beyond the first page's last one.
          const lastOfFirst = side.read?.taskIds.at(-1) ?? 0
          if (rows.length) e.that((idOf(rows[0]?.id) ?? 0) > lastOfFirst, `start=50: first id ${String(rows[0]?.id)} is not after page 1 (last ${lastOfFirst})`)
        },
      })
    },
  },
]
