/**
 * The documented contract, as data: object shapes and error answers from the REST contract digest
 * (`/work/shared/reference/bitrix24-rest-contract.md`, section numbers below) and the official
 * method pages. Where the docs and the source disagree and the digest records both (§13), both
 * texts are accepted here; the comparison with the dev portal still pins which one a portal sends.
 */
import type { ErrorExpectation, Schema } from './contract'

/** §2: four ints. */
export const BACKLOG: Schema = { id: 'int', groupId: 'int', createdBy: 'int', modifiedBy: 'int' }

/** §3.1: ints, storyPoints a string. */
export const SCRUM_ITEM: Schema = { entityId: 'int', storyPoints: 'string', epicId: 'int', sort: 'int', createdBy: 'int', modifiedBy: 'int' }

/** §4: the epic object of add/update/list. */
export const EPIC: Schema = { id: 'int', groupId: 'int', name: 'string', description: 'string', createdBy: 'int', modifiedBy: 'int', color: 'string' }

/** §5 and the sprint pages: dates ISO 8601 or null. */
export const SPRINT: Schema = {
  id: 'int',
  groupId: 'int',
  entityType: 'string',
  name: 'string',
  goal: 'string',
  sort: 'int',
  createdBy: 'int',
  modifiedBy: 'int',
  dateStart: ['isoDate', 'null'],
  dateEnd: ['isoDate', 'null'],
  status: 'string',
}

export const SPRINT_STATUSES = ['planned', 'active', 'completed']

/** §6.1: workgroup.list rows are camelCase with string values (or null). */
export const WORKGROUP_ROW_VALUE = ['string', 'null'] as const

/** The `result.fields` of each getFields method (§2.5, §3.3, §4.6, sprint getFields page). */
const int = { type: 'integer' }
const str = { type: 'string' }
export const GET_FIELDS = {
  backlog: { groupId: int, createdBy: int, modifiedBy: int },
  task: { entityId: int, storyPoints: str, epicId: int, sort: int, createdBy: int, modifiedBy: int },
  epic: { name: str, description: str, groupId: int, color: str, files: { type: 'array' }, createdBy: int, modifiedBy: int },
  sprint: { groupId: int, name: str, sort: int, createdBy: int, modifiedBy: int, dateStart: str, dateEnd: str, status: str },
}

/** An engine-controller error: HTTP 400, code 0 (§0.3). */
export const engine = (text: string | readonly string[]): ErrorExpectation => ({ status: 400, code: '0', text })

/**
 * Binder errors, code 100 (§0.3). The method pages print the int message with and without the
 * final period; both are accepted.
 */
export const binderMissing = (name: string): ErrorExpectation => ({ status: 400, code: '100', text: `Could not find value for parameter {${name}}` })
export const binderInvalidInt = (name: string, value: string): ErrorExpectation => ({
  status: 400,
  code: '100',
  text: [`Invalid value {${value}} to match with parameter {${name}}. Should be value of type int.`, `Invalid value {${value}} to match with parameter {${name}}. Should be value of type int`],
})

/** §10.1 and §0.3. */
export const METHOD_NOT_FOUND: ErrorExpectation = { status: 404, code: 'ERROR_METHOD_NOT_FOUND', text: 'Method not found!' }

/** §4.1 / §13: the epic.add page and the source word these differently. */
export const EPIC_NAME_MISSING = ['Name is not found', 'Name not found']
/** §5 / §13: sprint pages say "Sprint not found", the source "Item not found". */
export const SPRINT_NOT_FOUND = ['Sprint not found', 'Item not found']

/** An id no portal has: every "does not exist" check uses it. */
export const NO_SUCH_ID = 2_147_483_000

/** §6.2 */
export const WORKGROUP_EMPTY: ErrorExpectation = { status: 400, code: 'SONET_CONTROLLER_WORKGROUP_EMPTY', text: 'No value for the workgroup ID was provided.' }
export const WORKGROUP_NOT_FOUND: ErrorExpectation = { status: 400, code: 'SONET_CONTROLLER_WORKGROUP_NOT_FOUND', text: 'Workgroup not found.' }

/** sonet_group.delete page: a group that does not exist (or is gone), code "". */
export const GROUP_NOT_FOUND = 'Socialnetwork group not found'

/** §9 */
export const BATCH_LENGTH_EXCEEDED = { error: 'ERROR_BATCH_LENGTH_EXCEEDED', error_description: 'Max batch length exceeded' }
export const BATCH_METHOD_NOT_ALLOWED = { error: 'ERROR_BATCH_METHOD_NOT_ALLOWED', error_description: 'Method is not allowed for batch usage' }

/** What the app sends (src/lib/groups/workgroup-fields.ts, src/features/items/api/get-items.ts, src/lib/sprints/sprint-fields.ts). */
export const APP = {
  groupSelect: ['ID', 'NAME', 'AVATAR', 'NUMBER_OF_MEMBERS', 'SCRUM_MASTER_ID', 'CLOSED', 'PROJECT', 'TYPE'],
  scrumFilter: { '!SCRUM_MASTER_ID': false },
  groupOrder: { NAME: 'ASC', ID: 'ASC' },
  taskSelect: ['ID', 'TITLE', 'STATUS', 'RESPONSIBLE_ID'],
  sprintSelect: ['ID', 'GROUP_ID', 'ENTITY_TYPE', 'NAME', 'INFO', 'SORT', 'CREATED_BY', 'MODIFIED_BY', 'DATE_START', 'DATE_END', 'STATUS'],
  groupDetail: (groupId: number) => ({ params: { groupId, select: ['AVATAR'] } }),
} as const

/** `NUMBER_OF_MEMBERS` → `numberOfMembers` (§6.1). */
export const camel = (key: string) => key.toLowerCase().replace(/_([a-z0-9])/g, (_, ch: string) => ch.toUpperCase())

/** The keys a workgroup.list row has for a select: ID always, AVATAR adds IMAGE_ID and AVATAR_TYPE (§6.1). */
export function workgroupRowKeys(select: readonly string[]): string[] {
  const names = ['ID', ...select]
  if (select.includes('AVATAR')) names.push('IMAGE_ID', 'AVATAR_TYPE')
  return [...new Set(names)].map(camel)
}
