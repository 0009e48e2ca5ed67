/**
 * One request answered by two portals: same HTTP status, same error code and text, same shape.
 * Values are not compared, except at paths a check names (texts that are part of the contract,
 * such as the errors inside a batch answer).
 */
import { isObject } from './contract'
import type { Exchange } from './http'
import { compareShapes, shapeOf, type CompareOptions, type ShapeDifference } from './shape'

export type Difference = ShapeDifference

export interface PairOptions extends CompareOptions {
  /** Paths (with `*` for one key) whose values must be equal, e.g. `result.result_error.*.error_description`. */
  sameValues?: readonly string[]
}

/** `next` exists only when more rows exist, which depends on the data; each check asserts it itself. */
const ALWAYS_IGNORED = ['next']

const isError = (body: unknown): body is { error: unknown; error_description?: unknown } => isObject(body) && 'error' in body && !('result' in body)

/** Every (path, value) matching a pattern such as `result.result_error.*.error`. */
export function valuesAt(value: unknown, pattern: string): Map<string, unknown> {
  const out = new Map<string, unknown>()
  const walk = (current: unknown, segments: string[], path: string) => {
    if (segments.length === 0) {
      out.set(path, current)
      return
    }
    if (!isObject(current) && !Array.isArray(current)) return
    const [head, ...rest] = segments
    const record = current as Record<string, unknown>
    const keys = head === '*' ? Object.keys(record) : head !== undefined && head in record ? [head] : []
    for (const key of keys) walk(record[key], rest, path ? `${path}.${key}` : key)
  }
  walk(value, pattern.split('.'), '')
  return out
}

export function compareExchanges(target: Exchange, reference: Exchange, options: PairOptions = {}): Difference[] {
  if (target.status === 0 || reference.status === 0) {
    const said = (ex: Exchange) => (ex.status === 0 ? `no answer (${ex.networkError ?? 'network'})` : `HTTP ${ex.status}`)
    return [{ path: 'answer', target: said(target), reference: said(reference) }]
  }
  const out: Difference[] = []
  if (target.status !== reference.status) out.push({ path: 'HTTP status', target: String(target.status), reference: String(reference.status) })

  const a = target.body
  const b = reference.body
  if (isError(a) !== isError(b)) {
    const what = (body: unknown) => (isError(body) ? `error ${JSON.stringify(body.error)} ${String(body.error_description)}` : 'result')
    out.push({ path: 'body', target: what(a), reference: what(b) })
    return out
  }
  if (isError(a) && isError(b)) {
    // The code's JSON type matters too: the SDK loses the description of a numeric 0 (README).
    if (JSON.stringify(a.error) !== JSON.stringify(b.error)) out.push({ path: 'error', target: JSON.stringify(a.error), reference: JSON.stringify(b.error) })
    if (a.error_description !== b.error_description) {
      out.push({ path: 'error_description', target: JSON.stringify(a.error_description), reference: JSON.stringify(b.error_description) })
    }
  }
  // An error's code and text were compared by value above; the shape still shows extra keys.
  const errorKeys = isError(a) ? ['error', 'error_description'] : []
  out.push(...compareShapes(shapeOf(a), shapeOf(b), { ...options, ignore: [...ALWAYS_IGNORED, ...errorKeys, ...(options.ignore ?? [])] }))
  for (const pattern of options.sameValues ?? []) {
    const x = valuesAt(a, pattern)
    const y = valuesAt(b, pattern)
    for (const [path, value] of x) {
      if (y.has(path) && JSON.stringify(value) !== JSON.stringify(y.get(path))) {
        out.push({ path, target: JSON.stringify(value), reference: JSON.stringify(y.get(path)) })
      }
    }
  }
  return out
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

function brief(value: unknown, depth = 0): string {
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[${value.length}]`
  if (isObject(value)) {
    const keys = Object.keys(value)
    if (keys.length === 0) return '{}'
    if (depth > 0) return `{${keys.length}}`
    const parts = keys.slice(0, 3).map((k) => {
      const v = value[k]
      return Array.isArray(v) ? `${k}[${v.length}]` : isObject(v) ? `${k}${brief(v, 1)}` : k
    })
    return `{${parts.join(',')}${keys.length > 3 ? ',…' : ''}}`
  }
  return clip(JSON.stringify(value) ?? 'undefined', 24)
}

/** One cell of the table: `200 {id,groupId,…}`, `200 {workgroups[12]} total=12`, `400 "0" Backlog not found`. */
export function summarize(ex: Exchange): string {
  if (ex.status === 0) return `no answer (${ex.networkError ?? 'network'})`
  const body = ex.body
  if (isError(body)) return `${ex.status} ${JSON.stringify(body.error)} ${String(body.error_description ?? '')}`
  if (!isObject(body)) return `${ex.status} ${brief(body)}`
  let text = `${ex.status} ${'result' in body ? brief(body.result) : brief(body)}`
  if ('total' in body) text += ` total=${String(body.total)}`
  if ('next' in body) text += ` next=${String(body.next)}`
  return text
}
