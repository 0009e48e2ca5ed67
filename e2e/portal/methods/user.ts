/**
 * user.current / user.get / user.search (digest §8; api-reference/user/user-get.md,
 * user-search.md, user-scope.md), after the rest module's `Bitrix\Rest\Api\User::userGet` [SRC].
 *
 * Unknown filter keys: DROPPED before the query, as the real method does. `userGet` upper-cases
 * the keys (of FILTER, or of the whole query when there is no FILTER), splits each into a prefix of
 * one or two non-word characters and a field, and keeps only fields of the scope's allow-list
 * (user-scope.md: `user_brief` and `user_basic` see fewer fields than `user`). Everything else
 * never reaches `UserTable::getList`, so a real portal answers as if the key had not been sent:
 * `{"CITY": "Berlin"}` lists everybody there too, and so does a three-character prefix such as
 * `!=%NAME` (read as `!=` on a field `%NAME`). The conditions that do get through are the D7 ORM's
 * (`CSQLWhere`): a plain `NAME: "Iv%"` is a LIKE pattern, `=NAME` equality, `%NAME` a substring.
 */
import type { User } from '../data/model'
import { isoDate } from '../rest/envelope'
import { compileFilter, CSQL_WHERE, fold, sortRows, type FieldDef, type FieldDefs, type RawValue } from '../rest/filter'
import { upperKeys, type Params } from '../rest/params'
import { asRecord, isPhpArray, phpInt } from '../rest/php'
import type { MethodContext, MethodTable } from '../rest/registry'
import { absoluteUrl } from './groups'

/** Departments of the company structure (UF_DEPARTMENT), for UF_DEPARTMENT_NAME and the search index. */
const DEPARTMENTS: Readonly<Record<number, string>> = { 1: 'Scrum Dev Portal' }

/** The profile's text fields (user.add), stored in `User.profile` by name. */
const TEXT_FIELDS = [
  'XML_ID', 'TITLE', 'TIME_ZONE', 'PERSONAL_PROFESSION', 'PERSONAL_WWW', 'PERSONAL_ICQ', 'PERSONAL_PHONE', 'PERSONAL_FAX',
  'PERSONAL_MOBILE', 'PERSONAL_PAGER', 'PERSONAL_STREET', 'PERSONAL_CITY', 'PERSONAL_STATE', 'PERSONAL_ZIP', 'PERSONAL_COUNTRY',
  'PERSONAL_MAILBOX', 'PERSONAL_NOTES', 'WORK_PHONE', 'WORK_COMPANY', 'WORK_DEPARTMENT', 'WORK_WWW', 'WORK_FAX', 'WORK_PAGER',
  'WORK_STREET', 'WORK_MAILBOX', 'WORK_CITY', 'WORK_STATE', 'WORK_ZIP', 'WORK_COUNTRY', 'WORK_PROFILE', 'WORK_NOTES',
  'UF_SKYPE_LINK', 'UF_ZOOM', 'UF_TIMEMAN', 'UF_INTERESTS', 'UF_SKILLS', 'UF_WEB_SITES', 'UF_XING', 'UF_LINKEDIN', 'UF_FACEBOOK',
  'UF_TWITTER', 'UF_SKYPE', 'UF_DISTRICT', 'UF_PHONE_INNER', 'CONFIRM_CODE', 'EXTERNAL_AUTH_ID',
] as const

const text = (name: string): FieldDef<User> => ({ kind: 'string', get: (u) => u.profile[name] ?? '' })
const fileId = (u: User): RawValue => (u.photo ? 1000 + u.id : null)

/** Every column user.get can filter on (UserTable + the intranet fields), by name. */
const USER_FIELDS: FieldDefs<User> = {
  ...Object.fromEntries(TEXT_FIELDS.map((name) => [name, text(name)])),
  ID: { kind: 'int', get: (u) => u.id },
  ACTIVE: { kind: 'flag', get: (u) => (u.active ? 'Y' : 'N') },
  NAME: { kind: 'string', get: (u) => u.name },
  LAST_NAME: { kind: 'string', get: (u) => u.lastName },
  SECOND_NAME: { kind: 'string', get: (u) => u.secondName },
  EMAIL: { kind: 'string', get: (u) => u.email },
  LAST_LOGIN: { kind: 'date', get: (u) => u.lastLogin },
  DATE_REGISTER: { kind: 'date', get: (u) => u.dateRegister },
  IS_ONLINE: { kind: 'flag', get: (u) => (u.online ? 'Y' : 'N') },
  TIME_ZONE_OFFSET: { kind: 'int', get: () => 0 },
  TIMESTAMP_X: { kind: 'date', get: (u) => u.dateRegister },
  LAST_ACTIVITY_DATE: { kind: 'date', get: (u) => u.lastLogin },
  PERSONAL_GENDER: { kind: 'string', get: (u) => u.gender },
  PERSONAL_BIRTHDAY: { kind: 'date', get: (u) => u.birthday },
  PERSONAL_PHOTO: { kind: 'int', get: fileId },
  WORK_POSITION: { kind: 'string', get: (u) => u.workPosition },
  WORK_LOGO: { kind: 'int', get: () => null },
  UF_DEPARTMENT: { kind: 'int', get: (u) => u.departmentIds },
  UF_EMPLOYMENT_DATE: { kind: 'date', get: (u) => u.employmentDate },
  USER_TYPE: { kind: 'string', get: (u) => u.userType },
}

/** `User::$allowedUserFields` (scope `user`), in the order the answer lists them, plus USER_TYPE. */
const FULL_FIELDS = [
  'ID', 'XML_ID', 'ACTIVE', 'NAME', 'LAST_NAME', 'SECOND_NAME', 'TITLE', 'EMAIL', 'LAST_LOGIN', 'DATE_REGISTER', 'TIME_ZONE',
  'IS_ONLINE', 'TIME_ZONE_OFFSET', 'TIMESTAMP_X', 'LAST_ACTIVITY_DATE', 'PERSONAL_GENDER', 'PERSONAL_PROFESSION', 'PERSONAL_WWW',
  'PERSONAL_BIRTHDAY', 'PERSONAL_PHOTO', 'PERSONAL_ICQ', 'PERSONAL_PHONE', 'PERSONAL_FAX', 'PERSONAL_MOBILE', 'PERSONAL_PAGER',
  'PERSONAL_STREET', 'PERSONAL_CITY', 'PERSONAL_STATE', 'PERSONAL_ZIP', 'PERSONAL_COUNTRY', 'PERSONAL_MAILBOX', 'PERSONAL_NOTES',
  'WORK_PHONE', 'WORK_COMPANY', 'WORK_POSITION', 'WORK_DEPARTMENT', 'WORK_WWW', 'WORK_FAX', 'WORK_PAGER', 'WORK_STREET',
  'WORK_MAILBOX', 'WORK_CITY', 'WORK_STATE', 'WORK_ZIP', 'WORK_COUNTRY', 'WORK_PROFILE', 'WORK_LOGO', 'WORK_NOTES',
  'UF_SKYPE_LINK', 'UF_ZOOM', 'UF_EMPLOYMENT_DATE', 'UF_TIMEMAN', 'UF_DEPARTMENT', 'UF_INTERESTS', 'UF_SKILLS', 'UF_WEB_SITES',
  'UF_XING', 'UF_LINKEDIN', 'UF_FACEBOOK', 'UF_TWITTER', 'UF_SKYPE', 'UF_DISTRICT', 'UF_PHONE_INNER', 'USER_TYPE',
]

/** `ALLOWED_USER_BASIC_FIELDS` (scope `user_basic`). */
const BASIC_FIELDS = [
  'ID', 'XML_ID', 'ACTIVE', 'NAME', 'LAST_NAME', 'SECOND_NAME', 'TITLE', 'EMAIL', 'PERSONAL_PHONE', 'WORK_PHONE', 'WORK_POSITION',
  'WORK_COMPANY', 'IS_ONLINE', 'TIME_ZONE', 'TIMESTAMP_X', 'TIME_ZONE_OFFSET', 'DATE_REGISTER', 'LAST_ACTIVITY_DATE',
  'PERSONAL_PROFESSION', 'PERSONAL_GENDER', 'PERSONAL_BIRTHDAY', 'PERSONAL_PHOTO', 'PERSONAL_FAX', 'PERSONAL_MOBILE',
  'PERSONAL_PAGER', 'PERSONAL_STREET', 'PERSONAL_MAILBOX', 'PERSONAL_CITY', 'PERSONAL_STATE', 'PERSONAL_ZIP', 'PERSONAL_COUNTRY',
  'PERSONAL_NOTES', 'WORK_DEPARTMENT', 'WORK_WWW', 'WORK_FAX', 'WORK_PAGER', 'WORK_STREET', 'WORK_MAILBOX', 'WORK_CITY',
  'WORK_STATE', 'WORK_ZIP', 'WORK_COUNTRY', 'WORK_PROFILE', 'WORK_LOGO', 'WORK_NOTES', 'UF_DEPARTMENT', 'UF_DISTRICT', 'UF_SKYPE',
  'UF_SKYPE_LINK', 'UF_ZOOM', 'UF_TWITTER', 'UF_FACEBOOK', 'UF_LINKEDIN', 'UF_XING', 'UF_WEB_SITES', 'UF_PHONE_INNER',
  'UF_EMPLOYMENT_DATE', 'UF_TIMEMAN', 'UF_SKILLS', 'UF_INTERESTS', 'USER_TYPE',
]

/** `ALLOWED_USER_NAME_FIELDS` (scope `user_brief`). */
const BRIEF_FIELDS = [
  'ID', 'XML_ID', 'ACTIVE', 'NAME', 'LAST_NAME', 'SECOND_NAME', 'TITLE', 'IS_ONLINE', 'TIME_ZONE', 'TIME_ZONE_OFFSET', 'TIMESTAMP_X',
  'DATE_REGISTER', 'PERSONAL_PROFESSION', 'PERSONAL_GENDER', 'PERSONAL_BIRTHDAY', 'PERSONAL_PHOTO', 'PERSONAL_CITY',
  'PERSONAL_STATE', 'PERSONAL_COUNTRY', 'WORK_POSITION', 'WORK_CITY', 'WORK_STATE', 'WORK_COUNTRY', 'LAST_ACTIVITY_DATE',
  'UF_EMPLOYMENT_DATE', 'UF_TIMEMAN', 'UF_SKILLS', 'UF_INTERESTS', 'UF_DEPARTMENT', 'UF_PHONE_INNER', 'USER_TYPE',
]

function scopeFields(ctx: MethodContext): readonly string[] {
  const scopes = ctx.principal.scopes
  return scopes.has('user') ? FULL_FIELDS : scopes.has('user_basic') ? BASIC_FIELDS : BRIEF_FIELDS
}

/** `CRestUtil::convertDate`: a date at midnight with the portal's offset, or '' when empty. */
const restDate = (ms: number | null) => (ms === null ? '' : `${isoDate(ms).slice(0, 10)}T00:00:00${isoDate(ms).slice(19)}`)

/** The answer's value of one field, as `User::getUserData` prints it. */
function outValue(name: string, u: User, ctx: MethodContext): unknown {
  switch (name) {
    case 'ID': return String(u.id)
    case 'ACTIVE': return u.active
    case 'NAME': return u.name
    case 'LAST_NAME': return u.lastName
    case 'SECOND_NAME': return u.secondName
    case 'EMAIL': return u.email
    case 'LAST_LOGIN': return isoDate(u.lastLogin)
    case 'DATE_REGISTER': return restDate(u.dateRegister)
    case 'PERSONAL_BIRTHDAY': return restDate(u.birthday)
    case 'UF_EMPLOYMENT_DATE': return restDate(u.employmentDate)
    // Bitrix DateTime objects that getUserData leaves unconverted: json_encode prints {} (user-get.md).
    case 'TIMESTAMP_X':
    case 'LAST_ACTIVITY_DATE': return {}
    case 'IS_ONLINE': return u.online ? 'Y' : 'N'
    case 'TIME_ZONE_OFFSET': return '0'
    case 'PERSONAL_GENDER': return u.gender
    case 'PERSONAL_PHOTO': return absoluteUrl(ctx.origin, u.photo)
    case 'WORK_POSITION': return u.workPosition
    case 'UF_DEPARTMENT': return [...u.departmentIds]
    case 'USER_TYPE': return u.userType
    default: return u.profile[name] ?? ''
  }
}

function userView(u: User, ctx: MethodContext): Record<string, unknown> {
  return Object.fromEntries(scopeFields(ctx).map((name) => [name, outValue(name, u, ctx)]))
}

/** The words of the user search index (`b_user_index`): names, position, e-mail, department. */
function searchContent(u: User): string {
  return [u.name, u.lastName, u.secondName, u.workPosition, u.email, ...u.departmentIds.map((d) => DEPARTMENTS[d] ?? '')].join(' ')
}

/** `UserUtils::getUserSearchFilter`: a full-text match, so every word must start a word of the index. */
function matchesSearch(u: User, query: string): boolean {
  const have = fold(searchContent(u)).split(/[^\p{L}\p{N}]+/u).filter(Boolean)
  return fold(query).split(/[^\p{L}\p{N}]+/u).filter(Boolean).every((w) => have.some((h) => h.startsWith(w)))
}

/** PHP truthiness: '', '0', 0, false, null and an empty array are false. */
const truthy = (v: unknown) => !(v === undefined || v === null || v === false || v === 0 || v === '' || v === '0' || (isPhpArray(v) && Object.keys(v).length === 0))

/** `prepareUserValue`: ID as ints, ACTIVE/IS_ONLINE as Y/N (anything truthy but "N" is Y), UF_DEPARTMENT as a list. */
function prepareValue(field: string, value: unknown): unknown {
  if (field === 'ID') return isPhpArray(value) ? Object.values(value).map(phpInt) : phpInt(value)
  if (field === 'ACTIVE' || field === 'IS_ONLINE') return truthy(value) && value !== 'N' ? 'Y' : 'N'
  if (field === 'UF_DEPARTMENT' && !isPhpArray(value) && truthy(value)) return [value]
  return value
}

/** Keys that lose their prefix (`%NAME_SEARCH` is NAME_SEARCH). */
const CLEAR_PREFIX = new Set(['HAS_DEPARTAMENT', 'NAME_SEARCH', 'FIND'])

type Method = 'user.get' | 'user.search'

/** `prepareUserFilter`: the keys the real method passes on, the others dropped. */
function prepareFilter(source: Params, allowed: ReadonlySet<string>): Params {
  const filter: Params = {}
  for (const [code, value] of Object.entries(source)) {
    // preg_match('/^([\W]{1,2})(.+)/'): one or two non-word characters, then the field.
    const m = /^([^A-Za-z0-9_]{1,2})(.+)$/s.exec(code)
    let prefix = m ? (m[1] ?? '') : ''
    const field = m ? (m[2] ?? '') : code
    if (!allowed.has(field)) continue
    if (prefix && CLEAR_PREFIX.has(field)) prefix = ''
    // USER_TYPE and ACTIVE without a prefix are exact matches, not LIKE patterns.
    else if (!prefix && (field === 'USER_TYPE' || field === 'ACTIVE')) prefix = '='
    filter[prefix + field] = prepareValue(field, value)
  }
  return filter
}

function take(filter: Params, key: string): unknown {
  const value = filter[key]
  delete filter[key]
  return value
}

function listUsers(method: Method, raw: Params, ctx: MethodContext) {
  const query = upperKeys(raw)
  const allowed = new Set([...scopeFields(ctx), 'IS_ONLINE', 'HAS_DEPARTAMENT', 'NAME_SEARCH', 'EXTERNAL_AUTH_ID'])
  if (method === 'user.search') for (const extra of ['FIND', 'UF_DEPARTMENT_NAME', 'CONFIRM_CODE']) allowed.add(extra)
  // "The following code is a mistake but it must be here to save backward compatibility": without
  // FILTER the query itself is the filter (SORT, ORDER and the like are simply not fields).
  const source = isPhpArray(query.FILTER) ? upperKeys(asRecord(query.FILTER)) : query
  const filter = prepareFilter(source, allowed)

  const searches: string[] = []
  const found = take(filter, 'NAME_SEARCH') ?? take(filter, 'FIND')
  delete filter.FIND
  if (found !== undefined) {
    searches.push(String(found))
  } else if (method === 'user.search') {
    // Without FIND, user.search turns these fields into one search over the index.
    const parts = ['NAME', 'LAST_NAME', 'SECOND_NAME', 'WORK_POSITION', 'UF_DEPARTMENT_NAME'].map((k) => take(filter, k)).filter((v) => v !== undefined && v !== null)
    if (parts.length) searches.push(parts.map(String).join(' '))
  }
  delete filter.UF_DEPARTMENT_NAME
  const hasDepartment = take(filter, 'HAS_DEPARTAMENT') === 'Y'

  const orm = compileFilter(filter, USER_FIELDS, CSQL_WHERE)
  const rows = ctx.store.userList().filter((u) => {
    if (!orm.test(u)) return false
    if (hasDepartment && u.departmentIds.length === 0) return false
    return searches.every((q) => matchesSearch(u, q))
  })
  // ORDER only when both SORT and ORDER are given; else the table order (ID).
  const sort = typeof query.SORT === 'string' && typeof query.ORDER === 'string' ? { [query.SORT.toUpperCase()]: query.ORDER } : { ID: 'ASC' }
  const sorted = sortRows(rows, sort, USER_FIELDS)
  return page(sorted.map((u) => userView(u, ctx)), ctx)
}

/**
 * `getNavData($start, true)`: the ORM takes `start` as an exact offset (start=10 skips ten users,
 * unlike the engine methods' page numbers). `start=-1` counts nothing, and `setNavData` then reports
 * `total: 0`. An empty page is a bare `[]` without `total`.
 */
function page(rows: Array<Record<string, unknown>>, ctx: MethodContext) {
  const offset = ctx.start.countTotal ? ctx.start.raw : 0
  const result = rows.slice(offset, offset + 50)
  if (!result.length) return { result }
  if (!ctx.start.countTotal) return { result, total: 0 }
  const next = offset + result.length < rows.length ? offset + result.length : undefined
  return next === undefined ? { result, total: rows.length } : { result, total: rows.length, next }
}

export const userMethods: MethodTable = {
  'user.current': {
    scope: 'user',
    handler: (_params, ctx) => ({ result: userView(ctx.user, ctx) }),
  },
  'user.get': { scope: 'user', handler: (params, ctx) => listUsers('user.get', params, ctx) },
  // The same handler as user.get, with FIND and the name search (user-search.md).
  'user.search': { scope: 'user', handler: (params, ctx) => listUsers('user.search', params, ctx) },
}
