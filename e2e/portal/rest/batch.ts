/**
 * `batch` (digest §9): up to 50 `method?query` sub-calls run in order with the caller's auth,
 * `$result[key][...]` style references to earlier answers, `halt` to stop at the first failure.
 *
 * A fault that drops the connection on a sub-call ends the whole batch there: the sub-calls before
 * it have run (and written), that one too if the fault is `after`, the later ones never run.
 */
import { parsePhpQuery } from '../http/body'
import type { Principal } from './auth'
import { errorBody, phpArray, type ErrorCodeStyle, type TimeBlock } from './envelope'
import { systemError } from './errors'
import { strike, type FaultRegistry } from './faults'
import { invokeMethod, type CallOutcome, type InvokeDeps } from './invoke'
import { parseStart, type Params } from './params'
import { asRecord, isPhpArray, phpString } from './php'

export const BATCH_MAX_LENGTH = 50

export interface BatchDeps extends InvokeDeps {
  faults: FaultRegistry
  errorCodeStyle: ErrorCodeStyle
}

type Entries = Array<[string, unknown]>

interface Maps {
  result: Entries
  result_error: Entries
  result_total: Entries
  result_next: Entries
  result_time: Entries
}

/** Which answer map each macro reads. */
const MACRO_SOURCES = { result: 'result', error: 'result_error', total: 'result_total', next: 'result_next', time: 'result_time' } as const
const MACRO = /\$(result|error|total|next|time)((?:\[[^[\]]*\])+)/g
const WHOLE_MACRO = /^\$(result|error|total|next|time)((?:\[[^[\]]*\])+)$/

/** Look a macro up; `undefined` when the referenced command has no answer of that kind. */
function resolveMacro(maps: Maps, kind: keyof typeof MACRO_SOURCES, path: string): unknown {
  const segments = [...path.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] ?? '')
  const [key, ...rest] = segments
  const hit = maps[MACRO_SOURCES[kind]].find(([k]) => k === key)
  if (!hit) return undefined
  let value = hit[1]
  // A missing segment stops the walk at the last level that resolved (digest §9).
  for (const segment of rest) {
    if (!isPhpArray(value)) break
    const next = asRecord(value)[segment]
    if (next === undefined) break
    value = next
  }
  return value
}

function substitute(value: unknown, maps: Maps): unknown {
  if (typeof value === 'string') {
    const whole = WHOLE_MACRO.exec(value)
    if (whole) {
      const resolved = resolveMacro(maps, whole[1] as keyof typeof MACRO_SOURCES, whole[2] ?? '')
      return resolved === undefined ? value : resolved
    }
    return value.replace(MACRO, (macro, kind: keyof typeof MACRO_SOURCES, path: string) => {
      const resolved = resolveMacro(maps, kind, path)
      return resolved === undefined ? macro : phpString(resolved)
    })
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, maps))
  if (isPhpArray(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, maps)]))
  return value
}

/** `tasks.api.scrum.backlog.get?id=12` → the name as written, its lowercase routing key, the query. */
export function splitCall(call: string): { name: string; method: string; query: string } {
  const q = call.indexOf('?')
  const name = (q === -1 ? call : call.slice(0, q)).trim().replace(/^\/+/, '')
  return { name, method: name.toLowerCase(), query: q === -1 ? '' : call.slice(q + 1) }
}

/** Case-insensitive lookup of a top-level batch key (`cmd`/`CMD`, `halt`/`HALT`). */
function pick(params: Params, name: string): unknown {
  const key = Object.keys(params).find((k) => k.toLowerCase() === name)
  return key === undefined ? undefined : params[key]
}

function haltFlag(value: unknown): boolean {
  if (typeof value === 'string') return !['', '0', 'false', 'n'].includes(value.trim().toLowerCase())
  return Boolean(value)
}

/** The batch's commands in order, as [key, call] (non-string entries are skipped, as PHP does). */
export function batchCommands(params: Params): Array<[string, string]> {
  const cmd = pick(params, 'cmd')
  if (!isPhpArray(cmd)) return []
  return Object.entries(asRecord(cmd)).filter((e): e is [string, string] => typeof e[1] === 'string')
}

export async function runBatch(deps: BatchDeps, principal: Principal, params: Params): Promise<Record<string, unknown>> {
  const halt = haltFlag(pick(params, 'halt'))
  const maps: Maps = { result: [], result_error: [], result_total: [], result_next: [], result_time: [] }
  let executed = 0
  for (const [key, call] of batchCommands(params)) {
    if (executed >= BATCH_MAX_LENGTH) {
      maps.result_error.push([key, errorBody(systemError('ERROR_BATCH_LENGTH_EXCEEDED'), deps.errorCodeStyle)])
      continue
    }
    executed++
    const outcome = await runSubCall(deps, principal, call, maps)
    if (outcome.ok) {
      maps.result.push([key, outcome.out.result])
      if (outcome.out.total !== undefined) maps.result_total.push([key, outcome.out.total])
      if (outcome.out.next !== undefined) maps.result_next.push([key, outcome.out.next])
      maps.result_time.push([key, outcome.time satisfies TimeBlock])
    } else {
      maps.result_error.push([key, errorBody(outcome.failure, deps.errorCodeStyle)])
      if (halt) break
    }
  }
  return {
    result: phpArray(maps.result),
    result_error: phpArray(maps.result_error),
    result_total: phpArray(maps.result_total),
    result_next: phpArray(maps.result_next),
    result_time: phpArray(maps.result_time),
  }
}

async function runSubCall(deps: BatchDeps, principal: Principal, call: string, maps: Maps): Promise<CallOutcome> {
  const { method, query } = splitCall(call)
  if (method === 'batch') return { ok: false, failure: systemError('ERROR_BATCH_METHOD_NOT_ALLOWED') }
  const params = substitute(parsePhpQuery(query), maps) as Params
  const startRaw = params.start
  delete params.start
  delete params.auth
  for (const k of Object.keys(params)) if (k.startsWith('bx24_')) delete params[k]
  // Faults see the params the method gets, references resolved, `start` included (to hit a page).
  const fault = deps.faults.take(method, true, { ...params, start: startRaw })
  if (fault && !fault.after) {
    const failure = await strike(fault)
    if (failure) return { ok: false, failure }
  }
  const outcome = invokeMethod(deps, principal, method, params, parseStart(startRaw))
  if (fault?.after) {
    const failure = await strike(fault)
    if (failure) return { ok: false, failure }
  }
  return outcome
}
