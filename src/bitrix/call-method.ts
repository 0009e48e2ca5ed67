import type { B24Frame } from './frame'
import { connectToPortal } from './frame'
import { RestError, restErrorFromBody, toRestError } from './rest-error'

export type RestParams = Record<string, unknown>

/** A list page as Bitrix24 REST v2 returns it: 50 rows, `total` and `next` beside `result`. */
export interface Page<T> {
  result: T
  total: number
  next: number | undefined
}

const PAGE_SIZE = 50

let frameSource: () => Promise<B24Frame> = connectToPortal

/** Tests hand in a fake frame; the app always uses the shared portal connection. */
export function setFrameSourceForTests(source: () => Promise<B24Frame>): void {
  frameSource = source
}

async function request<T>(method: string, params: RestParams) {
  const b24 = await frameSource()
  let response
  try {
    response = await b24.actions.v2.call.make<T>({ method, params })
  } catch (error) {
    throw toRestError(error, method)
  }
  if (!response.isSuccess) {
    throw toRestError(response.getErrors().next().value ?? new Error('Unknown error'), method)
  }
  return response
}

/** Call one REST method and return its `result`, or throw a RestError. */
export async function callMethod<T>(method: string, params: RestParams = {}): Promise<T> {
  const response = await request<T>(method, params)
  return response.getData()!.result
}

/** Call a list method for one page (`start` is the row offset, a multiple of 50). */
export async function callPage<T>(method: string, params: RestParams = {}, start = 0): Promise<Page<T>> {
  const response = await request<T>(method, start > 0 ? { ...params, start } : params)
  return {
    result: response.getData()!.result,
    total: response.getTotal(),
    next: response.isMore() ? start + PAGE_SIZE : undefined,
  }
}

export const BATCH_LIMIT = 50

export type BatchCommand = readonly [method: string, params?: RestParams]

export type BatchOutcome<T> = { ok: true; result: T; total?: number; next?: number } | { ok: false; error: RestError }

/** PHP bracket notation, as `batch` parses each command's query string. */
export function toPhpQuery(params: RestParams): string {
  const parts: string[] = []
  const walk = (prefix: string, value: unknown) => {
    if (value === undefined) return
    if (value === null) {
      parts.push(`${encodeURIComponent(prefix)}=`)
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => walk(`${prefix}[${index}]`, item))
    } else if (typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) walk(`${prefix}[${key}]`, item)
    } else if (typeof value === 'boolean') {
      // PHP reads '' as false (so `'!FIELD': false` keeps meaning "FIELD is not empty").
      parts.push(`${encodeURIComponent(prefix)}=${value ? '1' : ''}`)
    } else {
      parts.push(`${encodeURIComponent(prefix)}=${encodeURIComponent(String(value))}`)
    }
  }
  for (const [key, value] of Object.entries(params)) walk(key, value)
  return parts.join('&')
}

type BatchPayload = {
  result?: Record<string, unknown> | unknown[]
  result_error?: Record<string, { error?: unknown; error_description?: unknown }> | unknown[]
  result_total?: Record<string, unknown> | unknown[]
  result_next?: Record<string, unknown> | unknown[]
}

function pick(map: Record<string, unknown> | unknown[] | undefined, key: string): unknown {
  if (!map) return undefined
  return (map as Record<string, unknown>)[key]
}

/**
 * Run up to 50 commands in one HTTP request. Each command succeeds or fails on its own (no halt).
 * Sent through `batch` directly so every sub-error keeps the portal's own code and description.
 */
export async function callBatch<K extends string, T = unknown>(
  commands: Record<K, BatchCommand>,
): Promise<Record<K, BatchOutcome<T>>> {
  const keys = Object.keys(commands) as K[]
  if (keys.length === 0) return {} as Record<K, BatchOutcome<T>>
  if (keys.length > BATCH_LIMIT) throw new RangeError(`A batch holds at most ${BATCH_LIMIT} commands, got ${keys.length}`)
  const cmd: Record<string, string> = {}
  for (const key of keys) {
    const [method, params = {}] = commands[key]
    cmd[key] = `${method}?${toPhpQuery(params)}`
  }
  const payload = await callMethod<BatchPayload>('batch', { halt: 0, cmd })
  const outcomes = {} as Record<K, BatchOutcome<T>>
  for (const key of keys) {
    const method = commands[key][0]
    const error = pick(payload.result_error, key) as { error?: unknown; error_description?: unknown } | undefined
    if (error) {
      outcomes[key] = { ok: false, error: restErrorFromBody(error, 400, method) }
      continue
    }
    const result = pick(payload.result, key)
    if (result === undefined) {
      outcomes[key] = {
        ok: false,
        error: new RestError({ code: 'BATCH_NO_ANSWER', description: 'The portal skipped this command', status: 0, method }),
      }
      continue
    }
    const total = pick(payload.result_total, key)
    const next = pick(payload.result_next, key)
    outcomes[key] = {
      ok: true,
      result: result as T,
      ...(total !== undefined ? { total: Number(total) } : {}),
      ...(next !== undefined ? { next: Number(next) } : {}),
    }
  }
  return outcomes
}

/** Split any number of commands into batches of 50 and run them one after another. */
export async function callBatchChunks<T = unknown>(
  commands: BatchCommand[],
  onProgress?: (done: number, total: number) => void,
): Promise<BatchOutcome<T>[]> {
  const outcomes: BatchOutcome<T>[] = []
  for (let offset = 0; offset < commands.length; offset += BATCH_LIMIT) {
    const chunk = commands.slice(offset, offset + BATCH_LIMIT)
    const named = Object.fromEntries(chunk.map((command, index) => [`c${offset + index}`, command]))
    const result = await callBatch<string, T>(named)
    chunk.forEach((_, index) => outcomes.push(result[`c${offset + index}`]!))
    onProgress?.(outcomes.length, commands.length)
  }
  return outcomes
}
