/**
 * The `/rest/...` HTTP endpoint: OAuth calls `/rest/{method}[.json]` and webhook calls
 * `/rest/{userId}/{secret}/{method}[.json]` (digest §0.1, §14).
 *
 * Pipeline: preflight → parse params → rate limit → latency → injected fault → auth → batch or
 * method → (an `after` fault) → answer. Every request, preflights included, lands in the request
 * log; one whose connection a fault dropped is logged with status 0 and error "ABORTED".
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { corsHeaders, preflightHeaders } from '../http/cors'
import { parseBody, parsePhpQuery, readBody, type Params } from '../http/body'
import { sendEmpty, sendJson } from '../http/send'
import type { PortalState } from '../state'
import type { Principal } from './auth'
import { batchCommands, runBatch, splitCall } from './batch'
import { errorBody, nowMs, successBody, timeBlock } from './envelope'
import { RestFailure, systemError } from './errors'
import { ConnectionDropped, sleep, strike } from './faults'
import { asFailure, invokeMethod } from './invoke'
import { parseStart } from './params'
import type { RequestLogEntry } from './requestLog'

export interface RestRoute {
  /** The method as the client wrote it (for the log). */
  name: string
  /** Lowercase routing key: method names are case-insensitive (digest §0.1). */
  method: string
  hook?: { userId: string; secret: string }
}

/** `/rest/tasks.api.scrum.backlog.get.json` → method; `/rest/1/secret/user.current` → webhook. */
export function parseRestPath(pathname: string): RestRoute | undefined {
  const segments = pathname.replace(/^\/rest\/?/, '').split('/').filter(Boolean)
  let decoded: string[]
  try {
    decoded = segments.map((s) => decodeURIComponent(s))
  } catch {
    return undefined
  }
  const named = (segment: string | undefined) => {
    const name = (segment ?? '').replace(/\.json$/i, '')
    return { name, method: name.toLowerCase() }
  }
  if (decoded.length === 1) return named(decoded[0])
  if (decoded.length === 3 && /^\d+$/.test(decoded[0] ?? '')) {
    return { ...named(decoded[2]), hook: { userId: decoded[0] ?? '', secret: decoded[1] ?? '' } }
  }
  return undefined
}

/** `auth` → the OAuth token; `start`, `bx24_*` → removed (digest §0.1, SDK §2.1). */
function takeControlParams(params: Params, req: IncomingMessage): { token: unknown; startRaw: unknown } {
  let token: unknown = params.auth
  delete params.auth
  if (token === undefined) {
    const header = req.headers.authorization
    const bearer = header ? /^Bearer\s+(.+)$/i.exec(header)?.[1] : undefined
    if (bearer !== undefined) token = bearer.trim()
  }
  const startRaw = params.start
  delete params.start
  for (const key of Object.keys(params)) if (key.startsWith('bx24_')) delete params[key]
  return { token, startRaw }
}

interface Reply {
  status: number
  body: unknown
  /** The error code, for the log. */
  error: string | null
}

export async function handleRest(state: PortalState, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const startedMs = nowMs()
  const entry: Omit<RequestLogEntry, 'id' | 'status' | 'durationMs' | 'bytesOut'> = {
    at: Date.now(),
    httpMethod: req.method ?? 'GET',
    path: url.pathname,
    methods: [],
    userId: null,
    bytesIn: 0,
    error: null,
    params: {},
  }
  const record = (status: number, bytesOut: number) =>
    state.log.add({ ...entry, status, bytesOut, durationMs: Math.round((nowMs() - startedMs) * 100) / 100 })

  if (req.method === 'OPTIONS') {
    record(204, sendEmpty(res, 204, preflightHeaders(req)))
    return
  }
  const cors = corsHeaders(req)
  const failed = (failure: RestFailure): Reply => ({ status: failure.status, body: errorBody(failure, state.errorCodeStyle), error: failure.error })

  /** Auth and the call itself; its failures become the answer, a dropped connection passes through. */
  const execute = async (route: RestRoute, params: Params, token: unknown, startRaw: unknown): Promise<Reply> => {
    try {
      const principal: Principal = route.hook ? state.auth.resolveWebhook(route.hook.userId, route.hook.secret) : state.auth.resolveToken(token)
      entry.userId = principal.userId
      if (route.method === 'batch') {
        const t0 = nowMs()
        const result = await runBatch(state, principal, params)
        const processing = nowMs() - t0
        // The outer batch call does not count toward `operating` (digest §9).
        const time = timeBlock(startedMs, nowMs(), processing, state.operating.stats(principal.clientKey, 'batch'))
        return { status: 200, body: successBody({ result }, time), error: null }
      }
      const outcome = invokeMethod(state, principal, route.method, params, parseStart(startRaw))
      if (!outcome.ok) return failed(outcome.failure)
      return { status: 200, body: successBody(outcome.out, outcome.time), error: null }
    } catch (error) {
      if (error instanceof ConnectionDropped) throw error
      return failed(asFailure(error))
    }
  }

  let reply: Reply
  try {
    const raw = await readBody(req)
    entry.bytesIn = raw.length
    const body = parseBody(raw, req.headers['content-type'])
    if (!body.ok) throw new RestFailure(400, 'INVALID_REQUEST', body.reason)
    // PHP's $_REQUEST: body values win over query values.
    const params: Params = { ...parsePhpQuery(url.search), ...body.params }
    const { token, startRaw } = takeControlParams(params, req)
    entry.params = params

    const route = parseRestPath(url.pathname)
    if (!route || !route.method) throw systemError('ERROR_METHOD_NOT_FOUND')
    const method = route.method
    entry.methods = method === 'batch' ? [route.name, ...batchCommands(params).map(([, call]) => splitCall(call).name)] : [route.name]

    if (!state.limiter.admit(req.socket.remoteAddress ?? 'unknown')) throw systemError('QUERY_LIMIT_EXCEEDED')
    if (state.latencyMs > 0) await sleep(state.latencyMs)
    const fault = state.faults.take(method, false, { ...params, start: startRaw })
    if (fault && !fault.after) {
      const failure = await strike(fault)
      if (failure) throw failure
    }
    reply = await execute(route, params, token, startRaw)
    if (fault?.after) {
      const failure = await strike(fault)
      if (failure) reply = failed(failure)
    }
  } catch (error) {
    if (error instanceof ConnectionDropped) {
      // No answer at all: the client sees a network error, as when a proxy or the network loses it.
      entry.error = 'ABORTED'
      req.socket.destroy()
      record(0, 0)
      return
    }
    reply = failed(asFailure(error))
  }
  entry.error = reply.error
  record(reply.status, sendJson(res, reply.status, reply.body, cors))
}
