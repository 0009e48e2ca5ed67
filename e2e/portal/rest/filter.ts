/**
 * Legacy array filters (`{"!%NAME": "x", ">=ID": 5}`) as the portal's three filter engines read them.
 * Each list method names its engine and says what it does with a key that engine does not know:
 * `compileFilter` reports such keys instead of deciding, because the methods differ (ignored,
 * an empty list, dropped before the engine sees it) and no method may silently widen a filter
 * the real portal applies.
 *
 * Engines (main, socialnetwork and tasks modules, read from their public source):
 * - CSQL_WHERE: `CSQLWhere`, behind every D7 ORM `getList` (user.get, epic.list, sprint.list).
 *   Prefix from a 3-, then 2-, then 1-character table; field names upper-cased; a key with no prefix
 *   on a string is `LIKE` with the value's own `%`/`_` (digits only: equality), `=` is equality.
 * - CSQL_UTIL: `CSqlUtil::PrepareWhere`, behind `CSocNetGroup::GetList` (workgroup.list,
 *   sonet_group.get). `!` then one operator; field names matched exactly; no prefix is equality,
 *   `%` a substring, `=%`/`%=` a LIKE pattern; there is no `><` (read as `>` on a field `<NAME`).
 * - CTASKS: `CTasks::MkOperationFilter` (tasks.task.list). Field names upper-cased; no prefix is
 *   `LIKE` for strings, equality for numbers.
 */
import { isPhpArray, phpInt } from './php'

export type FieldKind = 'int' | 'string' | 'flag' | 'date'
export type RawValue = number | string | null

/** What a condition does with its value. */
export type Op =
  | 'like' // LIKE with the value's own % and _
  | 'eq' // equality; an array means "any of"
  | 'substr' // substring, % and _ taken literally
  | 'pattern' // explicit LIKE pattern (=% and %=)
  | 'gt'
  | 'ge'
  | 'lt'
  | 'le'
  | 'between' // [low, high]
  | 'in'
  | 'query' // `?`: every word of the value occurs
  | 'fulltext' // `*`: every word of the value starts a word of the field

export interface Condition {
  /** The key as sent. */
  key: string
  /** The field name as the engine looks it up. */
  field: string
  /** The field name as written, before any case folding (the D7 ORM matches it exactly). */
  written: string
  op: Op
  negate: boolean
}

export interface FieldDef<Row> {
  kind: FieldKind
  /** One value, or several for multiple fields (departments, accomplices): any of them may match. */
  get(row: Row): RawValue | readonly RawValue[]
  /** A field with rules of its own (meta-statuses, tags): replaces the generic comparison. */
  test?(row: Row, cond: Condition, wanted: unknown): Verdict
}

export type FieldDefs<Row> = Record<string, FieldDef<Row>>

/** `never`: the condition cannot be evaluated (a date that is not a date), so no row passes it. */
export type Verdict = boolean | 'never'

export interface Dialect {
  name: string
  parse(key: string): Condition
}

type Table = ReadonlyArray<readonly [string, Op, boolean]>

function byTable(key: string, table: Table, upper: boolean, fallback: Op): Condition {
  for (const [prefix, op, negate] of table) {
    if (key.startsWith(prefix)) {
      const field = key.slice(prefix.length)
      return { key, field: upper ? field.toUpperCase() : field, written: field, op, negate }
    }
  }
  return { key, field: upper ? key.toUpperCase() : key, written: key, op: fallback, negate: false }
}

/** `CSQLWhere::$operations`, longest prefixes first (MakeOperation tries 3, 2, then 1 characters). */
const CSQL_WHERE_TABLE: Table = [
  ['!><', 'between', true],
  ['!=%', 'pattern', true],
  ['!%=', 'pattern', true],
  ['!==', 'eq', true],
  ['!=', 'eq', true],
  ['!%', 'substr', true],
  ['><', 'between', false],
  ['>=', 'ge', false],
  ['<=', 'le', false],
  ['=%', 'pattern', false],
  ['%=', 'pattern', false],
  ['!@', 'in', true],
  ['==', 'eq', false],
  ['*=', 'fulltext', false],
  ['*%', 'fulltext', false],
  ['=', 'eq', false],
  ['%', 'substr', false],
  ['?', 'query', false],
  ['>', 'gt', false],
  ['<', 'lt', false],
  ['!', 'like', true],
  ['@', 'in', false],
  ['*', 'fulltext', false],
]

export const CSQL_WHERE: Dialect = { name: 'CSQLWhere', parse: (key) => byTable(key, CSQL_WHERE_TABLE, true, 'like') }

/** `CSqlUtil::GetFilterOperation`: an optional `!`, an optional `+` (or null), then one operator. */
const CSQL_UTIL_TABLE: Table = [
  ['>=', 'ge', false],
  ['>', 'gt', false],
  ['<=', 'le', false],
  ['<', 'lt', false],
  ['@', 'in', false],
  ['=%', 'pattern', false],
  ['%=', 'pattern', false],
  ['%', 'substr', false],
  ['?', 'query', false],
  ['*=', 'fulltext', false],
  ['*%', 'fulltext', false],
  ['*', 'fulltext', false],
  ['=', 'eq', false],
]

export const CSQL_UTIL: Dialect = {
  name: 'CSqlUtil',
  parse(key) {
    let rest = key
    const negate = rest.startsWith('!')
    if (negate) rest = rest.slice(1)
    if (rest.startsWith('+')) rest = rest.slice(1)
    const cond = byTable(rest, CSQL_UTIL_TABLE, false, 'eq')
    return { ...cond, key, negate }
  },
}

/** `CTasks::MkOperationFilter`, in its order of checks. */
const CTASKS_TABLE: Table = [
  ['=', 'eq', false],
  ['!=', 'eq', true],
  ['%', 'substr', false],
  ['!%', 'substr', true],
  ['?', 'query', false],
  ['><', 'between', false],
  ['!><', 'between', true],
  ['>=', 'ge', false],
  ['>', 'gt', false],
  ['<=', 'le', false],
  ['<', 'lt', false],
  ['!', 'like', true],
]

export const CTASKS: Dialect = { name: 'CTasks', parse: (key) => byTable(key.trimStart(), CTASKS_TABLE, true, 'like') }

/** Case-insensitive compare as MySQL's *_ci collations; works for Cyrillic, umlauts, CJK. */
export function fold(value: string): string {
  return value.normalize('NFC').toLowerCase()
}

export const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : isPhpArray(value) ? Object.values(value) : [value])

/** PHP's `$value == ''`: what the engines read as "the field is empty". */
function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || value === false || value === ''
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/
const PORTAL = /^(\d{2})\/(\d{2})\/(\d{4})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/

/**
 * A filter or field date: epoch ms, ISO 8601 with or without an offset (`2024-07-19T15:03:01+00:00`,
 * `2026-01-12`), or the portal format `04/17/2025 19:37:55`. Dates without an offset are the
 * server's local time, as PHP reads them. Anything else is null: not a date.
 */
export function toDateMs(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value !== 'string') return null
  const text = value.trim()
  const iso = ISO.exec(text)
  if (iso) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', zone] = iso
    if (zone) {
      const parsed = Date.parse(`${y}-${mo}-${d}T${h.padStart(2, '0')}:${mi}:${s.padStart(2, '0')}${zone === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`)
      return Number.isNaN(parsed) ? null : parsed
    }
    const local = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s))
    return local.getMonth() === Number(mo) - 1 ? local.getTime() : null
  }
  const portal = PORTAL.exec(text)
  if (portal) {
    const [, mm, dd, yyyy, h = '0', m = '0', s = '0'] = portal
    return new Date(Number(yyyy), Number(mm) - 1, Number(dd), Number(h), Number(m), Number(s)).getTime()
  }
  return null
}

function likeRegExp(pattern: string): RegExp {
  const body = [...pattern].map((ch) => (ch === '%' ? '.*' : ch === '_' ? '.' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('')
  return new RegExp(`^${body}$`, 'su')
}

const words = (text: string) => fold(text).split(/[\s&|]+/).filter(Boolean)

function isEmptyActual(kind: FieldKind, actual: RawValue): boolean {
  return actual === null || actual === '' || (kind === 'int' && Number(actual) === 0)
}

/** Equality of one stored value with one wanted value, in the field's type. */
function equals(kind: FieldKind, actual: RawValue, wanted: unknown): Verdict {
  if (kind === 'int') {
    if (isEmptyValue(wanted) || phpInt(wanted) === 0) return isEmptyActual(kind, actual)
    return actual !== null && Number(actual) === phpInt(wanted)
  }
  if (isEmptyValue(wanted)) return isEmptyActual(kind, actual)
  if (kind === 'date') {
    const ms = toDateMs(wanted)
    if (ms === null) return 'never'
    return actual !== null && Number(actual) === ms
  }
  return actual !== null && fold(String(actual)) === fold(String(wanted))
}

function compare(kind: FieldKind, actual: RawValue, wanted: unknown): number | 'never' | null {
  if (kind === 'int') return (actual === null ? 0 : Number(actual)) - phpInt(wanted)
  if (kind === 'date') {
    const ms = toDateMs(wanted)
    if (ms === null) return 'never'
    return actual === null ? null : Number(actual) - ms
  }
  if (actual === null) return null
  const a = fold(String(actual))
  const b = fold(String(wanted ?? ''))
  return a < b ? -1 : a > b ? 1 : 0
}

/** One stored value against the condition's value (negation is applied by the caller). */
function matchValue(kind: FieldKind, op: Op, actual: RawValue, wanted: unknown): Verdict {
  // Numbers and dates have no LIKE: the engines compare them for equality instead.
  const textual = kind === 'string' || kind === 'flag'
  const effective = !textual && (op === 'like' || op === 'substr' || op === 'pattern' || op === 'query' || op === 'fulltext') ? 'eq' : op
  switch (effective) {
    case 'eq':
    case 'in': {
      const wantedList = effective === 'in' || isPhpArray(wanted) ? listOf(wanted) : [wanted]
      const verdicts = wantedList.map((w) => equals(kind, actual, w))
      if (verdicts.includes(true)) return true
      return verdicts.length > 0 && verdicts.every((v) => v === 'never') ? 'never' : false
    }
    case 'like':
    case 'pattern':
      return listOf(wanted).some((w) => {
        if (isEmptyValue(w)) return isEmptyActual(kind, actual)
        const text = String(w)
        // "kinda optimization for digits only" in CSQLWhere: equality.
        if (/^[0-9]+$/.test(text)) return actual !== null && String(actual) === text
        return actual !== null && likeRegExp(fold(text)).test(fold(String(actual)))
      })
    case 'substr':
      return listOf(wanted).some((w) => (isEmptyValue(w) ? isEmptyActual(kind, actual) : actual !== null && fold(String(actual)).includes(fold(String(w)))))
    case 'query':
      return actual !== null && words(String(wanted ?? '')).every((w) => fold(String(actual)).includes(w))
    case 'fulltext': {
      if (actual === null) return false
      const have = words(String(actual))
      return words(String(wanted ?? '')).every((w) => have.some((h) => h.startsWith(w)))
    }
    case 'between': {
      const [lo, hi] = listOf(wanted)
      const a = compare(kind, actual, lo)
      const b = compare(kind, actual, hi)
      if (a === 'never' || b === 'never') return 'never'
      return a !== null && b !== null && a >= 0 && b <= 0
    }
    default: {
      const c = compare(kind, actual, isPhpArray(wanted) ? listOf(wanted)[0] : wanted)
      if (c === 'never') return 'never'
      if (c === null) return false
      return effective === 'gt' ? c > 0 : effective === 'ge' ? c >= 0 : effective === 'lt' ? c < 0 : c <= 0
    }
  }
}

/** A condition on a field: any stored value may satisfy it; negation flips the whole answer. */
export function evaluate<Row>(def: FieldDef<Row>, row: Row, cond: Condition, wanted: unknown): Verdict {
  if (def.test) return def.test(row, cond, wanted)
  // `><` without two bounds adds no SQL at all (CSQLWhere, CTasks): the condition is dropped.
  if (cond.op === 'between' && listOf(wanted).length < 2) return true
  const raw = def.get(row)
  const values: readonly RawValue[] = Array.isArray(raw) ? raw : [raw as RawValue]
  const verdicts = (values.length ? values : [null]).map((v) => matchValue(def.kind, cond.op, v, wanted))
  if (verdicts.includes('never')) return 'never'
  const any = verdicts.includes(true)
  return cond.negate ? !any : any
}

export interface CompiledFilter<Row> {
  test(row: Row): boolean
  /** Keys whose field the engine does not know, as sent. */
  unknown: string[]
}

/**
 * Compile a filter for one engine. `resolve` finds a condition's field (default: the defs by the
 * parsed name); keys it cannot resolve are reported in `unknown` and take no part in `test`.
 */
export function compileFilter<Row>(
  filter: Record<string, unknown>,
  defs: FieldDefs<Row>,
  dialect: Dialect,
  resolve: (cond: Condition) => FieldDef<Row> | undefined = (cond) => (Object.hasOwn(defs, cond.field) ? defs[cond.field] : undefined),
): CompiledFilter<Row> {
  const unknown: string[] = []
  const tests: Array<(row: Row) => boolean> = []
  for (const [key, wanted] of Object.entries(filter)) {
    const cond = dialect.parse(key)
    const def = resolve(cond)
    if (!def) {
      unknown.push(key)
      continue
    }
    tests.push(intEqualityTest(def, cond, wanted) ?? ((row) => evaluate(def, row, cond, wanted) === true))
  }
  const [only] = tests
  return { test: tests.length === 1 && only ? only : (row) => tests.every((t) => t(row)), unknown }
}

/** The operators an int field reads as equality (numbers have no LIKE, see matchValue). */
const INT_EQUALITY_OPS: ReadonlySet<Op> = new Set(['eq', 'in', 'like', 'substr', 'pattern', 'query', 'fulltext'])

/**
 * `evaluate` for the commonest condition, an int field compared for equality (`GROUP_ID: 5`,
 * `@ID: [..]`), with the wanted values read once instead of once per row: a list of 10,000 tasks
 * is filtered per page. Same verdicts as `evaluate`; undefined for every other condition.
 */
function intEqualityTest<Row>(def: FieldDef<Row>, cond: Condition, wanted: unknown): ((row: Row) => boolean) | undefined {
  if (def.test || def.kind !== 'int' || !INT_EQUALITY_OPS.has(cond.op)) return undefined
  const list = cond.op === 'in' || isPhpArray(wanted) ? listOf(wanted) : [wanted]
  // A wanted 0 or empty value matches an empty field (equals); the others match by number.
  const wantsEmpty = list.some((w) => isEmptyValue(w) || phpInt(w) === 0)
  const numbers = new Set(list.filter((w) => !isEmptyValue(w) && phpInt(w) !== 0).map((w) => phpInt(w)))
  const matches = (actual: RawValue) => (wantsEmpty && isEmptyActual('int', actual)) || (actual !== null && numbers.has(Number(actual)))
  return (row) => {
    const raw = def.get(row)
    const any = Array.isArray(raw) ? (raw.length ? raw.some(matches) : matches(null)) : matches(raw as RawValue)
    return cond.negate ? !any : any
  }
}

/** A sort value of an int or date field; one that is no number (NaN) keeps its text, so equal texts tie. */
function numberOrText(raw: number | string): number | string {
  const n = Number(raw)
  return Number.isNaN(n) ? raw : n
}

/** ORDER: keys upper-cased (every engine does), unknown keys ignored, ties broken by `ID` ascending. */
export function sortRows<Row>(rows: Row[], order: Record<string, unknown>, defs: FieldDefs<Row>): Row[] {
  const keys = Object.entries(order)
    .map(([key, dir]) => ({ def: defs[key.toUpperCase()], desc: String(dir).toUpperCase() === 'DESC' }))
    .filter((k): k is { def: FieldDef<Row>; desc: boolean } => k.def !== undefined)
  // Ties are broken by ID ascending, whatever the order asked for (an ID key leaves no ties).
  if (defs.ID && !keys.some((k) => k.def === defs.ID)) keys.push({ def: defs.ID, desc: false })
  const width = keys.length
  const signs = keys.map((k) => (k.desc ? -1 : 1))
  const numericKind = keys.map((k) => k.def.kind === 'int' || k.def.kind === 'date')
  // Each row's sort values are read (and folded) once, not in every comparison, and row indexes
  // are sorted rather than objects: a page of a 10,000-row list sorts the whole list.
  const values: Array<number | string | null> = new Array<number | string | null>(rows.length * width)
  // Numbers only (ids, dates: the usual orders) get a tight comparison, NULLs as -Infinity (first).
  const numbers = new Float64Array(rows.length * width)
  let numeric = true
  const indexes: number[] = []
  for (let r = 0; r < rows.length; r++) {
    indexes.push(r)
    for (let k = 0; k < width; k++) {
      const def = (keys[k] as { def: FieldDef<Row> }).def
      const v = def.get(rows[r] as Row)
      const raw = Array.isArray(v) ? ((v[0] as RawValue | undefined) ?? null) : (v as RawValue)
      const x = raw === null ? null : numericKind[k] ? numberOrText(raw) : fold(String(raw))
      values[r * width + k] = x
      if (x === null) numbers[r * width + k] = -Infinity
      else if (typeof x === 'number' && Number.isFinite(x)) numbers[r * width + k] = x
      else numeric = false
    }
  }
  if (numeric) {
    const compare = (a: number, b: number): number => {
      for (let k = 0; k < width; k++) {
        const x = numbers[a * width + k] as number
        const y = numbers[b * width + k] as number
        if (x !== y) return x < y ? -(signs[k] as number) : (signs[k] as number)
      }
      return 0
    }
    // Tables keep their rows by id, so a list by ID often is in order already.
    let inOrder = true
    for (let r = 1; r < rows.length && inOrder; r++) inOrder = compare(r - 1, r) <= 0
    if (inOrder) return [...rows]
    indexes.sort(compare)
  } else {
    const cmp = (k: number, x: number | string | null, y: number | string | null): number => {
      if (x === y) return 0
      if (x === null) return -1 // NULLs first in ascending order, as MySQL
      if (y === null) return 1
      return numericKind[k] ? Number(x) - Number(y) : String(x).localeCompare(String(y))
    }
    indexes.sort((a, b) => {
      for (let k = 0; k < width; k++) {
        const c = cmp(k, values[a * width + k] as number | string | null, values[b * width + k] as number | string | null)
        if (c !== 0) return c * (signs[k] as number)
      }
      return 0
    })
  }
  return indexes.map((r) => rows[r] as Row)
}
