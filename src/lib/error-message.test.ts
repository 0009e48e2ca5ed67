import { describe, expect, it } from 'vitest'
import { RestError } from '../bitrix'
import { createTranslator } from '../i18n'
import { describeError, errorMessage } from './error-message'

const methodError = (description: string, code = '0') =>
  new RestError({ code, description, status: 400, method: 'tasks.api.scrum.backlog.update' })

/** Every documented error message of the five backlog methods (digest §2 and the doc pages). */
const documented = [
  'Group id not found',
  'Backlog not found',
  'Access denied',
  'Unknown error',
  'Backlog already added',
  'createdBy user not found',
  'modifiedBy user not found',
  'Unable to add backlog',
  'Backlog id not found',
  'It is forbidden move a backlog with items',
  'The target group already has a backlog',
  'Unable to update backlog',
  'It is forbidden remove a backlog with items',
  'Backlog not deleted',
]

describe('errorMessage', () => {
  it.each(documented)('gives "%s" its own message in every language', (description) => {
    const { key } = errorMessage(methodError(description))
    expect(key).not.toBe('error.generic')
    for (const language of ['en', 'ru', 'de'] as const) {
      const text = describeError(methodError(description), createTranslator(language))
      expect(text).not.toBe(createTranslator(language)('error.generic'))
      expect(text).not.toContain('Request failed')
    }
  })

  it('gives each documented backlog error a different message', () => {
    const keys = documented.map((description) => errorMessage(methodError(description)).key)
    expect(new Set(keys).size).toBe(documented.length)
  })

  it('explains binder errors with the parameter name', () => {
    const t = createTranslator('en')
    expect(describeError(methodError('Could not find value for parameter {fields}', '100'), t)).toBe(
      'The request lacked a required value (fields).',
    )
    expect(
      describeError(methodError('Invalid value abc to match with parameter {id}. Should be value of type int.', '100'), t),
    ).toBe('A value in the request has the wrong type (id).')
  })

  it.each([
    ['QUERY_LIMIT_EXCEEDED', 503, 'error.rateLimit'],
    ['OPERATION_TIME_LIMIT', 429, 'error.operationLimit'],
    ['NO_AUTH_FOUND', 401, 'error.auth'],
    ['expired_token', 401, 'error.auth'],
    ['insufficient_scope', 403, 'error.scope'],
    ['ERROR_METHOD_NOT_FOUND', 404, 'error.methodNotFound'],
    ['INTERNAL_SERVER_ERROR', 500, 'error.server'],
    ['NETWORK_ERROR', 0, 'error.network'],
    ['SOMETHING_NEW', 502, 'error.server'],
  ])('maps the system error %s', (code, status, key) => {
    const error = new RestError({ code, description: 'x', status, method: 'batch' })
    expect(errorMessage(error).key).toBe(key)
  })
})
