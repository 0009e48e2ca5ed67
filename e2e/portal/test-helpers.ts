/**
 * Test harness: one real portal per test file on a random port, called over real HTTP.
 * Rate limiting is off unless a test asks for it (suites make far more than 50 calls).
 */
import qs from 'qs'
import { afterAll, beforeAll } from 'vitest'
import { SEED } from './data/seed-default'
import { startPortal, type PortalOptions, type RunningPortal } from './server'

/** Parsed JSON bodies are checked field by field in the tests. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any

export interface Reply {
  status: number
  body: Json
  headers: Headers
  ms: number
}

export type Mode = 'json' | 'form' | 'get' | 'multipart'

export interface CallOptions {
  /** An access token; `null` sends none. Default: a token of the admin. */
  token?: string | null
  mode?: Mode
  /** Replace `/rest/{method}` (webhooks, suffixes). */
  path?: string
  headers?: Record<string, string>
}

export const ENGINE_KEYS = ['start', 'finish', 'duration', 'processing', 'date_start', 'date_finish', 'operating_reset_at', 'operating']

async function reply(response: Response, started: number): Promise<Reply> {
  const text = await response.text()
  let body: Json = text
  try {
    body = text ? JSON.parse(text) : undefined
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body, headers: response.headers, ms: performance.now() - started }
}

export function setupPortal(options: PortalOptions = {}) {
  let portal: RunningPortal | undefined
  const tokens = new Map<string, string>()

  beforeAll(async () => {
    portal = await startPortal({ port: 0, rateLimit: false, ...options })
  })
  afterAll(async () => {
    await portal?.close()
  })

  const running = (): RunningPortal => {
    if (!portal) throw new Error('portal not started yet')
    return portal
  }

  const api = {
    get portal() {
      return running()
    },
    get url() {
      return running().url
    },

    async http(path: string, init: RequestInit = {}): Promise<Reply> {
      const started = performance.now()
      return reply(await fetch(`${running().url}${path}`, init), started)
    },

    async postJson(path: string, body: unknown): Promise<Reply> {
      return api.http(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    },

    async control(path: string, body?: unknown, method: 'GET' | 'POST' | 'DELETE' = body === undefined ? 'GET' : 'POST'): Promise<Json> {
      const r = await api.http(`/control/${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      if (r.status !== 200) throw new Error(`control ${path}: ${r.status} ${JSON.stringify(r.body)}`)
      return r.body
    },

    /** A fresh /portal/session for the user (default: the admin). */
    async session(userId: number = SEED.users.admin, scopes?: string | string[]): Promise<Json> {
      const r = await api.postJson('/portal/session', scopes === undefined ? { userId } : { userId, scopes })
      if (r.status !== 200) throw new Error(`session: ${r.status} ${JSON.stringify(r.body)}`)
      return r.body
    },

    /** A cached access token for the user (and scopes). */
    async token(userId: number = SEED.users.admin, scopes?: string): Promise<string> {
      const key = `${userId}|${scopes ?? ''}`
      const cached = tokens.get(key)
      if (cached) return cached
      const fresh = (await api.session(userId, scopes)).AUTH_ID as string
      tokens.set(key, fresh)
      return fresh
    },

    /** Call a REST method the way a client would. */
    async call(method: string, params: Record<string, unknown> = {}, opts: CallOptions = {}): Promise<Reply> {
      const token = opts.token === undefined ? await api.token() : opts.token
      const all = token === null ? params : { ...params, auth: token }
      const path = opts.path ?? `/rest/${method}`
      const mode = opts.mode ?? 'json'
      const headers = { ...opts.headers }
      if (mode === 'get') return api.http(`${path}?${qs.stringify(all)}`, { headers })
      if (mode === 'form') {
        return api.http(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: qs.stringify(all) })
      }
      if (mode === 'multipart') {
        const form = new FormData()
        for (const pair of qs.stringify(all, { encode: false }).split('&')) {
          const eq = pair.indexOf('=')
          form.append(pair.slice(0, eq), pair.slice(eq + 1))
        }
        return api.http(path, { method: 'POST', headers, body: form })
      }
      return api.http(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(all) })
    },

    /** Call as a user (fresh cached token for that user). */
    async as(userId: number, method: string, params: Record<string, unknown> = {}, opts: CallOptions = {}): Promise<Reply> {
      return api.call(method, params, { ...opts, token: await api.token(userId) })
    },

    async reset(seed?: 'default' | 'large'): Promise<void> {
      await api.control('reset', seed ? { seed } : {})
    },
  }
  return api
}

/** The `{error, error_description}` of a failed reply, with its status. */
export function failure(r: Reply): { status: number; error: unknown; description: unknown; keys: string[] } {
  return { status: r.status, error: r.body?.error, description: r.body?.error_description, keys: Object.keys(r.body ?? {}).sort() }
}

export const engineErr = (description: string) => ({ status: 400, error: '0', description, keys: ['error', 'error_description'] })
export const binderMissing = (name: string) => ({ status: 400, error: '100', description: `Could not find value for parameter {${name}}`, keys: ['error', 'error_description'] })
export const binderInvalid = (name: string, value: string, type = 'int') => ({
  status: 400,
  error: '100',
  description: `Invalid value {${value}} to match with parameter {${name}}. Should be value of type ${type}.`,
  keys: ['error', 'error_description'],
})
export const systemErr = (status: number, error: string, description: string) => ({ status, error, description, keys: ['error', 'error_description'] })

export { SEED }
