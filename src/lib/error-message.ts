import { RestError } from '@/bitrix'
import { causeOf, CreateUnconfirmedError } from './changes/create-once'
import { EpicDetachRefusedError } from './items/epic-detach'
import type { MessageKey, Translate, Vars } from '@/i18n'

export interface ErrorMessage {
  key: MessageKey
  vars?: Vars
}

/** Method errors (code "0"/"100", tasks' ERROR_CORE) are told apart by the portal's English description. */
const byDescription: Record<string, MessageKey> = {
  'Access denied': 'error.accessDenied',
  'Group id not found': 'error.groupIdMissing',
  'Backlog not found': 'error.backlogNotFound',
  'Backlog id not found': 'error.backlogIdMissing',
  'Backlog already added': 'error.backlogAlreadyAdded',
  'createdBy user not found': 'error.createdByNotFound',
  'modifiedBy user not found': 'error.modifiedByNotFound',
  'Unable to add backlog': 'error.unableToAdd',
  'Unable to update backlog': 'error.unableToUpdate',
  'It is forbidden move a backlog with items': 'error.moveWithItems',
  'The target group already has a backlog': 'error.targetHasBacklog',
  'It is forbidden remove a backlog with items': 'error.removeWithItems',
  'Backlog not deleted': 'error.notDeleted',
  'Unknown error': 'error.unknown',
  // tasks.api.scrum.task.get / update
  'Task id not found': 'error.taskIdMissing',
  'Task not found': 'error.taskNotFound',
  'Task not found.': 'error.taskNotFound',
  'Entity id not found': 'error.itemGone',
  'Item not created': 'error.itemNotCreated',
  'Unable to update task': 'error.unableToUpdateTask',
  // tasks.api.scrum.epic.* (the docs' texts and the source's)
  'Epic not found': 'error.epicNotFound',
  'Group is not found': 'error.groupIdMissing',
  'Name not found': 'error.epicNameMissing',
  'Name is not found': 'error.epicNameMissing',
  'Epic not created': 'error.epicNotCreated',
  'Epic not updated': 'error.epicNotUpdated',
  'Epic not deleted': 'error.epicNotDeleted',
  'Epic files not attached': 'error.epicFilesNotAttached',
  // epic.list, sprint.list
  'Could not load list': 'error.listFailed',
  "Couldn't load list.": 'error.listFailed',
  // tasks.task.* (ERROR_CORE texts end in <br>, engine ones in "(internal error)"; both are trimmed)
  'Task title not specified': 'error.taskTitleMissing',
  'Responsible person not specified': 'error.responsibleMissing',
  'User specified in the "Responsible" field not found': 'error.responsibleNotFound',
  'Incorrect status': 'error.taskStatusInvalid',
  'Action on the task is not allowed': 'error.taskActionNotAllowed',
  'Invalid sorting key': 'error.invalidSort',
  'wrong task id': 'error.taskIdMissing',
  // placement.bind
  'Handler already binded': 'error.handlerAlreadyBound',
}

/** `ACCESS_DENIED` means different things; its description tells which. */
const accessDenied: Record<string, MessageKey> = {
  'REST API is available only on commercial plans': 'error.plan',
  'Access denied! Administrator permissions required.': 'error.adminRequired',
}

/** System errors are told apart by their code. */
const byCode: Record<string, MessageKey> = {
  NETWORK_ERROR: 'error.network',
  REQUEST_TIMEOUT: 'error.timeout',
  QUERY_LIMIT_EXCEEDED: 'error.rateLimit',
  OPERATION_TIME_LIMIT: 'error.operationLimit',
  NO_AUTH_FOUND: 'error.auth',
  expired_token: 'error.auth',
  invalid_token: 'error.auth',
  user_access_error: 'error.appAccess',
  INVALID_CREDENTIALS: 'error.appAccess',
  INTERNAL_SERVER_ERROR: 'error.server',
  ERROR_UNEXPECTED_ANSWER: 'error.server',
  OVERLOAD_LIMIT: 'error.overload',
  PORTAL_DELETED: 'error.portalDeleted',
  SONET_CONTROLLER_WORKGROUP_EMPTY: 'error.workgroupEmpty',
  SONET_CONTROLLER_WORKGROUP_NOT_FOUND: 'error.workgroupNotFound',
  SESSION_ENDED: 'error.auth',
  NOT_SENT: 'error.notSent',
  ERROR_BATCH_LENGTH_EXCEEDED: 'error.batchTooLong',
  ERROR_BATCH_METHOD_NOT_ALLOWED: 'error.batchNotAllowed',
  BATCH_NO_ANSWER: 'error.batchNoAnswer',
  WRONG_AUTH_TYPE: 'error.wrongAuthType',
  ERROR_PLACEMENT_NOT_FOUND: 'error.placementNotFound',
  ERROR_ARGUMENT: 'error.argument',
}

/** The portal decorates some texts: tasks' HTML line break, the engine's "(internal error)". */
function plainDescription(description: string): string {
  return description.replace(/<br\s*\/?>\s*$/i, '').replace(/\s*\(internal error\)$/, '').trim()
}

const missingParameter = /^Could not find value for parameter \{(\w+)\}/
const invalidParameter = /^Invalid value .* to match with parameter \{(\w+)\}/

export function errorMessage(failure: unknown): ErrorMessage {
  if (failure instanceof CreateUnconfirmedError) return { key: 'error.createUnconfirmed' }
  const error = causeOf(failure)
  if (!(error instanceof RestError)) return { key: 'error.generic' }
  if (error instanceof EpicDetachRefusedError) return { key: 'error.epicDetachRefused' }
  if (error.code === 'ACCESS_DENIED') return { key: accessDenied[error.description] ?? 'error.accessDeniedSystem' }
  if (error.status === 401) return { key: 'error.auth' }
  if (error.code === 'insufficient_scope') return { key: 'error.scope', vars: { description: error.description } }
  if (error.code === 'ERROR_METHOD_NOT_FOUND') return { key: 'error.methodNotFound', vars: { method: error.method } }
  const known = byCode[error.code]
  if (known) return { key: known }
  const description = plainDescription(error.description)
  const missing = missingParameter.exec(description)
  if (missing) return { key: 'error.missingParameter', vars: { parameter: missing[1]! } }
  const invalid = invalidParameter.exec(description)
  if (invalid) return { key: 'error.invalidParameter', vars: { parameter: invalid[1]! } }
  const described = byDescription[description]
  if (described) return { key: described }
  if (error.status >= 500) return { key: 'error.server' }
  return { key: 'error.generic' }
}

/** A sentence a person understands, in their language. */
export function describeError(error: unknown, t: Translate): string {
  const { key, vars } = errorMessage(error)
  return t(key, vars)
}
