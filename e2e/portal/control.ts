/**
 * The control API (`/control/*`): how tests steer the portal — reset data, inject faults and
 * latency, switch limits, play one answer to an open question (quirks.ts), expire tokens or stop
 * refreshing them, read the request log. JSON in and
 * out; not rate limited and not logged, so it never disturbs what a test measures.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { addBigBacklog, BIG_BACKLOG_MAX } from './data/big-backlog'
import { backlogView } from './methods/backlog'
import { isSeedName } from './data/seeds'
import { readJson, type Params } from './http/body'
import { corsHeaders, preflightHeaders } from './http/cors'
import { sendEmpty, sendJson } from './http/send'
import { isPlanName, licenseOf, PLANS } from './plans'
import { mergeQuirks } from './quirks'
import type { PortalState } from './state'
import { phpInt } from './rest/php'

class BadRequest extends Error {}

const num = (body: Params, key: string, { min = 0, optional = false } = {}): number | undefined => {
  const value = body[key]
  if (value === undefined && optional) return undefined
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) throw new BadRequest(`"${key}" must be a number >= ${min}`)
  return value
}

const bool = (body: Params, key: string, optional = false): boolean | undefined => {
  const value = body[key]
  if (value === undefined && optional) return undefined
  if (typeof value !== 'boolean') throw new BadRequest(`"${key}" must be a boolean`)
  return value
}

type Handler = (state: PortalState, body: Params) => unknown

const ROUTES: Record<string, Handler> = {
  'POST /control/reset': (state, body) => {
    if (body.seed !== undefined && !isSeedName(body.seed)) throw new BadRequest('"seed" must be "default" or "large"')
    state.reset(body.seed)
    return { ok: true, seed: state.store.seedName }
  },

  'POST /control/faults': (state, body) => {
    if (typeof body.method !== 'string' || !body.method) throw new BadRequest('"method" is required')
    // `error: 0` (a number, as old docs print it) means the code "0".
    if (typeof body.error === 'number') body.error = String(body.error)
    if (body.error !== undefined && body.error !== null && typeof body.error !== 'string') throw new BadRequest('"error" must be a string, a number or null')
    if (body.description !== undefined && typeof body.description !== 'string') throw new BadRequest('"description" must be a string')
    const count = num(body, 'count', { min: -1, optional: true })
    if (count === 0) throw new BadRequest('"count" must be positive or -1')
    const nth = num(body, 'nth', { min: 1, optional: true })
    if (nth !== undefined && !Number.isInteger(nth)) throw new BadRequest('"nth" must be a whole number >= 1')
    if (body.match !== undefined && (typeof body.match !== 'object' || body.match === null || Array.isArray(body.match))) {
      throw new BadRequest('"match" must be an object of params')
    }
    const fault = state.faults.add({
      method: body.method,
      status: num(body, 'status', { min: 100, optional: true }),
      error: body.error as string | null | undefined,
      description: body.description as string | undefined,
      count,
      delay: num(body, 'delay', { optional: true }),
      inBatch: bool(body, 'inBatch', true),
      nth,
      match: body.match as Params | undefined,
      after: bool(body, 'after', true),
      abort: bool(body, 'abort', true),
    })
    // So that the call it drops comes on a fresh connection (see noReuseWhileDropping in server.ts).
    if (fault.abort) state.closeIdleConnections()
    return { ok: true, id: fault.id }
  },

  'GET /control/faults': (state) =>
    state.faults.list().map((f) => ({
      id: f.id, method: f.method, remaining: f.remaining, delay: f.delayMs, inBatch: f.inBatch,
      // An abort fault answers nothing: status 0, as the request log shows it.
      status: f.abort ? 0 : (f.failure?.status ?? 200), error: f.failure?.error ?? null, description: f.failure?.description ?? null,
      nth: f.nth, skip: f.skip, match: f.match, after: f.after, abort: f.abort,
    })),

  'DELETE /control/faults': (state) => {
    state.faults.clear()
    return { ok: true }
  },

  'POST /control/latency': (state, body) => {
    state.latencyMs = num(body, 'ms') ?? 0
    return { ok: true, ms: state.latencyMs }
  },

  'POST /control/rate-limit': (state, body) => {
    const current = state.limiter.settings
    const settings = {
      enabled: bool(body, 'enabled', true) ?? current.enabled,
      burst: num(body, 'burst', { min: 1, optional: true }) ?? current.burst,
      drainPerSecond: num(body, 'drainPerSecond', { optional: true }) ?? current.drainPerSecond,
    }
    // Reconfiguring empties the buckets, so a test starts from a known level.
    state.limiter.configure(settings)
    return { ok: true, ...settings }
  },

  /**
   * The portal's plan (plans.ts): app.info's LICENSE and the bucket's burst and drain (Enterprise
   * 250 and 5/s, others 50 and 2/s). Whether the bucket is on stays as it was.
   */
  'POST /control/plan': (state, body) => {
    if (!isPlanName(body.plan)) throw new BadRequest(`"plan" must be one of ${Object.keys(PLANS).join(', ')}`)
    state.setPlan(body.plan)
    return { ok: true, plan: state.plan, license: licenseOf(state.plan), rateLimit: state.limiter.settings }
  },

  /**
   * A scrum team whose backlog holds `items` generated tasks, added to the current data
   * (data/big-backlog.ts); `/control/reset` drops it with everything else.
   */
  'POST /control/big-backlog': (state, body) => {
    const items = num(body, 'items', { min: 1 }) ?? 0
    if (!Number.isInteger(items) || items > BIG_BACKLOG_MAX) throw new BadRequest(`"items" must be a whole number from 1 to ${BIG_BACKLOG_MAX}`)
    const seed = num(body, 'seed', { optional: true })
    if (seed !== undefined && !Number.isInteger(seed)) throw new BadRequest('"seed" must be a whole number')
    return { ok: true, ...addBigBacklog(state.store, items, seed) }
  },

  /**
   * The per-method budget (rest/operating.ts), a partial update that empties the baskets.
   * `costSeconds: null` charges each method's simulated cost; a number charges that per call.
   */
  'POST /control/operating': (state, body) => {
    const current = state.operating.settings
    const costSeconds = body.costSeconds === null ? null : num(body, 'costSeconds', { optional: true })
    const settings = {
      enabled: bool(body, 'enabled', true) ?? current.enabled,
      limitSeconds: num(body, 'limitSeconds', { optional: true }) ?? current.limitSeconds,
      windowSeconds: num(body, 'windowSeconds', { min: 1, optional: true }) ?? current.windowSeconds,
      costSeconds: costSeconds === undefined ? current.costSeconds : costSeconds,
    }
    state.operating.configure(settings)
    return { ok: true, ...settings }
  },

  /** The open questions' switches (quirks.ts): a partial update; unknown names or values are a 400. */
  'POST /control/quirks': (state, body) => {
    const next = mergeQuirks(state.quirks, body)
    if (typeof next === 'string') throw new BadRequest(next)
    state.quirks = next
    return { ok: true, ...state.quirks }
  },

  'GET /control/quirks': (state) => ({ ...state.quirks }),

  'POST /control/token-ttl': (state, body) => {
    state.auth.ttlSeconds = num(body, 'seconds', { min: 1 }) ?? state.auth.ttlSeconds
    return { ok: true, seconds: state.auth.ttlSeconds }
  },

  'POST /control/expire-tokens': (state) => {
    state.auth.expireAll()
    return { ok: true }
  },

  'POST /control/error-code-style': (state, body) => {
    if (body.style !== 'string' && body.style !== 'number') throw new BadRequest('"style" must be "string" or "number"')
    state.errorCodeStyle = body.style
    return { ok: true, style: state.errorCodeStyle }
  },

  /** What the real portal does when someone opens a scrum's Planning page: create the missing backlog. */
  'POST /control/planning-opened': (state, body) => {
    const groupId = phpInt(body.groupId)
    const group = state.store.group(groupId)
    if (!group) throw new BadRequest(`group ${String(body.groupId)} does not exist`)
    const existing = state.store.backlogOf(groupId)
    if (existing) return { ok: true, created: false, backlog: backlogView(existing) }
    const userId = body.userId === undefined ? group.scrumMasterId || group.ownerId : phpInt(body.userId)
    const backlog = state.store.addBacklog({ groupId, createdBy: userId, modifiedBy: userId })
    return { ok: true, created: true, backlog: backlogView(backlog) }
  },

  /** While on, the portal issues no new tokens: its session ended, so only a new login would help. */
  'POST /control/refresh': (state, body) => {
    state.refreshFails = bool(body, 'fail') ?? false
    return { ok: true, fail: state.refreshFails }
  },

  'GET /control/requests': (state) => state.log.list(),

  'DELETE /control/requests': (state) => {
    state.log.clear()
    return { ok: true }
  },

  'GET /control/store': (state) => state.store.dump(),

  'GET /control/settings': (state) => ({
    seed: state.store.seedName,
    latencyMs: state.latencyMs,
    errorCodeStyle: state.errorCodeStyle,
    tokenTtlSeconds: state.auth.ttlSeconds,
    refreshFails: state.refreshFails,
    plan: state.plan,
    rateLimit: state.limiter.settings,
    operating: state.operating.settings,
    quirks: state.quirks,
  }),
}

export async function handleControl(state: PortalState, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  if (req.method === 'OPTIONS') {
    sendEmpty(res, 204, preflightHeaders(req))
    return
  }
  const cors = corsHeaders(req)
  const handler = ROUTES[`${req.method} ${url.pathname.replace(/\/+$/, '')}`]
  if (!handler) {
    sendJson(res, 404, { error: 'not_found', error_description: `No control route ${req.method} ${url.pathname}` }, cors)
    return
  }
  try {
    const body = req.method === 'GET' ? {} : await readJson(req).catch((e: Error) => Promise.reject(new BadRequest(e.message)))
    sendJson(res, 200, handler(state, body), cors)
  } catch (error) {
    const status = error instanceof BadRequest ? 400 : 500
    sendJson(res, status, { error: status === 400 ? 'bad_request' : 'internal_error', error_description: (error as Error).message }, cors)
  }
}
