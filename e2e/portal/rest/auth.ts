/**
 * OAuth tokens and webhooks (digest §0.1, §10.1, §12). Access tokens expire after the TTL;
 * refresh tokens stay valid until reset (the in-frame `refreshAuth` re-issues from the portal,
 * so the dev portal does not rotate them; a host page refreshing twice must keep working).
 */
import { randomBytes } from 'node:crypto'
import { RestFailure, systemError } from './errors'

/** Every scope a webhook of the dev portal holds. */
export const ALL_SCOPES = ['task', 'sonet_group', 'user', 'placement', 'department', 'im', 'disk', 'crm'] as const

export interface Principal {
  userId: number
  scopes: ReadonlySet<string>
  kind: 'oauth' | 'webhook'
  /** What the per-method operating budget is counted against (the app, or one webhook). */
  clientKey: string
}

interface AccessToken {
  token: string
  refreshToken: string
  userId: number
  scopes: ReadonlySet<string>
  expiresAt: number
}

interface RefreshGrant {
  userId: number
  scopes: ReadonlySet<string>
}

export interface IssuedPair {
  accessToken: string
  refreshToken: string
  userId: number
  scopes: string[]
  expiresIn: number
  /** Unix seconds. */
  expires: number
}

/** Real tokens are lowercase hex-ish; anything outside [A-Za-z0-9] can't be one. */
const WELL_FORMED = /^[A-Za-z0-9]{1,256}$/

const token = () => randomBytes(36).toString('hex')

export class AuthService {
  private readonly access = new Map<string, AccessToken>()
  private readonly refresh = new Map<string, RefreshGrant>()
  private readonly webhooks = new Map<string, RefreshGrant>()

  constructor(public ttlSeconds: number) {}

  /** Forget every issued token (control reset). Webhooks stay. */
  clear(): void {
    this.access.clear()
    this.refresh.clear()
  }

  addWebhook(userId: number, secret: string, scopes: readonly string[] = ALL_SCOPES): void {
    this.webhooks.set(`${userId}/${secret}`, { userId, scopes: new Set(scopes) })
  }

  issue(userId: number, scopes: readonly string[], refreshToken = token()): IssuedPair {
    const now = Date.now()
    const set = new Set(scopes)
    const access: AccessToken = { token: token(), refreshToken, userId, scopes: set, expiresAt: now + this.ttlSeconds * 1000 }
    this.access.set(access.token, access)
    this.refresh.set(refreshToken, { userId, scopes: set })
    return {
      accessToken: access.token,
      refreshToken,
      userId,
      scopes: [...set],
      expiresIn: this.ttlSeconds,
      expires: Math.floor(access.expiresAt / 1000),
    }
  }

  /** New access token for the same user and scopes; the old access token lives on until it expires. */
  refreshPair(refreshToken: string): IssuedPair | undefined {
    const grant = this.refresh.get(refreshToken)
    if (!grant) return undefined
    return this.issue(grant.userId, [...grant.scopes], token())
  }

  expireAll(): void {
    const now = Date.now()
    for (const t of this.access.values()) t.expiresAt = Math.min(t.expiresAt, now)
  }

  /** `auth` param or Bearer header → caller, or the documented 401. */
  resolveToken(raw: unknown): Principal {
    if (raw === undefined || raw === null || raw === '') throw systemError('NO_AUTH_FOUND')
    if (typeof raw !== 'string' || !WELL_FORMED.test(raw)) throw systemError('invalid_token')
    const found = this.access.get(raw)
    if (!found) throw systemError('NO_AUTH_FOUND')
    if (found.expiresAt <= Date.now()) throw systemError('expired_token')
    return { userId: found.userId, scopes: found.scopes, kind: 'oauth', clientKey: 'app' }
  }

  resolveWebhook(userId: string, secret: string): Principal {
    const hook = this.webhooks.get(`${userId}/${secret}`)
    if (!hook) throw systemError('NO_AUTH_FOUND')
    return { userId: hook.userId, scopes: hook.scopes, kind: 'webhook', clientKey: `hook:${userId}/${secret}` }
  }
}

/**
 * `user.*` is satisfied by `user`, `user_basic` or `user_brief`; every other scope by itself;
 * `null` (batch) needs none.
 */
export function checkScope(required: string | null, principal: Principal): void {
  if (required === null) return
  const ok = required === 'user' ? ['user', 'user_basic', 'user_brief'].some((s) => principal.scopes.has(s)) : principal.scopes.has(required)
  if (!ok) throw systemError('insufficient_scope')
}

export function isRestFailure(error: unknown): error is RestFailure {
  return error instanceof RestFailure
}
