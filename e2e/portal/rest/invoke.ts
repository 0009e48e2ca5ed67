/**
 * One REST call after authentication: method lookup → scope → operating budget → handler.
 * Shared by direct calls and batch sub-calls, so both behave the same (digest §9: "the scope is
 * checked per call").
 */
import type { Store } from '../data/model'
import type { PlanName } from '../plans'
import type { Quirks } from '../quirks'
import { checkScope, type Principal } from './auth'
import { nowMs, timeBlock, type MethodResult, type TimeBlock } from './envelope'
import { RestFailure, systemError } from './errors'
import type { OperatingBudget } from './operating'
import type { Params, Start } from './params'
import type { MethodTable } from './registry'

export interface InvokeDeps {
  store: Store
  methods: MethodTable
  operating: OperatingBudget
  origin: string
  quirks: Readonly<Quirks>
  plan: PlanName
}

export type CallOutcome = { ok: true; out: MethodResult; time: TimeBlock } | { ok: false; failure: RestFailure }

export function invokeMethod(deps: InvokeDeps, principal: Principal, method: string, params: Params, start: Start): CallOutcome {
  const startedMs = nowMs()
  try {
    const spec = deps.methods[method]
    if (!spec) throw systemError('ERROR_METHOD_NOT_FOUND')
    checkScope(spec.scope, principal)
    if (deps.operating.isBlocked(principal.clientKey, method)) throw systemError('OPERATION_TIME_LIMIT')
    const user = deps.store.user(principal.userId)
    if (!user || !user.active) throw systemError('NO_AUTH_FOUND')
    const t0 = nowMs()
    const out = spec.handler(params, { store: deps.store, user, principal, start, origin: deps.origin, quirks: deps.quirks, plan: deps.plan })
    const processing = nowMs() - t0
    deps.operating.charge(principal.clientKey, method, processing / 1000)
    return { ok: true, out, time: timeBlock(startedMs, nowMs(), processing, deps.operating.stats(principal.clientKey, method)) }
  } catch (error) {
    return { ok: false, failure: asFailure(error) }
  }
}

/** A RestFailure as is; anything else is a bug in the emulator, reported as the portal would. */
export function asFailure(error: unknown): RestFailure {
  if (error instanceof RestFailure) return error
  console.error('[portal] internal error:', error)
  return systemError('INTERNAL_SERVER_ERROR')
}
