import { RestError } from '../bitrix'
import type { MessageKey, Translate, Vars } from '../i18n'

export interface ErrorMessage {
  key: MessageKey
  vars?: Vars
}

/** Method errors (code "0"/"100") are told apart by the portal's English description. */
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
  ACCESS_DENIED: 'error.plan',
  INVALID_CREDENTIALS: 'error.appAccess',
  INTERNAL_SERVER_ERROR: 'error.server',
  ERROR_UNEXPECTED_ANSWER: 'error.server',
  OVERLOAD_LIMIT: 'error.overload',
  PORTAL_DELETED: 'error.portalDeleted',
  SONET_CONTROLLER_WORKGROUP_EMPTY: 'error.workgroupEmpty',
  SONET_CONTROLLER_WORKGROUP_NOT_FOUND: 'error.workgroupNotFound',
}

const missingParameter = /^Could not find value for parameter \{(\w+)\}/
const invalidParameter = /^Invalid value .* to match with parameter \{(\w+)\}/

export function errorMessage(error: unknown): ErrorMessage {
  if (!(error instanceof RestError)) return { key: 'error.generic' }
  if (error.code === 'insufficient_scope') return { key: 'error.scope', vars: { description: error.description } }
  if (error.code === 'ERROR_METHOD_NOT_FOUND') return { key: 'error.methodNotFound', vars: { method: error.method } }
  const known = byCode[error.code]
  if (known) return { key: known }
  const missing = missingParameter.exec(error.description)
  if (missing) return { key: 'error.missingParameter', vars: { parameter: missing[1]! } }
  const invalid = invalidParameter.exec(error.description)
  if (invalid) return { key: 'error.invalidParameter', vars: { parameter: invalid[1]! } }
  const described = byDescription[error.description]
  if (described) return { key: described }
  if (error.status >= 500) return { key: 'error.server' }
  return { key: 'error.generic' }
}

/** A sentence a person understands, in their language. */
export function describeError(error: unknown, t: Translate): string {
  const { key, vars } = errorMessage(error)
  return t(key, vars)
}
