/**
 * The D7 ORM `getList` behind tasks.api.scrum.epic.list and .sprint.list (digest §4.4, §5).
 *
 * - filter/select/order take UPPER_SNAKE names, matched exactly. An unknown name (`groupId`,
 *   `GOAL`) makes the ORM throw; the controller catches it, adds "Could not load list" and returns
 *   `[]`, and a non-null result drops the error (digest §0.3). So: an empty list, no error — never
 *   the unfiltered list.
 * - Filter keys are read by `CSQLWhere` (rest/filter.ts): a plain string condition is a LIKE with the
 *   value's own `%` and `_` (the docs' `"NAME": "%epic%"`), `=` equality (an array: IN), `%` a
 *   substring, `=%`/`%=` an explicit pattern, `>`/`>=`/`<`/`<=` comparisons, `!` negations. Dates
 *   (`>=DATE_END`) compare as instants: ISO 8601 with or without an offset, as the docs' example.
 * - Every output row carries every key; fields left out of `select` come back as 0 or "".
 * - 50 rows per page from `start`, and no `total`/`next`: the action returns a plain array.
 */
import { compileFilter, CSQL_WHERE, sortRows, type FieldDef } from '../rest/filter'
import { PAGE_SIZE, type Params, type Start } from '../rest/params'
import { engineError } from '../rest/errors'
import { asRecord, isPhpArray } from '../rest/php'

export interface OrmField<Row> extends FieldDef<Row> {
  /** Output key. */
  key: string
  /** The output value when selected. */
  out(row: Row): unknown
  /** The output value when not selected: 0 for numbers, "" for strings. */
  blank: 0 | ''
}

export type OrmFields<Row> = Record<string, OrmField<Row>>

/**
 * The list params as PHP arrays. The actions do not type them, so a string makes PHP fail on the
 * first `$filter['...']` and that error text is what comes back (sprint.list docs).
 */
function listParam(params: Params, name: string): Record<string, unknown> {
  const value = params[name]
  if (value === undefined || value === null || value === '') return {}
  if (!isPhpArray(value)) throw engineError('Cannot access offset of type string on string')
  return asRecord(value)
}

/** One page of rows, or `[]` when any name is unknown. */
export function ormList<Row>(rows: readonly Row[], params: Params, fields: OrmFields<Row>, start: Start): Array<Record<string, unknown>> {
  const filter = listParam(params, 'filter')
  const select = listParam(params, 'select')
  const order = listParam(params, 'order')

  // The entity's fields are looked up by their exact name: the prefix is parsed, the case is kept.
  const compiled = compileFilter(filter, fields, CSQL_WHERE, (cond) => (Object.hasOwn(fields, cond.written) ? fields[cond.written] : undefined))
  if (compiled.unknown.length) return []
  const names = Object.values(select).map(String)
  if (names.some((name) => name !== '*' && !Object.hasOwn(fields, name))) return []
  for (const [key, dir] of Object.entries(order)) {
    if (!Object.hasOwn(fields, key) || !['ASC', 'DESC'].includes(String(dir).toUpperCase())) return []
  }

  const all = names.length === 0 || names.includes('*')
  const wanted = new Set(names)
  const sorted = sortRows(rows.filter((row) => compiled.test(row)), Object.keys(order).length ? order : { ID: 'ASC' }, fields)
  return sorted.slice(start.offset, start.offset + PAGE_SIZE).map((row) => {
    const view: Record<string, unknown> = {}
    for (const [name, field] of Object.entries(fields)) view[field.key] = all || wanted.has(name) ? field.out(row) : field.blank
    return view
  })
}
