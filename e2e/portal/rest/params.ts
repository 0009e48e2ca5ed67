/**
 * Parameter binding and paging shared by the method families.
 *
 * Engine controllers (`tasks.api.*`, `socialnetwork.api.*`) bind action arguments by exact name and
 * declared type; legacy methods (`user.*`, `sonet_group.*`) read UPPER keys case-insensitively.
 */
import { binderInvalid, binderMissing } from './errors'
import { asRecord, isNumeric, isPhpArray, phpInt } from './php'

export type Params = Record<string, unknown>

function present(params: Params, name: string): boolean {
  return Object.hasOwn(params, name) && params[name] !== null && params[name] !== undefined
}

/** `int $name` of an engine action. */
export function bindInt(params: Params, name: string): number {
  if (!present(params, name)) throw binderMissing(name)
  const value = params[name]
  if (!isNumeric(value)) throw binderInvalid(name, value, 'int')
  return Math.trunc(Number(value))
}

/** `array $name` (required) of an engine action. */
export function bindArray(params: Params, name: string): Record<string, unknown> {
  if (!present(params, name)) throw binderMissing(name)
  const value = params[name]
  if (!isPhpArray(value)) throw binderInvalid(name, value, 'array')
  return asRecord(value)
}

/** `array $name = []` of an engine action. */
export function bindOptionalArray(params: Params, name: string): Record<string, unknown> {
  return present(params, name) ? bindArray(params, name) : {}
}

/** Legacy methods read their top-level keys case-insensitively (`FILTER` = `filter`). */
export function upperKeys(params: Params): Params {
  const out: Params = {}
  for (const [key, value] of Object.entries(params)) out[key.toUpperCase()] = value
  return out
}

/** A PHP array param as a map, or {} when absent / not an array. */
export function arrayParam(value: unknown): Record<string, unknown> {
  return isPhpArray(value) ? asRecord(value) : {}
}

export const PAGE_SIZE = 50

/** The `start` parameter after the router took it out of the params. */
export interface Start {
  /** Floored to a page: what engine and legacy page-number methods use. */
  offset: number
  /** `start` as an integer, not floored (D7 ORM offsets, e.g. user.get); 0 for -1 or nothing. */
  raw: number
  /** `start=-1`: first page, no COUNT — so no `total` and no `next` (digest §0.2). */
  countTotal: boolean
}

export function parseStart(raw: unknown): Start {
  if (raw === undefined || raw === null || raw === '') return { offset: 0, raw: 0, countTotal: true }
  const n = phpInt(raw)
  if (n === -1) return { offset: 0, raw: 0, countTotal: false }
  // Engine and legacy list methods both turn start into a page number: floor(start/50)+1.
  return { offset: n > 0 ? Math.floor(n / PAGE_SIZE) * PAGE_SIZE : 0, raw: n > 0 ? n : 0, countTotal: true }
}

export interface Page<T> {
  rows: T[]
  total?: number
  next?: number
}

export function paginate<T>(rows: readonly T[], start: Start): Page<T> {
  const page = rows.slice(start.offset, start.offset + PAGE_SIZE)
  if (!start.countTotal) return { rows: page }
  const total = rows.length
  const next = start.offset + page.length < total ? start.offset + page.length : undefined
  return next === undefined ? { rows: page, total } : { rows: page, total, next }
}
