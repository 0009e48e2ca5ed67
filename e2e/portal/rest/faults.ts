/**
 * Injected failures, so tests can see how the app copes with errors the seed can't produce.
 * A fault matches a lowercase method name; it answers a direct call and (unless `inBatch: false`)
 * the same method as a batch sub-call. `method: "batch"` fails the whole batch request.
 */
import { isSystemErrorCode, RestFailure, SYSTEM_ERRORS } from './errors'

export interface FaultSpec {
  method: string
  status?: number
  /** Error code; `null` (or status 200) makes a delay-only fault that lets the call run. */
  error?: string | null
  description?: string
  /** How many calls it hits; -1 = until cleared. */
  count?: number
  delay?: number
  inBatch?: boolean
}

export interface Fault {
  id: number
  method: string
  failure: RestFailure | null
  remaining: number
  delayMs: number
  inBatch: boolean
}

export class FaultRegistry {
  private faults: Fault[] = []
  private seq = 1

  add(spec: FaultSpec): Fault {
    const error = spec.error === undefined ? '0' : spec.error
    // A known system code brings its documented status/text unless the caller overrides them.
    const known = error !== null && isSystemErrorCode(error) ? SYSTEM_ERRORS[error] : undefined
    const status = spec.status ?? known?.[0] ?? 400
    const failure = error === null || status === 200 ? null : new RestFailure(status, error, spec.description ?? known?.[1] ?? 'Unknown error')
    const fault: Fault = {
      id: this.seq++,
      method: spec.method.toLowerCase(),
      failure,
      remaining: spec.count ?? 1,
      delayMs: spec.delay ?? 0,
      inBatch: spec.inBatch ?? true,
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

  /** The first matching fault, consumed by one use. */
  take(method: string, inBatch: boolean): Fault | undefined {
    const fault = this.faults.find((f) => f.method === method && (!inBatch || f.inBatch))
    if (!fault) return undefined
    if (fault.remaining > 0) fault.remaining -= 1
    if (fault.remaining === 0) this.faults = this.faults.filter((f) => f !== fault)
    return fault
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
