/**
 * Response bodies (digest §0.2, §0.3). The b24jssdk refuses a success body without `time`
 * (b24jssdk-in-a-frame §2.2), so every success carries the full time block.
 */
import type { RestFailure } from './errors'

export interface OperatingStats {
  /** Seconds this method has used for this app/webhook in the current window. */
  operating: number
  /** Unix seconds at which the oldest basket drops out. */
  resetAt: number
}

export interface TimeBlock {
  start: number
  finish: number
  duration: number
  processing: number
  date_start: string
  date_finish: string
  operating_reset_at: number
  operating: number
}

/** Wall clock with sub-millisecond precision, so `duration`/`processing` are never all zeros. */
export function nowMs(): number {
  return performance.timeOrigin + performance.now()
}

const pad = (n: number, width = 2) => String(Math.trunc(Math.abs(n))).padStart(width, '0')

/** ISO-8601 with the server's offset, as PHP's `DATE_ATOM`: 2024-04-03T12:50:17+02:00. */
export function isoDate(ms: number): string {
  const d = new Date(ms)
  const offset = -d.getTimezoneOffset()
  const sign = offset >= 0 ? '+' : '-'
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` +
    `${sign}${pad(offset / 60)}:${pad(offset % 60)}`
  )
}

/** The portal's display format used by some legacy fields: 04/17/2025 19:37:55. */
export function portalDate(ms: number): string {
  const d = new Date(ms)
  return `${pad(d.getMonth() + 1)}/${pad(d.getDate())}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}

export function timeBlock(startMs: number, finishMs: number, processingMs: number, op: OperatingStats): TimeBlock {
  return {
    start: startMs / 1000,
    finish: finishMs / 1000,
    duration: (finishMs - startMs) / 1000,
    processing: processingMs / 1000,
    date_start: isoDate(startMs),
    date_finish: isoDate(finishMs),
    operating_reset_at: op.resetAt,
    operating: op.operating,
  }
}

export interface MethodResult {
  result: unknown
  total?: number
  next?: number
}

export function successBody(out: MethodResult, time: TimeBlock): Record<string, unknown> {
  const body: Record<string, unknown> = { result: out.result }
  if (out.next !== undefined) body.next = out.next
  if (out.total !== undefined) body.total = out.total
  body.time = time
  return body
}

export type ErrorCodeStyle = 'string' | 'number'

/**
 * Current servers send numeric codes as strings ("0", "100"); older ones as numbers, which makes
 * the SDK lose the description. The style is switchable so the app's recovery can be tested.
 */
export function errorCode(code: string, style: ErrorCodeStyle): string | number {
  return style === 'number' && /^\d+$/.test(code) ? Number(code) : code
}

export function errorBody(failure: RestFailure, style: ErrorCodeStyle): { error: string | number; error_description: string } {
  return { error: errorCode(failure.error, style), error_description: failure.description }
}

/**
 * json_encode of a PHP array: empty → `[]`, keys exactly 0..n-1 in order → a list, else an object.
 * Batch maps go through this (digest §9).
 */
export function phpArray(entries: ReadonlyArray<readonly [string, unknown]>): unknown[] | Record<string, unknown> {
  if (entries.every(([key], i) => key === String(i))) return entries.map(([, value]) => value)
  return Object.fromEntries(entries)
}
