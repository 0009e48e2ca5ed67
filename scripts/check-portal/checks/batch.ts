/** `batch` (digest §9): named commands, `$result[...]` references, `halt`, the 50-command limit. */
import type { Expect } from '../contract'
import type { Check } from '../context'
import type { Exchange } from '../http'
import { BATCH_LENGTH_EXCEEDED, BATCH_METHOD_NOT_ALLOWED, NO_SUCH_ID } from '../docs'
import { field, idOf, listAt } from './util'

const MAPS = ['result', 'result_error', 'result_total', 'result_next', 'result_time']

/** The sub-call errors are part of the contract: their codes and texts must match too. */
const compare = { sameValues: ['result.result_error.*.error', 'result.result_error.*.error_description'] }

/** The five maps of a batch answer; returns them (undefined when the envelope is wrong). */
function batchMaps(e: Expect, ex: Exchange): Record<string, unknown> | undefined {
  const result = e.success(ex)
  if (!e.object('result', result, Object.fromEntries(MAPS.map((m) => [m, ['object', 'array'] as const])))) return undefined
  return result as Record<string, unknown>
}

/** Keys of a batch map; an empty map is `[]` (PHP), which the contract requires. */
function keysOf(e: Expect, path: string, map: unknown, want: string[]): void {
  if (want.length === 0) {
    e.equal(path, map, [])
    return
  }
  e.equal(`${path} keys`, Object.keys(map as object).sort(), [...want].sort())
}

function subError(e: Expect, path: string, value: unknown, want: { error: string; error_description: string }): void {
  e.equal(`${path}.error`, String(field(value, 'error')), want.error)
  e.equal(`${path}.error_description`, field(value, 'error_description'), want.error_description)
}

export const batchChecks: Check[] = [
  {
    family: 'batch',
    name: 'batch references and errors',
    async run(ctx) {
      const group = ctx.need('batch', 'a scrum group with a backlog', (s) => s.read)
      const cmd = (groupId: number) => ({
        me: 'user.current',
        u: 'user.get?FILTER[ID][0]=$result[me][ID]',
        bl: `tasks.api.scrum.backlog.get?id=${groupId}`,
        missing: `tasks.api.scrum.backlog.get?id=${NO_SUCH_ID}`,
        // Runs after a failed command: without halt the batch goes on.
        same: 'tasks.api.scrum.backlog.get?id=$result[bl][groupId]',
        nested: 'batch?cmd[x]=user.current',
      })
      await ctx.both('batch named cmd, $result[..] refs, a failing and a nested call', {
        request: (s) => s.call('batch', { halt: 0, cmd: cmd(group[s.name].groupId) }),
        compare,
        contract(e, ex) {
          const maps = batchMaps(e, ex)
          if (!maps) return
          keysOf(e, 'result.result', maps.result, ['me', 'u', 'bl', 'same'])
          const me = field(maps.result, 'me')
          const users = listAt(field(maps.result, 'u'))
          e.equal('result.result.u[0].ID ($result[me][ID])', idOf(users[0]?.ID), idOf(field(me, 'ID')))
          e.equal('result.result.same.id ($result[bl][groupId])', field(field(maps.result, 'same'), 'id'), field(field(maps.result, 'bl'), 'id'))
          keysOf(e, 'result.result_error', maps.result_error, ['missing', 'nested'])
          subError(e, 'result.result_error.missing', field(maps.result_error, 'missing'), { error: '0', error_description: 'Backlog not found' })
          subError(e, 'result.result_error.nested', field(maps.result_error, 'nested'), BATCH_METHOD_NOT_ALLOWED)
          e.type('result.result_total.u', field(maps.result_total, 'u'), 'int')
          keysOf(e, 'result.result_next', maps.result_next, [])
          keysOf(e, 'result.result_time', maps.result_time, ['me', 'u', 'bl', 'same'])
          e.type('result.result_time.me.duration', field(field(maps.result_time, 'me'), 'duration'), 'number')
        },
      })
    },
  },
  {
    family: 'batch',
    name: 'batch halt',
    async run(ctx) {
      const cmd = { a: 'user.current', bad: `tasks.api.scrum.backlog.get?id=${NO_SUCH_ID}`, c: 'user.current' }
      await ctx.both('batch halt=1 stops at the first failure', {
        request: (s) => s.call('batch', { halt: 1, cmd }),
        compare,
        contract(e, ex) {
          const maps = batchMaps(e, ex)
          if (!maps) return
          keysOf(e, 'result.result', maps.result, ['a'])
          keysOf(e, 'result.result_error', maps.result_error, ['bad'])
          keysOf(e, 'result.result_total', maps.result_total, [])
          keysOf(e, 'result.result_time', maps.result_time, ['a'])
        },
      })
    },
  },
  {
    family: 'batch',
    name: 'batch over 50 commands',
    async run(ctx) {
      const cmd = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`c${String(i).padStart(2, '0')}`, 'tasks.api.scrum.backlog.getFields']))
      await ctx.both('batch 51 commands', {
        request: (s) => s.call('batch', { halt: 0, cmd }),
        compare,
        notes: ['the system-errors table lists ERROR_BATCH_LENGTH_EXCEEDED as HTTP 400; digest §9/§13 (source): a per-command error in a 200 answer'],
        contract(e, ex) {
          const maps = batchMaps(e, ex)
          if (!maps) return
          keysOf(e, 'result.result', maps.result, Object.keys(cmd).slice(0, 50))
          keysOf(e, 'result.result_error', maps.result_error, ['c50'])
          subError(e, 'result.result_error.c50', field(maps.result_error, 'c50'), BATCH_LENGTH_EXCEEDED)
        },
      })
    },
  },
]
