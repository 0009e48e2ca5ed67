import { AjaxError } from '@bitrix24/b24jssdk'
import { describe, expect, it } from 'vitest'
import { RestError, toRestError } from './rest-error'

/** An AxiosError-like original, as the SDK keeps it (non-enumerable) on AjaxError. */
function ajaxError(code: string, message: string, status: number, body?: unknown) {
  return new AjaxError({
    code,
    description: message,
    status,
    requestInfo: { method: 'tasks.api.scrum.backlog.get' },
    originalError: body === undefined ? null : { response: { status, data: body } },
  })
}

describe('toRestError', () => {
  it('recovers the description of a 400 with numeric error 0, which the SDK reports as "Request failed"', () => {
    const thrown = ajaxError('ERR_BAD_REQUEST', 'Request failed with status code 400', 400, {
      error: 0,
      error_description: 'Backlog not found',
    })
    const error = toRestError(thrown, 'tasks.api.scrum.backlog.get')
    expect(error).toBeInstanceOf(RestError)
    expect(error.code).toBe('0')
    expect(error.description).toBe('Backlog not found')
    expect(error.status).toBe(400)
    expect(error.method).toBe('tasks.api.scrum.backlog.get')
  })

  it('keeps the string code "0" that current portals send', () => {
    const thrown = ajaxError('ERR_BAD_REQUEST', 'Access denied', 400, { error: '0', error_description: 'Access denied' })
    const error = toRestError(thrown, 'tasks.api.scrum.backlog.get')
    expect([error.code, error.description, error.isMethodError]).toEqual(['0', 'Access denied', true])
  })

  it('keeps system error codes and their HTTP status', () => {
    const thrown = ajaxError('QUERY_LIMIT_EXCEEDED', 'Too many requests', 503, {
      error: 'QUERY_LIMIT_EXCEEDED',
      error_description: 'Too many requests',
    })
    const error = toRestError(thrown, 'batch')
    expect([error.code, error.description, error.status, error.isMethodError]).toEqual([
      'QUERY_LIMIT_EXCEEDED',
      'Too many requests',
      503,
      false,
    ])
  })

  it('uses the SDK code when no answer came (network)', () => {
    const error = toRestError(ajaxError('NETWORK_ERROR', 'Network Error', 0), 'user.current')
    expect([error.code, error.description, error.status]).toEqual(['NETWORK_ERROR', 'Network Error', 0])
  })

  it('wraps anything else as UNKNOWN', () => {
    const error = toRestError(new TypeError('boom'), 'user.current')
    expect([error.code, error.description]).toEqual(['UNKNOWN', 'boom'])
  })
})

describe('a token the parent window could not renew', () => {
  it('becomes SESSION_ENDED, whatever the SDK wrapped it in', () => {
    const refreshTimeout = Object.assign(new Error('refreshAuth: the parent window did not answer within 10000ms'), {
      code: 'JSSDK_FRAME_REFRESH_AUTH_TIMEOUT',
      status: 408,
    })
    const wrapped = new AjaxError({
      code: 'JSSDK_UNKNOWN_ERROR',
      description: refreshTimeout.message,
      status: 0,
      requestInfo: { method: 'user.current' },
      originalError: refreshTimeout,
    })
    const error = toRestError(wrapped, 'user.current')
    expect([error.code, error.isSessionEnded, error.outcomeUnknown]).toEqual(['SESSION_ENDED', true, false])
  })
})
