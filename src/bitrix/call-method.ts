import type { B24Frame } from './frame'
import { connectToPortal } from './frame'
import { RestError, restErrorFromBody, SESSION_ENDED, toRestError } from './rest-error'
import { endSession, isSessionEnded } from './session'
import { planOfLicense, type AppLicense } from './plan'
import { portalBudget } from './rate-budget'

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

/** Methods that only read: sending them again cannot change anything on the portal. */
const READ_METHOD = /\.(get|list|getfields|current|search)$/i

export function isReadMethod(method: string): boolean {
  return READ_METHOD.test(method)
}

/** At most this many attempts per call, the first included. */
const MAX_ATTEMPTS = 3
/** Codes the portal gives for a fault that a second try will not mend. */
const FINAL_CODES = new Set(['INTERNAL_SERVER_ERROR', 'ERROR_UNEXPECTED_ANSWER', 'OVERLOAD_LIMIT', 'PORTAL_DELETED'])

let sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Tests skip the waits between attempts. */
export function setRetrySleepForTests(wait: (ms: number) => Promise<void>): void {
  sleep = wait
}

/**
 * How long to wait before sending a call again, or null to give up. The SDK itself never retries
 * (see frame.ts): a request the portal turned away before running it (rate limits) is sent again
 * whatever it does; a read is also sent again after a transient fault; a write never is, because
 * the portal may have done it and a second create would make a duplicate.
 */
export function retryDelay(error: RestError, attempt: number, read: boolean): number | null {
  if (attempt + 1 >= MAX_ATTEMPTS) return null
  if (error.code === 'QUERY_LIMIT_EXCEEDED') return 1500 * 1.5 ** attempt
  if (error.code === 'OPERATION_TIME_LIMIT') return 10_000
  if (read && error.outcomeUnknown && !FINAL_CODES.has(error.code)) return 1000 * 2 ** attempt
  return null
}

/** What a caller may add to a call: a signal that stops it (a screen left while it loads). */
export interface CallOptions {
  signal?: AbortSignal
}

/** Resolves after `ms`, or rejects at once when the signal aborts. */
async function pause(ms: number, signal?: AbortSignal): Promise<void> {
  if (!signal) return sleep(ms)
  signal.throwIfAborted()
  await new Promise<void>((resolve, reject) => {
    const abort = () => reject(signal.reason)
    signal.addEventListener('abort', abort, { once: true })
    void sleep(ms).then(() => {
      signal.removeEventListener('abort', abort)
      resolve()
    })
  })
}

async function request<T>(method: string, params: RestParams, read = isReadMethod(method), signal?: AbortSignal) {
  for (let attempt = 0; ; attempt++) {
    // A call whose screen is gone is not sent (one already on its way is let finish).
    signal?.throwIfAborted()
    if (isSessionEnded()) {
      throw new RestError({ code: SESSION_ENDED, description: 'The session with the portal has ended', status: 401, method })
    }
    const b24 = await frameSource()
    // Every HTTP attempt takes a slot of the portal's bucket, shared with the app's other tabs.
    const budget = portalBudget(b24)
    await budget.take(signal)
    let failure: RestError
    try {
      const response = await b24.actions.v2.call.make<T>({ method, params })
      if (response.isSuccess) return response
      failure = toRestError(response.getErrors().next().value ?? new Error('Unknown error'), method)
    } catch (error) {
      failure = toRestError(error, method)
    }
    // The SDK has already tried to renew the token; a 401 now means the session is over.
    if (failure.isSessionEnded || failure.status === 401) endSession()
    // The portal's bucket is fuller than the shared record says: tell every tab.
    if (failure.code === 'QUERY_LIMIT_EXCEEDED') await budget.overflowed()
    const wait = retryDelay(failure, attempt, read)
    if (wait === null) throw failure
    await pause(wait, signal)
  }
}

/**
 * `app.info`'s answer, read as one command of a screen's first batch (the planning screen's): the
 * plan costs no request of its own, and a big backlog is paced by its plan from the first page.
 */
export async function notePortalPlan(info: AppLicense | undefined): Promise<void> {
  await portalBudget(await frameSource()).told(planOfLicense(info))
}

/** Call one REST method and return its `result`, or throw a RestError. */
export async function callMethod<T>(method: string, params: RestParams = {}, options: CallOptions = {}): Promise<T> {
  const response = await request<T>(method, params, isReadMethod(method), options.signal)
  return response.getData()!.result
}

/** Call a list method for one page (`start` is the row offset, a multiple of 50). */
export async function callPage<T>(method: string, params: RestParams = {}, start = 0, options: CallOptions = {}): Promise<Page<T>> {
  const response = await request<T>(method, start > 0 ? { ...params, start } : params, isReadMethod(method), options.signal)
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
  options: CallOptions = {},
): Promise<Record<K, BatchOutcome<T>>> {
  const keys = Object.keys(commands) as K[]
  if (keys.length === 0) return {} as Record<K, BatchOutcome<T>>
  if (keys.length > BATCH_LIMIT) throw new RangeError(`A batch holds at most ${BATCH_LIMIT} commands, got ${keys.length}`)
  const cmd: Record<string, string> = {}
  for (const key of keys) {
    const [method, params = {}] = commands[key]
    cmd[key] = `${method}?${toPhpQuery(params)}`
  }
  const read = keys.every((key) => isReadMethod(commands[key][0]))
  const response = await request<BatchPayload>('batch', { halt: 0, cmd }, read, options.signal)
  const payload = response.getData()!.result
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

export interface ChunkOptions<T = unknown> extends CallOptions {
  onProgress?: (done: number, total: number) => void
  /**
   * Batches in flight at once. 1 (the default) for writes, which stay in the user's order; reads
   * may use more (READ_CONCURRENCY): the SDK's limiter still paces every request.
   */
  concurrency?: number
  /** Each batch's outcomes as it arrives (`offset` is its first command's index). */
  onChunk?: (outcomes: BatchOutcome<T>[], offset: number) => void
}

/** Batches of reads kept in flight at once: 4 cut a 1,000-item load's network time by more than half. */
export const READ_CONCURRENCY = 4

/**
 * Run `work` over `items` with at most `limit` running at once; results in the items' order. After
 * a failure no further item is started (those already running finish).
 */
export async function inPool<I, R>(items: readonly I[], limit: number, work: (item: I, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  let failed = false
  const worker = async () => {
    while (next < items.length && !failed) {
      const index = next++
      try {
        results[index] = await work(items[index]!, index)
      } catch (error) {
        failed = true
        throw error
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker))
  return results
}

/** Split any number of commands into batches of 50; run them one after another, or several at once. */
export async function callBatchChunks<T = unknown>(commands: BatchCommand[], options: ChunkOptions<T> = {}): Promise<BatchOutcome<T>[]> {
  const offsets: number[] = []
  for (let offset = 0; offset < commands.length; offset += BATCH_LIMIT) offsets.push(offset)
  let done = 0
  const chunks = await inPool(offsets, options.concurrency ?? 1, async (offset) => {
    const chunk = commands.slice(offset, offset + BATCH_LIMIT)
    const named = Object.fromEntries(chunk.map((command, index) => [`c${offset + index}`, command]))
    const result = await callBatch<string, T>(named, options)
    done += chunk.length
    const outcomes = chunk.map((_, index) => result[`c${offset + index}`]!)
    options.onChunk?.(outcomes, offset)
    options.onProgress?.(done, commands.length)
    return outcomes
  })
  return chunks.flat()
}