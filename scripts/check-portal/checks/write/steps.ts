/** Steps the write checks share: reading a scrum item back in the same request, a created task's shape. */
import type { Expect } from '../../contract'
import type { CheckContext, Pair, Side } from '../../context'
import { SCRUM_ITEM } from '../../docs'
import type { Exchange } from '../../http'
import { command } from '../../phpQuery'
import { field, resultOf } from '../util'

export const UPDATE = 'tasks.api.scrum.task.update'
export const GET = 'tasks.api.scrum.task.get'

/** task.update answers `result: true` (digest §3.2; the page's {status, data, errors} is the AJAX format). */
export const UPDATE_NOTE = 'the page shows {status,data,errors} (AJAX format); REST answers result true (digest §3.2)'

/** Sub-call errors inside a batch are compared by code and text. */
export const batchCompare = { sameValues: ['result.result_error.*.error', 'result.result_error.*.error_description'] }

/**
 * `tasks.api.scrum.task.update` and `tasks.api.scrum.task.get` of the same task in one batch (halt):
 * one request instead of two, and the read-back sees exactly what the update left.
 */
export function updateAndGet(
  ctx: CheckContext,
  label: string,
  spec: {
    taskId: (side: Side) => number
    fields: (side: Side) => Record<string, unknown>
    check: (e: Expect, item: Record<string, unknown>, side: Side) => void
  },
): Promise<Pair> {
  return ctx.both(label, {
    request: (s) => s.call('batch', { halt: 1, cmd: { u: command(UPDATE, { id: spec.taskId(s), fields: spec.fields(s) }), g: command(GET, { id: spec.taskId(s) }) } }),
    compare: batchCompare,
    contract(e, ex, side) {
      const maps = e.success(ex)
      e.equal('result.result_error', field(maps, 'result_error'), [])
      e.equal('result.result.u (task.update)', field(field(maps, 'result'), 'u'), true)
      const item = field(field(maps, 'result'), 'g')
      if (e.object('result.result.g (task.get)', item, SCRUM_ITEM)) spec.check(e, item as Record<string, unknown>, side)
    },
  })
}

/** tasks.task.add's answer: `{task: {...}}` with string values (digest §7.3). */
export function expectCreatedTask(e: Expect, ex: Exchange, groupId: number): void {
  const result = e.success(ex)
  if (!e.object('result', result, { task: 'object' })) return
  const task = field(result, 'task')
  e.object('result.task', task, { id: 'numericString', title: 'string', groupId: 'numericString', responsibleId: 'numericString', status: 'numericString' }, { exact: false })
  e.equal('result.task.groupId', field(task, 'groupId'), String(groupId))
}

/** A scrum item read directly: the documented object. */
export function expectItem(e: Expect, ex: Exchange, check: (item: Record<string, unknown>) => void): void {
  const item = e.success(ex)
  if (e.object('result', item, SCRUM_ITEM)) check(item as Record<string, unknown>)
}

export const itemOf = (ex: Exchange) => resultOf(ex)

/** ISO 8601 with an offset, as the sprint pages show dates. */
export const isoDate = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00')
