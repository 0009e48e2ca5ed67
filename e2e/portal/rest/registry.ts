/** The contract between the REST core and the method families in methods/. */
import type { Store, User } from '../data/model'
import type { PlanName } from '../plans'
import type { Quirks } from '../quirks'
import type { Principal } from './auth'
import type { MethodResult } from './envelope'
import type { Params, Start } from './params'

export interface MethodContext {
  store: Store
  /** The caller: the token owner, or the webhook's user. */
  user: User
  principal: Principal
  /** The `start` param, taken out of the params by the router. */
  start: Start
  /** Portal origin, for absolute URLs of photos and avatars. */
  origin: string
  /** The open questions' switches (quirks.ts). */
  quirks: Readonly<Quirks>
  /** The portal's plan (plans.ts), for app.info. */
  plan: PlanName
}

/** Runs synchronously against the store; throws RestFailure for method errors. */
export type MethodHandler = (params: Params, ctx: MethodContext) => MethodResult

export interface MethodSpec {
  /** Scope the token must hold; null = none (digest §12). */
  scope: string | null
  handler: MethodHandler
}

/** Lowercase method name → spec. */
export type MethodTable = Record<string, MethodSpec>
