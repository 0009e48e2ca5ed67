/**
 * What the portal itself does around an app, for the host page (`/portal/*`) and for server-side
 * token refresh (`/oauth/token/`, mimicking oauth.bitrix.info, digest §12).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { DEFAULTS } from './config'
import { SEED } from './data/seed-default'
import { parseBody, parsePhpQuery, readBody, readJson, type Params } from './http/body'
import { corsHeaders, preflightHeaders } from './http/cors'
import { sendEmpty, sendJson } from './http/send'
import type { PortalState } from './state'
import { phpInt } from './rest/php'

/** http or https, as the portal listens. */
const scheme = (state: PortalState) => (state.origin.startsWith('https:') ? 'https' : 'http')

/** host:port exactly as the browser addressed the portal; the SDK's origin check needs it. */
export function domainOf(req: IncomingMessage, state: PortalState): string {
  return req.headers.host ?? new URL(state.origin).host
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    description: string,
  ) {
    super(description)
  }
}

function parseScopes(value: unknown): string[] {
  if (value === undefined) return [...DEFAULTS.appScopes]
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : undefined
  if (!list || list.some((s) => typeof s !== 'string')) throw new ApiError(400, 'invalid_scope', '"scopes" must be a comma list or an array of strings')
  return list.map((s: string) => s.trim()).filter(Boolean)
}

function config(state: PortalState, req: IncomingMessage) {
  const domain = domainOf(req, state)
  const { store } = state
  return {
    portalName: DEFAULTS.portalName,
    domain,
    origin: `${scheme(state)}://${domain}`,
    /** The PROTOCOL launch parameter: 1 when the portal speaks https (digest §11). */
    protocol: scheme(state) === 'https' ? 1 : 0,
    appUrl: state.appUrl,
    memberId: DEFAULTS.memberId,
    status: DEFAULTS.status,
    scopes: DEFAULTS.appScopes.join(','),
    users: store.userList().map((u) => ({
      id: u.id,
      name: u.name,
      lastName: u.lastName,
      fullName: [u.name, u.lastName].filter(Boolean).join(' '),
      workPosition: u.workPosition,
      photo: u.photo ? `${scheme(state)}://${domain}${u.photo}` : '',
      isAdmin: u.isAdmin,
      active: u.active,
    })),
    groups: store.groupList().map((g) => ({ id: g.id, name: g.name, type: g.type, isScrum: g.scrumMasterId > 0 })),
    // The app's widgets: the shell offers the workgroup tab only when the app has bound it.
    placements: store.placements.map((b) => ({ placement: b.placement, handler: b.handler, title: b.title })),
    defaultUserId: DEFAULTS.adminWebhook.userId,
    regularUserId: SEED.users.regular,
    languages: DEFAULTS.languages,
  }
}

/** What Bitrix24 puts into the app page's POST / the frame's init data when it renders the app. */
function session(state: PortalState, req: IncomingMessage, body: Params) {
  const userId = phpInt(body.userId)
  const user = state.store.user(userId)
  if (!user) throw new ApiError(400, 'invalid_request', `Unknown user ${String(body.userId)}`)
  if (!user.active) throw new ApiError(400, 'invalid_request', `User ${userId} is dismissed and cannot open apps`)
  const scopes = parseScopes(body.scopes)
  const pair = state.auth.issue(userId, scopes)
  const options = state.store.optionsOf(userId)
  return {
    AUTH_ID: pair.accessToken,
    AUTH_EXPIRES: pair.expiresIn,
    REFRESH_ID: pair.refreshToken,
    member_id: DEFAULTS.memberId,
    status: DEFAULTS.status,
    APP_OPTIONS: options.app,
    USER_OPTIONS: options.user,
    IS_ADMIN: user.isAdmin,
    DOMAIN: domainOf(req, state),
    SERVER_ENDPOINT: `${state.origin}/rest/`,
    APPLICATION_SCOPE: scopes.join(','),
    APPLICATION_TOKEN: 'devportalapplicationtoken',
  }
}

/** `POST /control/refresh {fail: true}`: the user's portal session is over, no token is renewed. */
function requireLiveSession(state: PortalState): void {
  if (state.refreshFails) throw new ApiError(400, 'invalid_grant', 'The refresh token has expired or was revoked')
}

function refresh(state: PortalState, body: Params) {
  requireLiveSession(state)
  const pair = typeof body.refreshToken === 'string' ? state.auth.refreshPair(body.refreshToken) : undefined
  if (!pair) throw new ApiError(400, 'invalid_grant', 'Invalid refresh token')
  return { AUTH_ID: pair.accessToken, REFRESH_ID: pair.refreshToken, AUTH_EXPIRES: pair.expiresIn }
}

function setOption(state: PortalState, body: Params) {
  const userId = phpInt(body.userId)
  if (body.kind !== 'app' && body.kind !== 'user') throw new ApiError(400, 'invalid_request', '"kind" must be "app" or "user"')
  if (typeof body.name !== 'string' || !body.name) throw new ApiError(400, 'invalid_request', '"name" is required')
  if (body.kind === 'user' && !state.store.user(userId)) throw new ApiError(400, 'invalid_request', `Unknown user ${String(body.userId)}`)
  state.store.setOption(body.kind, body.name, body.value, userId)
  const options = state.store.optionsOf(userId)
  return { ok: true, APP_OPTIONS: options.app, USER_OPTIONS: options.user }
}

/** GET|POST /oauth/token/?grant_type=refresh_token&refresh_token=… (client_id/secret are not checked). */
async function oauthToken(state: PortalState, req: IncomingMessage, url: URL) {
  const raw = await readBody(req)
  const body = parseBody(raw, req.headers['content-type'])
  const params: Params = { ...parsePhpQuery(url.search), ...(body.ok ? body.params : {}) }
  if (params.grant_type !== 'refresh_token') throw new ApiError(400, 'invalid_request', 'Only grant_type=refresh_token is supported')
  requireLiveSession(state)
  const pair = typeof params.refresh_token === 'string' ? state.auth.refreshPair(params.refresh_token) : undefined
  if (!pair) throw new ApiError(400, 'invalid_grant', 'Invalid refresh token')
  return {
    access_token: pair.accessToken,
    refresh_token: pair.refreshToken,
    expires: pair.expires,
    expires_in: pair.expiresIn,
    domain: domainOf(req, state),
    member_id: DEFAULTS.memberId,
    scope: pair.scopes.join(','),
    status: DEFAULTS.status,
    user_id: pair.userId,
    client_endpoint: `${state.origin}/rest/`,
    server_endpoint: `${state.origin}/rest/`,
  }
}

export async function handlePortalApi(state: PortalState, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  if (req.method === 'OPTIONS') {
    sendEmpty(res, 204, preflightHeaders(req))
    return
  }
  const cors = corsHeaders(req)
  const path = url.pathname.replace(/\/+$/, '')
  const route = `${req.method} ${path}`
  try {
    let out: unknown
    if (route === 'GET /portal/config') out = config(state, req)
    else if (route === 'POST /portal/session') out = session(state, req, await readJson(req))
    else if (route === 'POST /portal/refresh') out = refresh(state, await readJson(req))
    else if (route === 'POST /portal/options') out = setOption(state, await readJson(req))
    else if (path === '/oauth/token' && (req.method === 'GET' || req.method === 'POST')) out = await oauthToken(state, req, url)
    else throw new ApiError(404, 'not_found', `No route ${route}`)
    sendJson(res, 200, out, cors)
  } catch (error) {
    const e = error instanceof ApiError ? error : new ApiError(400, 'invalid_request', (error as Error).message)
    sendJson(res, e.status, { error: e.code, error_description: e.message }, cors)
  }
}
