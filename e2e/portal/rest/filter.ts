/**
 * A CSQLWhere-like filter: UPPER field keys with operator prefixes, as `CSocNetGroup::GetList`,
 * `CUser::GetList` and friends take them (digest §6.1, §6.3, §8.1).
 *
 * - `FIELD` / `=FIELD`: equals (array → IN). An empty value (false, '', null; 0 for ints) means
 *   "field is empty", so `{"!SCRUM_MASTER_ID": false}` means "scrum master set" (digest §6.1).
 * - `!FIELD` / `!=FIELD`: negation; `%`: case-insensitive substring; `=%` / `%=`: LIKE pattern;
 *   `> >= < <=`: comparison; `><`: between [a, b]; `@`: IN; `?`: treated as substring.
 * - Unknown fields are ignored, as the legacy layer does.
 */
import { isPhpArray, phpInt } from './php'

export type FieldKind = 'int' | 'string' | 'flag' | 'date'
export type RawValue = number | string | null

export interface FieldDef<Row> {
  kind: FieldKind
  get(row: Row): RawValue
}

export type FieldDefs<Row> = Record<string, FieldDef<Row>>

type Op = 'eq' | 'like' | 'pattern' | 'gt' | 'ge' | 'lt' | 'le' | 'between' | 'in'

const PREFIXES: ReadonlyArray<readonly [string, Op, boolean]> = [
  ['!><', 'between', true],
  ['!=%', 'pattern', true],
  ['!%=', 'pattern', true],
  ['!@', 'in', true],
  ['!=', 'eq', true],
  ['!%', 'like', true],
  ['><', 'between', false],
  ['>=', 'ge', false],
  ['<=', 'le', false],
  ['=%', 'pattern', false],
  ['%=', 'pattern', false],
  ['!', 'eq', true],
  ['>', 'gt', false],
  ['<', 'lt', false],
  ['%', 'like', false],
  ['?', 'like', false],
  ['@', 'in', false],
  ['=', 'eq', false],
]

export function splitKey(key: string): { field: string; op: Op; negate: boolean; prefix: string } {
  for (const [prefix, op, negate] of PREFIXES) {
    if (key.startsWith(prefix)) return { field: key.slice(prefix.length), op, negate, prefix }
  }
  return { field: key, op: 'eq', negate: false, prefix: '' }
}

/** Case-insensitive compare as MySQL's *_ci collations; works for Cyrillic, umlauts, CJK. */
export function fold(value: string): string {
  return value.normalize('NFC').toLowerCase()
}

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : isPhpArray(value) ? Object.values(value) : [value])

function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || value === false || value === ''
}

/** A filter or field date: epoch ms, ISO-8601, or the portal format 04/17/2025 19:37:55 (local time). */
export function toDateMs(value: unknown): number | null {
  if (typeof value === 'number') return value
  if (typeof value !== 'string' || value === '') return null
  const portal = /^(\d{2})\/(\d{2})\/(\d{4})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(value)
  if (portal) {
    const [, mm, dd, yyyy, h = '0', m = '0', s = '0'] = portal
    return new Date(Number(yyyy), Number(mm) - 1, Number(dd), Number(h), Number(m), Number(s)).getTime()
  }
  const parsed = Date.parse(value)
  return Number.isNaN(parsed) ? null : parsed
}

function likeRegExp(pattern: string): RegExp {
  const body = [...pattern].map((ch) => (ch === '%' ? '.*' : ch === '_' ? '.' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('')
  return new RegExp(`^${body}$`, 'su')
}

function compare(kind: FieldKind, actual: RawValue, wanted: unknown): number | null {
  if (kind === 'int') return (actual === null ? 0 : Number(actual)) - phpInt(wanted)
  if (kind === 'date') {
    const w = toDateMs(wanted)
    if (actual === null || w === null) return null
    return Number(actual) - w
  }
  if (actual === null) return null
  return fold(String(actual)).localeCompare(fold(String(wanted)))
}

function equals(kind: FieldKind, actual: RawValue, wanted: unknown, plainStringMatch: 'equals' | 'substring'): boolean {
  if (kind === 'int') {
    if (isEmptyValue(wanted)) return actual === null || Number(actual) === 0
    return (actual === null ? 0 : Number(actual)) === phpInt(wanted)
  }
  if (isEmptyValue(wanted)) return actual === null || actual === ''
  if (actual === null) return false
  if (kind === 'date') return Number(actual) === toDateMs(wanted)
  if (kind === 'flag') return String(actual).toUpperCase() === String(wanted).toUpperCase()
  return plainStringMatch === 'substring' ? fold(String(actual)).includes(fold(String(wanted))) : fold(String(actual)) === fold(String(wanted))
}

export interface FilterOptions {
  /** CUser::GetList treats an unprefixed string condition as a substring search. */
  plainStringMatch?: 'equals' | 'substring'
}

export function compileFilter<Row>(filter: Record<string, unknown>, defs: FieldDefs<Row>, options: FilterOptions = {}): (row: Row) => boolean {
  const plain = options.plainStringMatch ?? 'equals'
  const tests: Array<(row: Row) => boolean> = []
  for (const [key, wanted] of Object.entries(filter)) {
    const { field, op, negate, prefix } = splitKey(key)
    const def = defs[field]
    if (!def) continue
    const test = (actual: RawValue): boolean => {
      switch (op) {
        case 'eq':
          if (isPhpArray(wanted)) return listOf(wanted).some((w) => equals(def.kind, actual, w, prefix === '' ? plain : 'equals'))
          return equals(def.kind, actual, wanted, prefix === '' ? plain : 'equals')
        case 'in':
          return (typeof wanted === 'string' ? wanted.split(',') : listOf(wanted)).some((w) => equals(def.kind, actual, w, 'equals'))
        case 'like':
          return actual !== null && listOf(wanted).some((w) => fold(String(actual)).includes(fold(String(w ?? ''))))
        case 'pattern':
          return actual !== null && listOf(wanted).some((w) => likeRegExp(fold(String(w ?? ''))).test(fold(String(actual))))
        case 'between': {
          const [lo, hi] = listOf(wanted)
          const a = compare(def.kind, actual, lo)
          const b = compare(def.kind, actual, hi)
          return a !== null && b !== null && a >= 0 && b <= 0
        }
        default: {
          const c = compare(def.kind, actual, wanted)
          if (c === null) return false
          return op === 'gt' ? c > 0 : op === 'ge' ? c >= 0 : op === 'lt' ? c < 0 : c <= 0
        }
      }
    }
    tests.push((row) => test(def.get(row)) !== negate)
  }
  return (row) => tests.every((t) => t(row))
}

/** ORDER: UPPER keys → ASC/DESC; unknown keys ignored; ties broken by `ID` ascending. */
export function sortRows<Row>(rows: Row[], order: Record<string, unknown>, defs: FieldDefs<Row>): Row[] {
  const keys = Object.entries(order)
    .map(([key, dir]) => ({ def: defs[key.toUpperCase()], desc: String(dir).toUpperCase() === 'DESC' }))
    .filter((k): k is { def: FieldDef<Row>; desc: boolean } => k.def !== undefined)
  const id = defs.ID
  const cmp = (def: FieldDef<Row>, a: Row, b: Row): number => {
    const x = def.get(a)
    const y = def.get(b)
    if (x === y) return 0
    if (x === null) return -1 // NULLs first in ascending order, as MySQL
    if (y === null) return 1
    if (def.kind === 'int' || def.kind === 'date') return Number(x) - Number(y)
    return fold(String(x)).localeCompare(fold(String(y)))
  }
  return [...rows].sort((a, b) => {
    for (const k of keys) {
      const c = cmp(k.def, a, b)
      if (c !== 0) return k.desc ? -c : c
    }
    return id ? cmp(id, a, b) : 0
  })
}
