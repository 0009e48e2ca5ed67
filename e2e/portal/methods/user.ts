/**
 * user.current / user.get / user.search (digest §8): legacy UPPER_SNAKE output with string
 * values and a real boolean `ACTIVE`. The fields returned depend on the user scope held.
 */
import type { User } from '../data/model'
import { isoDate } from '../rest/envelope'
import { compileFilter, fold, sortRows, type FieldDefs } from '../rest/filter'
import { arrayParam, paginate, upperKeys } from '../rest/params'
import { phpInt } from '../rest/php'
import type { MethodContext, MethodTable } from '../rest/registry'
import { absoluteUrl } from './groups'

const USER_FIELDS: FieldDefs<User> = {
  ID: { kind: 'int', get: (u) => u.id },
  NAME: { kind: 'string', get: (u) => u.name },
  LAST_NAME: { kind: 'string', get: (u) => u.lastName },
  SECOND_NAME: { kind: 'string', get: (u) => u.secondName },
  EMAIL: { kind: 'string', get: (u) => u.email },
  WORK_POSITION: { kind: 'string', get: (u) => u.workPosition },
  USER_TYPE: { kind: 'string', get: (u) => u.userType },
  PERSONAL_GENDER: { kind: 'string', get: (u) => u.gender },
  XML_ID: { kind: 'string', get: () => '' },
  DATE_REGISTER: { kind: 'date', get: (u) => u.dateRegister },
  LAST_LOGIN: { kind: 'date', get: (u) => u.lastLogin },
}

/** Keys of user.get that are parameters, not filter fields, when there is no FILTER. */
const RESERVED = new Set(['SORT', 'ORDER', 'ADMIN_MODE', 'SELECT', 'IMAGE_RESIZE', 'FILTER'])

/** `user_brief` hides e-mail and dates; `user_basic` adds e-mail back; `user` has everything. */
function userView(u: User, ctx: MethodContext): Record<string, unknown> {
  const scopes = ctx.principal.scopes
  const full = scopes.has('user')
  const withEmail = full || scopes.has('user_basic')
  const view: Record<string, unknown> = {
    ID: String(u.id),
    XML_ID: '',
    ACTIVE: u.active,
    NAME: u.name,
    LAST_NAME: u.lastName,
    SECOND_NAME: u.secondName,
    TITLE: '',
  }
  if (withEmail) view.EMAIL = u.email
  if (full) {
    view.LAST_LOGIN = isoDate(u.lastLogin)
    view.DATE_REGISTER = isoDate(u.dateRegister)
  }
  Object.assign(view, {
    IS_ONLINE: 'N',
    TIME_ZONE: '',
    TIME_ZONE_OFFSET: '0',
    PERSONAL_GENDER: u.gender,
    PERSONAL_PHOTO: absoluteUrl(ctx.origin, u.photo),
    WORK_POSITION: u.workPosition,
    UF_DEPARTMENT: [...u.departmentIds],
    USER_TYPE: u.userType,
  })
  return view
}

function activeWanted(value: unknown): boolean | undefined {
  if (value === true || value === 1) return true
  if (value === false || value === 0) return false
  if (typeof value !== 'string' || value === '') return undefined
  return ['y', 'true', '1'].includes(value.toLowerCase())
}

/** Words of a search string, each of which must occur in one of the fields. */
function matchesWords(u: User, query: string, fields: Array<(u: User) => string>): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean)
  const haystack = fields.map((f) => fold(f(u)))
  return words.every((w) => haystack.some((h) => h.includes(w)))
}

function listUsers(raw: Record<string, unknown>, ctx: MethodContext) {
  const params = upperKeys(raw)
  // Without FILTER the top-level keys themselves are the filter (digest §8.1: `{"ID": 10}`).
  const filter: Record<string, unknown> = params.FILTER !== undefined
    ? upperKeys(arrayParam(params.FILTER))
    : Object.fromEntries(Object.entries(params).filter(([k]) => !RESERVED.has(k)))
  const special: Record<string, unknown> = {}
  for (const key of ['ACTIVE', 'NAME_SEARCH', 'FIND', 'UF_DEPARTMENT']) {
    if (key in filter) {
      special[key] = filter[key]
      delete filter[key]
    }
  }
  const generic = compileFilter(filter, USER_FIELDS, { plainStringMatch: 'substring' })
  const active = activeWanted(special.ACTIVE)
  const department = special.UF_DEPARTMENT === undefined ? undefined : phpInt(special.UF_DEPARTMENT)
  const rows = ctx.store.userList().filter((u) => {
    if (!generic(u)) return false
    if (active !== undefined && u.active !== active) return false
    if (department !== undefined && !u.departmentIds.includes(department)) return false
    if (typeof special.NAME_SEARCH === 'string' && !matchesWords(u, special.NAME_SEARCH, [(x) => x.name, (x) => x.lastName, (x) => x.secondName, (x) => x.email])) return false
    if (typeof special.FIND === 'string' && !matchesWords(u, special.FIND, [(x) => x.name, (x) => x.lastName, (x) => x.workPosition, (x) => x.email])) return false
    return true
  })
  const sortField = typeof params.SORT === 'string' ? params.SORT.toUpperCase() : 'ID'
  const sorted = sortRows(rows, { [sortField]: typeof params.ORDER === 'string' ? params.ORDER : 'ASC' }, USER_FIELDS)
  const page = paginate(sorted, ctx.start)
  return { result: page.rows.map((u) => userView(u, ctx)), total: page.total, next: page.next }
}

export const userMethods: MethodTable = {
  'user.current': {
    scope: 'user',
    handler: (_params, ctx) => ({ result: userView(ctx.user, ctx) }),
  },
  'user.get': { scope: 'user', handler: listUsers },
  // "Inherits" user.get's parameters; FILTER.FIND is the quick search (digest §8.3).
  'user.search': { scope: 'user', handler: listUsers },
}
