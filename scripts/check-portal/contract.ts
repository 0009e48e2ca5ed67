/**
 * Documented expectations, asserted on one portal's answer. Each failed expectation is one line
 * naming the path, what the docs/digest say and what came back, so the report can show it as is.
 */
import type { Exchange } from './http'

export type Kind = 'int' | 'number' | 'string' | 'boolean' | 'null' | 'array' | 'object' | 'numericString' | 'isoDate'
export type Schema = Record<string, Kind | readonly Kind[]>

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/

export function kindOf(value: unknown): string {
  if (value === null || value === undefined) return value === null ? 'null' : 'missing'
  if (Array.isArray(value)) return value.length ? 'array' : '[]'
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float'
  if (typeof value === 'string') return /^-?\d+$/.test(value) ? `string "${value}"` : 'string'
  return typeof value
}

export function isKind(value: unknown, kind: Kind): boolean {
  switch (kind) {
    case 'int':
      return typeof value === 'number' && Number.isInteger(value)
    case 'number':
      return typeof value === 'number'
    case 'string':
      return typeof value === 'string'
    case 'numericString':
      return typeof value === 'string' && /^-?\d+$/.test(value)
    case 'isoDate':
      return typeof value === 'string' && ISO_8601.test(value)
    case 'boolean':
      return typeof value === 'boolean'
    case 'null':
      return value === null
    case 'array':
      return Array.isArray(value)
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value)
  }
}

export const isObject = (v: unknown): v is Record<string, unknown> => isKind(v, 'object')

/** `get(body, 'result.workgroups.0.id')`. */
export function get(value: unknown, path: string): unknown {
  let current = value
  for (const segment of path.split('.').filter(Boolean)) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<string, unknown>)[segment]
  }
  return current
}

const show = (v: unknown) => {
  const text = JSON.stringify(v)
  return text === undefined ? 'missing' : text.length > 60 ? `${text.slice(0, 57)}…` : text
}

export interface ErrorExpectation {
  status: number
  /** Compared as `String(error)`: the docs print 0, newer servers send "0" (digest §0.3). */
  code: string
  /** The documented text, or the texts the docs and the source disagree on (digest §13). */
  text: string | readonly string[]
}

export class Expect {
  readonly failures: string[] = []

  fail(message: string): void {
    this.failures.push(message)
  }

  that(ok: boolean, message: string): boolean {
    if (!ok) this.fail(message)
    return ok
  }

  equal(path: string, actual: unknown, expected: unknown): boolean {
    return this.that(JSON.stringify(actual) === JSON.stringify(expected), `${path}: expected ${show(expected)}, got ${show(actual)}`)
  }

  type(path: string, value: unknown, kinds: Kind | readonly Kind[]): boolean {
    const list = typeof kinds === 'string' ? [kinds] : kinds
    return this.that(list.some((k) => isKind(value, k)), `${path}: expected ${list.join('|')}, got ${kindOf(value)}`)
  }

  /** Every schema key with its type; `exact` also refuses keys the schema does not name. */
  object(path: string, value: unknown, schema: Schema, { exact = true } = {}): boolean {
    if (!this.type(path, value, 'object')) return false
    const obj = value as Record<string, unknown>
    const before = this.failures.length
    for (const [key, kinds] of Object.entries(schema)) {
      if (!(key in obj)) this.fail(`${path}.${key}: missing`)
      else this.type(`${path}.${key}`, obj[key], kinds)
    }
    if (exact) {
      const extra = Object.keys(obj).filter((k) => !(k in schema))
      if (extra.length) this.fail(`${path}: unexpected keys ${extra.join(', ')}`)
    }
    return this.failures.length === before
  }

  present(path: string, obj: unknown, key: string): boolean {
    return this.that(isObject(obj) && key in obj, `${path}.${key}: expected present, missing`)
  }

  absent(path: string, obj: unknown, key: string): boolean {
    return this.that(!(isObject(obj) && key in obj), `${path}.${key}: expected absent, got ${show(isObject(obj) ? obj[key] : undefined)}`)
  }

  /** The `time` block of digest §0.2 ("the set of fields may vary": the six core ones are required). */
  time(value: unknown): void {
    if (!this.type('time', value, 'object')) return
    const t = value as Record<string, unknown>
    for (const key of ['start', 'finish', 'duration', 'processing']) this.type(`time.${key}`, t[key], 'number')
    for (const key of ['date_start', 'date_finish']) this.type(`time.${key}`, t[key], 'isoDate')
    if ('operating_reset_at' in t) this.type('time.operating_reset_at', t.operating_reset_at, 'int')
    if ('operating' in t) this.type('time.operating', t.operating, 'number')
  }

  /** HTTP 200 with `{result, time}` and no error. Returns the result (undefined when it failed). */
  success(ex: Exchange): unknown {
    if (ex.status === 0) {
      this.fail(`no answer: ${ex.networkError ?? 'network error'}`)
      return undefined
    }
    const body = ex.body
    const errorText = isObject(body) && 'error' in body ? ` (${String(body.error)}: ${String(body.error_description)})` : ''
    this.that(ex.status === 200, `HTTP ${ex.status}, expected 200${errorText}`)
    if (!isObject(body) || !('result' in body)) {
      this.fail(`body: expected {result, time}, got ${show(body)}`)
      return undefined
    }
    this.absent('body', body, 'error')
    this.time(body.time)
    return body.result
  }

  /** `{error, error_description}` with the documented status, code and text; no result, no time (digest §0.3). */
  error(ex: Exchange, want: ErrorExpectation): void {
    if (ex.status === 0) {
      this.fail(`no answer: ${ex.networkError ?? 'network error'}`)
      return
    }
    const texts = typeof want.text === 'string' ? [want.text] : want.text
    const body = ex.body
    this.that(ex.status === want.status, `HTTP ${ex.status}, expected ${want.status}`)
    if (!isObject(body) || !('error' in body)) {
      this.fail(`body: expected {error, error_description}, got ${show(body)}`)
      return
    }
    this.that(String(body.error) === want.code, `error: expected "${want.code}", got ${show(body.error)}`)
    this.that(
      typeof body.error_description === 'string' && texts.includes(body.error_description),
      `error_description: expected ${texts.map((t) => `"${t}"`).join(' or ')}, got ${show(body.error_description)}`,
    )
    const extra = Object.keys(body).filter((k) => k !== 'error' && k !== 'error_description')
    this.that(extra.length === 0, `error body: unexpected keys ${extra.join(', ')}`)
  }

  /**
   * Paging of a Page method (digest §0.2): `total` is an int, and `next` = offset + rows exactly when
   * more rows exist. With `start=-1` neither is sent.
   */
  paging(body: unknown, rows: number, offset: number, { counted = true } = {}): void {
    if (!isObject(body)) return
    if (!counted) {
      this.absent('body', body, 'total')
      this.absent('body', body, 'next')
      return
    }
    if (!this.present('body', body, 'total') || !this.type('total', body.total, 'int')) return
    const total = body.total as number
    if (offset + rows < total) this.equal('next', body.next, offset + rows)
    else this.absent('body', body, 'next')
  }
}
