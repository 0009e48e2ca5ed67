/**
 * Every failure a REST call can produce, as one typed value. Methods throw it; the router and
 * batch turn it into `{error, error_description}` with the right HTTP status (digest §0.3, §10.1).
 */
import { phpString } from './php'

export class RestFailure extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
  ) {
    super(`${status} ${error}: ${description}`)
  }
}

/** System errors of digest §10.1 (plus the OAuth `invalid_token`). */
export const SYSTEM_ERRORS = {
  INTERNAL_SERVER_ERROR: [500, 'Internal server error'],
  ERROR_UNEXPECTED_ANSWER: [500, 'Server returned an unexpected response'],
  QUERY_LIMIT_EXCEEDED: [503, 'Too many requests'],
  OPERATION_TIME_LIMIT: [429, 'Method is blocked due to operation time limit'],
  ERROR_BATCH_METHOD_NOT_ALLOWED: [405, 'Method is not allowed for batch usage'],
  ERROR_BATCH_LENGTH_EXCEEDED: [400, 'Max batch length exceeded'],
  NO_AUTH_FOUND: [401, 'Wrong authorization data'],
  INVALID_REQUEST: [400, 'Https required'],
  OVERLOAD_LIMIT: [503, 'REST API is blocked due to overload'],
  ACCESS_DENIED: [403, 'REST API is available only on commercial plans'],
  INVALID_CREDENTIALS: [403, 'Invalid request credentials'],
  insufficient_scope: [403, 'The request requires higher privileges than provided by the webhook token'],
  expired_token: [401, 'The access token provided has expired'],
  invalid_token: [401, 'The access token provided is invalid.'],
  user_access_error: [403, 'The user does not have access to the application'],
  PORTAL_DELETED: [500, 'Portal was deleted'],
  ERROR_METHOD_NOT_FOUND: [404, 'Method not found!'],
} as const satisfies Record<string, readonly [number, string]>

export type SystemErrorCode = keyof typeof SYSTEM_ERRORS

export function isSystemErrorCode(code: string): code is SystemErrorCode {
  return Object.hasOwn(SYSTEM_ERRORS, code)
}

export function systemError(code: SystemErrorCode, description?: string): RestFailure {
  const [status, text] = SYSTEM_ERRORS[code]
  return new RestFailure(status, code, description ?? text)
}

/** An engine-controller error (`tasks.api.*`, `socialnetwork.api.*`): HTTP 400, code "0". */
export function engineError(description: string): RestFailure {
  return new RestFailure(400, '0', description)
}

/** Engine binder: a required action parameter is absent. Names match exactly (`ID` ≠ `id`). */
export function binderMissing(name: string): RestFailure {
  return new RestFailure(400, '100', `Could not find value for parameter {${name}}`)
}

/** Engine binder: a parameter cannot be cast to the action's declared type. */
export function binderInvalid(name: string, value: unknown, type: 'int' | 'array'): RestFailure {
  return new RestFailure(400, '100', `Invalid value {${phpString(value)}} to match with parameter {${name}}. Should be value of type ${type}.`)
}

/** An error with a custom code (e.g. `SONET_CONTROLLER_WORKGROUP_NOT_FOUND`, or `""` of sonet_group.create). */
export function methodError(code: string, description: string, status = 400): RestFailure {
  return new RestFailure(status, code, description)
}
