/**
 * Injected failures, so tests can see how the app copes with errors the seed can't produce.
 * A fault matches a lowercase method name (and optionally a subset of the call's params); it
 * answers a direct call and (unless `inBatch: false`) the same method as a batch sub-call.
 * `method: "batch"` fails the whole batch request.
 *
 * By default a fault strikes before the method runs, so nothing is written. `after: true` lets the
 * method run and then replaces its answer: the portal saved the change but the app never hears so.
 */
import type { Params } from './params'
import { isSystemErrorCode, RestFailure, SYSTEM_ERRORS } from './errors'
import { asRecord, isPhpArray } from './php'

export interface FaultSpec {
  method: string
  status?: number
  /** Error code; `null` (or status 200) makes a delay-only fault that lets the call run. */
  error?: string | null
  description?: string
  /** How many calls it hits, counted from the first hit; -1 = until cleared. */
  count?: number
  delay?: number
  inBatch?: boolean
  /** Hit the nth matching call (1 = the next one); the ones before it pass untouched. */
  nth?: number
  /** Only calls whose params contain this (deep subset, scalars compared as strings) match. */
  match?: Params
  /** Run the method first, then answer with the failure (or drop the connection), whatever it answered. */
  after?: boolean
  /**
   * Drop the connection without an answer instead of sending an error body. On a batch sub-call
   * the whole batch request is dropped there (see batch.ts).
   */
  abort?: boolean
}

export interface Fault {
  id: number
  method: string
  /** null: no error body (a delay-only or an abort fault). */
  failure: RestFailure | null
  remaining: number
  delayMs: number
  inBatch: boolean
  nth: number
  /** Matching calls still to let through before the first hit. */
  skip: number
  match: Params | null
  after: boolean
  abort: boolean
}

/**
 * Thrown when a fault drops the connection. It is not a RestFailure: there is no answer at all,
 * so it has to travel past every place that turns failures into error bodies.
 */
export class ConnectionDropped extends Error {
  constructor() {
    super('connection dropped by an injected fault')
  }
}

/** `want` is contained in `got`: nested keys must be present, scalars equal as strings. */
export function paramsMatch(want: unknown, got: unknown): boolean {
  if (isPhpArray(want)) {
    if (!isPhpArray(got)) return false
    const have = asRecord(got)
    return Object.entries(asRecord(want)).every(([key, value]) => paramsMatch(value, have[key]))
  }
  if (want === null || want === undefined) return got === null || got === undefined
  // Form-encoded calls deliver every scalar as a string, so `{id: 5}` must match "5".
  return got !== null && got !== undefined && !isPhpArray(got) && String(want) === String(got)
}

export class FaultRegistry {
  private faults: Fault[] = []
  private seq = 1

  add(spec: FaultSpec): Fault {
    const error = spec.error === undefined ? '0' : spec.error
    // A known system code brings its documented status/text unless the caller overrides them.
    const known = error !== null && isSystemErrorCode(error) ? SYSTEM_ERRORS[error] : undefined
    const status = spec.status ?? known?.[0] ?? 400
    const abort = spec.abort ?? false
    const failure =
      abort || error === null || status === 200 ? null : new RestFailure(status, error, spec.description ?? known?.[1] ?? 'Unknown error')
    const nth = spec.nth ?? 1
    const fault: Fault = {
      id: this.seq++,
      method: spec.method.toLowerCase(),
      failure,
      remaining: spec.count ?? 1,
      delayMs: spec.delay ?? 0,
      inBatch: spec.inBatch ?? true,
      nth,
      skip: nth - 1,
      match: spec.match ?? null,
      after: spec.after ?? false,
      abort,
    }
    this.faults.push(fault)
    return fault
  }

  clear(): void {
    this.faults = []
  }

  list(): Fault[] {
    return [...this.faults]
  }

  /** Some fault will drop a connection (the server stops keeping connections alive meanwhile). */
  dropsConnections(): boolean {
    return this.faults.some((f) => f.abort)
  }

  /**
   * The fault that hits this call, consumed by one use. Every matching fault counts the call
   * towards its `nth`, even when an earlier fault is the one that hits it: `nth` means "the nth
   * matching call since the fault was added", whatever else was injected.
   */
  take(method: string, inBatch: boolean, params: Params): Fault | undefined {
    let hit: Fault | undefined
    for (const fault of this.faults) {
      if (fault.method !== method || (inBatch && !fault.inBatch)) continue
      if (fault.match && !paramsMatch(fault.match, params)) continue
      if (fault.skip > 0) fault.skip -= 1
      else hit ??= fault
    }
    if (!hit) return undefined
    if (hit.remaining > 0) hit.remaining -= 1
    if (hit.remaining === 0) this.faults = this.faults.filter((f) => f !== hit)
    return hit
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * What a fault does at its moment (before or after the method): wait its delay, then drop the
 * connection, or hand back the failure to answer with; `undefined` lets the call's own answer out.
 */
export async function strike(fault: Fault): Promise<RestFailure | undefined> {
  if (fault.delayMs > 0) await sleep(fault.delayMs)
  if (fault.abort) throw new ConnectionDropped()
  return fault.failure ?? undefined
}
