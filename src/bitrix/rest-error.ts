/**
 * One typed error for everything a portal call can fail with: a Bitrix24 error body, an SDK failure
 * (network, timeout) or a frame problem. `code` and `description` are the portal's own
 * `error` / `error_description`; `status` is the HTTP status (0 when no answer came).
 */
export class RestError extends Error {
  override readonly name = 'RestError'
  readonly code: string
  readonly description: string
  readonly status: number
  readonly method: string

  constructor(init: { code: string; description: string; status: number; method: string }) {
    super(`${init.method}: ${init.code} ${init.description}`.trim())
    this.code = init.code
    this.description = init.description
    this.status = init.status
    this.method = init.method
  }

  /** Engine errors of `tasks.api.*` carry code "0" (older portals send the number 0). */
  get isMethodError(): boolean {
    return this.code === '0' || this.code === '100' || this.code === ''
  }

  /** True when this error says exactly this (the portal's English description). */
  is(...descriptions: string[]): boolean {
    return descriptions.includes(this.description)
  }

  /**
   * The portal may have done what was asked: no answer came (network, timeout) or it broke down
   * while answering (5xx). A write that failed this way must be checked on the portal before
   * anything is sent again. Refusals (4xx, rate limits, an ended session) mean nothing was done.
   */
  get outcomeUnknown(): boolean {
    if (REFUSED_BEFORE_RUNNING.has(this.code)) return false
    return this.status === 0 || this.status === 408 || this.status >= 500
  }

  /** The portal turned the request away before running it: sending it again later is safe. */
  get isRateLimit(): boolean {
    return this.code === 'QUERY_LIMIT_EXCEEDED' || this.code === 'OPERATION_TIME_LIMIT'
  }

  /** The app's session with the portal is over; only a reload from the portal brings it back. */
  get isSessionEnded(): boolean {
    return this.code === SESSION_ENDED
  }
}

/** Our own code for a session the parent window could not renew. */
export const SESSION_ENDED = 'SESSION_ENDED'

/** Our own code for a change the app could not send at all (the code that sends it did not load). */
export const NOT_SENT = 'NOT_SENT'

/** Codes with a 5xx (or no) status that still mean "not run". */
const REFUSED_BEFORE_RUNNING = new Set([
  'QUERY_LIMIT_EXCEEDED',
  'OVERLOAD_LIMIT',
  'PORTAL_DELETED',
  SESSION_ENDED,
  NOT_SENT,
])

/** Nothing reached the portal: the part of the app that sends this could not be loaded. */
export function notSentError(method: string, cause: unknown): RestError {
  const description = cause instanceof Error ? cause.message : String(cause)
  return new RestError({ code: NOT_SENT, description, status: 0, method })
}

type ErrorBody = { error?: unknown; error_description?: unknown }

function isErrorBody(value: unknown): value is ErrorBody {
  return typeof value === 'object' && value !== null && 'error' in value
}

/** What the SDK knows of the raw response. A 400 with a numeric `error: 0` survives only here. */
function rawBody(error: unknown): ErrorBody | undefined {
  const original = (error as { originalError?: { response?: { data?: unknown } } } | null)?.originalError
  const data = original?.response?.data
  return isErrorBody(data) ? data : undefined
}

function errorStatus(error: unknown): number {
  const status = (error as { status?: unknown } | null)?.status
  if (typeof status === 'number') return status
  const responseStatus = (error as { originalError?: { response?: { status?: unknown } } } | null)?.originalError?.response?.status
  return typeof responseStatus === 'number' ? responseStatus : 0
}

/** The SDK wraps a failed token refresh (the parent window did not answer) as an unknown error. */
function isRefreshFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  const originalCode = (error as { originalError?: { code?: unknown } } | null)?.originalError?.code
  return [code, originalCode].some((value) => typeof value === 'string' && value.startsWith('JSSDK_FRAME_REFRESH_AUTH'))
}

/** Build a RestError from a portal error body (for batch sub-results and raw answers). */
export function restErrorFromBody(body: ErrorBody, status: number, method: string): RestError {
  return new RestError({
    code: String(body.error ?? ''),
    description: typeof body.error_description === 'string' ? body.error_description : '',
    status,
    method,
  })
}

/** Turn whatever the SDK threw (AjaxError, SdkError, anything) into a RestError. */
export function toRestError(error: unknown, method: string): RestError {
  if (error instanceof RestError) return error
  if (isRefreshFailure(error)) {
    return new RestError({ code: SESSION_ENDED, description: 'The portal did not renew the session', status: 401, method })
  }
  const status = errorStatus(error)
  const body = rawBody(error)
  if (body) return restErrorFromBody(body, status, method)
  const code = (error as { code?: unknown } | null)?.code
  const message = error instanceof Error ? error.message : String(error)
  return new RestError({ code: typeof code === 'string' ? code : 'UNKNOWN', description: message, status, method })
}
