import { describe, expect, it } from 'vitest'
import { RestError } from '@/bitrix'
import { createTranslator } from '@/i18n'
import { CreateUnconfirmedError, NotCreatedError } from './changes/create-once'
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

/** Every documented error of the other methods the app calls, as the portal words it (digest §3–§9). */
const otherMethods: [method: string, code: string, description: string, key: string][] = [
  ['tasks.api.scrum.task.update', '0', 'Task id not found', 'error.taskIdMissing'],
  ['tasks.api.scrum.task.update', '0', 'Entity id not found', 'error.itemGone'],
  ['tasks.api.scrum.task.update', '0', 'Task not found.', 'error.taskNotFound'],
  ['tasks.api.scrum.task.update', '0', 'Item not created', 'error.itemNotCreated'],
  ['tasks.api.scrum.task.update', '0', 'Epic not found', 'error.epicNotFound'],
  ['tasks.api.scrum.task.update', '0', 'Unable to update task', 'error.unableToUpdateTask'],
  ['tasks.api.scrum.task.update', '0', 'Access denied', 'error.accessDenied'],
  ['tasks.api.scrum.task.get', '0', 'Task not found', 'error.taskNotFound'],
  ['tasks.api.scrum.epic.add', '0', 'Group is not found', 'error.groupIdMissing'],
  ['tasks.api.scrum.epic.add', '0', 'Group id not found', 'error.groupIdMissing'],
  ['tasks.api.scrum.epic.add', '0', 'Name is not found', 'error.epicNameMissing'],
  ['tasks.api.scrum.epic.add', '0', 'Name not found', 'error.epicNameMissing'],
  ['tasks.api.scrum.epic.add', '0', 'Epic not created', 'error.epicNotCreated'],
  ['tasks.api.scrum.epic.add', '0', 'Epic files not attached', 'error.epicFilesNotAttached'],
  ['tasks.api.scrum.epic.update', '0', 'Epic not updated', 'error.epicNotUpdated'],
  ['tasks.api.scrum.epic.delete', '0', 'Epic not deleted', 'error.epicNotDeleted'],
  ['tasks.api.scrum.epic.list', '0', 'Could not load list', 'error.listFailed'],
  ['tasks.api.scrum.sprint.list', '0', "Couldn't load list.", 'error.listFailed'],
  ['tasks.task.add', 'ERROR_CORE', 'Task title not specified<br>', 'error.taskTitleMissing'],
  ['tasks.task.add', 'ERROR_CORE', 'Responsible person not specified<br>', 'error.responsibleMissing'],
  ['tasks.task.add', 'ERROR_CORE', 'User specified in the "Responsible" field not found<br>', 'error.responsibleNotFound'],
  ['tasks.task.add', 'ERROR_CORE', 'Incorrect status<br>', 'error.taskStatusInvalid'],
  ['tasks.task.add', '0', 'Action on the task is not allowed (internal error)', 'error.taskActionNotAllowed'],
  ['tasks.task.add', '100', 'Could not find value for parameter {fields} (internal error)', 'error.missingParameter'],
  ['tasks.task.list', '0', 'Invalid sorting key (internal error)', 'error.invalidSort'],
  ['socialnetwork.api.workgroup.get', 'SONET_CONTROLLER_WORKGROUP_EMPTY', 'No value for the workgroup ID was provided.', 'error.workgroupEmpty'],
  ['socialnetwork.api.workgroup.get', 'SONET_CONTROLLER_WORKGROUP_NOT_FOUND', 'Workgroup not found.', 'error.workgroupNotFound'],
  ['placement.bind', 'ERROR_CORE', 'Handler already binded', 'error.handlerAlreadyBound'],
  ['placement.bind', 'WRONG_AUTH_TYPE', 'Current authorization type is denied for this method. Application context required.', 'error.wrongAuthType'],
  ['placement.bind', 'ERROR_PLACEMENT_NOT_FOUND', 'Placement not found', 'error.placementNotFound'],
  ['placement.bind', 'ERROR_ARGUMENT', "Argument 'HANDLER' is null or empty", 'error.argument'],
  ['batch', 'ERROR_BATCH_LENGTH_EXCEEDED', 'Max batch length exceeded', 'error.batchTooLong'],
  ['batch', 'ERROR_BATCH_METHOD_NOT_ALLOWED', 'Method is not allowed for batch usage', 'error.batchNotAllowed'],
]

describe('errors of every method the app calls', () => {
  it.each(otherMethods)('%s: %s %s → %s, in every language', (method, code, description, key) => {
    const error = new RestError({ code, description, status: 400, method })
    expect(errorMessage(error).key).toBe(key)
    for (const language of ['en', 'ru', 'de'] as const) {
      expect(describeError(error, createTranslator(language))).not.toBe(createTranslator(language)('error.generic'))
    }
  })

  it('tells ACCESS_DENIED apart by what the portal says: plan, administrator rights, anything else', () => {
    const denied = (description: string) => errorMessage(new RestError({ code: 'ACCESS_DENIED', description, status: 403, method: 'placement.bind' })).key
    expect(denied('REST API is available only on commercial plans')).toBe('error.plan')
    expect(denied('Access denied! Administrator permissions required.')).toBe('error.adminRequired')
    expect(denied('Something else')).toBe('error.accessDeniedSystem')
  })

  it('a session that ended, or a create nobody could confirm, is said as such', () => {
    expect(errorMessage(new RestError({ code: 'SESSION_ENDED', description: '', status: 401, method: 'user.current' })).key).toBe('error.auth')
    const lost = new RestError({ code: 'NETWORK_ERROR', description: 'Network connection failed', status: 0, method: 'tasks.task.add' })
    expect(errorMessage(new CreateUnconfirmedError(lost, lost)).key).toBe('error.createUnconfirmed')
    expect(errorMessage(new NotCreatedError(lost)).key).toBe('error.network')
  })
})
