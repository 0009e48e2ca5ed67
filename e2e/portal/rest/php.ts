/**
 * PHP value semantics the portal applies to request parameters. Form-encoded calls (BX24.js)
 * deliver every scalar as a string, JSON calls deliver real types; the PHP side casts both the same
 * way, so the emulator has to as well.
 */

const WS = '[ \\t\\n\\r\\v\\f]*'
const NUMERIC = new RegExp(`^${WS}[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?${WS}$`)

/** PHP 8 `is_numeric`. */
export function isNumeric(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value)
  return typeof value === 'string' && NUMERIC.test(value)
}

/** PHP `(int)` cast: leading integer of a string, truncation of floats, 1/0 for non-empty/empty arrays. */
export function phpInt(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : 0
  if (typeof value === 'boolean') return value ? 1 : 0
  if (typeof value === 'string') {
    if (isNumeric(value)) return Math.trunc(Number(value))
    const lead = new RegExp(`^${WS}([+-]?\\d+)`).exec(value)
    return lead?.[1] ? Number.parseInt(lead[1], 10) : 0
  }
  if (Array.isArray(value)) return value.length ? 1 : 0
  if (value !== null && typeof value === 'object') return Object.keys(value).length ? 1 : 0
  return 0
}

/** How PHP prints a value inside a string: true → "1", false/null → "", arrays → "Array". */
export function phpString(value: unknown): string {
  if (value === null || value === undefined || value === false) return ''
  if (value === true) return '1'
  if (typeof value === 'object') return 'Array'
  return String(value)
}

/** A PHP array: what a JSON object or list, or a bracketed form key, decodes to. */
export function isPhpArray(value: unknown): value is Record<string, unknown> | unknown[] {
  return value !== null && typeof value === 'object'
}

/** View a PHP array (list or map) as a map with string keys. */
export function asRecord(value: Record<string, unknown> | unknown[]): Record<string, unknown> {
  return Array.isArray(value) ? Object.fromEntries(value.map((v, i) => [String(i), v])) : value
}

/** PHP `empty()`. */
export function phpEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === '' || value === '0' || value === 0) return true
  if (Array.isArray(value)) return value.length === 0
  if (typeof value === 'object') return Object.keys(value).length === 0
  return false
}
