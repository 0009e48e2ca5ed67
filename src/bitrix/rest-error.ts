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
  is(description: string): boolean {
    return this.description === description
  }
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
  const status = errorStatus(error)
  const body = rawBody(error)
  if (body) return restErrorFromBody(body, status, method)
  const code = (error as { code?: unknown } | null)?.code
  const message = error instanceof Error ? error.message : String(error)
  return new RestError({ code: typeof code === 'string' ? code : 'UNKNOWN', description: message, status, method })
}
