/**
 * The shape of a JSON answer: which keys, which JSON types. Values differ between two portals by
 * nature (ids, names, counts); shapes must not. A few rules keep natural differences from being
 * reported while still catching what the app depends on:
 *
 * - `null` is compatible with anything: an empty field on one portal and a filled one on the other
 *   is data, not typing.
 * - ints and floats are both numbers (`time.start` can be whole by chance); a number versus a
 *   numeric string is a real difference (the per-family typing of digest §0.4).
 * - An empty array `[]` is compatible with any array and with a non-empty object: PHP serialises an
 *   empty map as `[]`. But `[]` versus `{}` is reported: that is exactly the PHP quirk apps trip on.
 * - An object whose keys are all numeric (ids as keys, e.g. `tags`) is a map: its values are
 *   compared, not its keys.
 * - Array elements are merged into one shape; a key present in some elements only is optional.
 */

export type Shape =
  | { t: 'null' }
  | { t: 'boolean' }
  | { t: 'int' }
  | { t: 'float' }
  | { t: 'string' }
  /** `items` null = the empty array. */
  | { t: 'array'; items: Shape | null }
  | { t: 'object'; keys: Record<string, { shape: Shape; optional: boolean }> }
  | { t: 'map'; values: Shape }
  | { t: 'union'; of: Shape[] }

const isMapKey = (key: string) => /^\d+$/.test(key)

export function shapeOf(value: unknown): Shape {
  if (value === null || value === undefined) return { t: 'null' }
  if (typeof value === 'boolean') return { t: 'boolean' }
  if (typeof value === 'number') return Number.isInteger(value) ? { t: 'int' } : { t: 'float' }
  if (typeof value === 'string') return { t: 'string' }
  if (Array.isArray(value)) {
    if (value.length === 0) return { t: 'array', items: null }
    return { t: 'array', items: value.map(shapeOf).reduce(merge) }
  }
  const entries = Object.entries(value as Record<string, unknown>)
  if (entries.length > 0 && entries.every(([key]) => isMapKey(key))) {
    return { t: 'map', values: entries.map(([, v]) => shapeOf(v)).reduce(merge) }
  }
  const keys: Record<string, { shape: Shape; optional: boolean }> = {}
  for (const [key, v] of entries) keys[key] = { shape: shapeOf(v), optional: false }
  return { t: 'object', keys }
}

const members = (s: Shape): Shape[] => (s.t === 'union' ? s.of : [s])

function sameKind(a: Shape, b: Shape): boolean {
  if (a.t === b.t) return true
  const num = (s: Shape) => s.t === 'int' || s.t === 'float'
  return num(a) && num(b)
}

/** The shape of two values seen in the same place (array elements, map values). */
export function merge(a: Shape, b: Shape): Shape {
  if (b.t === 'union') return b.of.reduce(merge, a)
  if (a.t === 'union') {
    // Fold `b` into the member of its kind, or add it as a new member.
    const i = a.of.findIndex((m) => mergeable(m, b))
    if (i < 0) return { t: 'union', of: [...a.of, b] }
    return { t: 'union', of: a.of.map((m, j) => (j === i ? merge(m, b) : m)) }
  }
  if (!mergeable(a, b)) return { t: 'union', of: [a, b] }
  if (a.t === 'int' && b.t === 'float') return b
  if (a.t === 'float' && b.t === 'int') return a
  if (a.t === 'array' && b.t === 'array') {
    if (!a.items) return b
    if (!b.items) return a
    return { t: 'array', items: merge(a.items, b.items) }
  }
  if (a.t === 'map' && b.t === 'map') return { t: 'map', values: merge(a.values, b.values) }
  if (a.t === 'object' && b.t === 'object') {
    const keys: Record<string, { shape: Shape; optional: boolean }> = {}
    for (const key of new Set([...Object.keys(a.keys), ...Object.keys(b.keys)])) {
      const x = a.keys[key]
      const y = b.keys[key]
      if (x && y) keys[key] = { shape: merge(x.shape, y.shape), optional: x.optional || y.optional }
      else keys[key] = { shape: (x ?? y)!.shape, optional: true }
    }
    return { t: 'object', keys }
  }
  return a
}

/** Two shapes that merge into one (not a union): the same kind, ints and floats being one. */
function mergeable(a: Shape, b: Shape): boolean {
  return a.t !== 'union' && b.t !== 'union' && sameKind(a, b)
}

/** Short type name for reports: `int`, `string`, `[]`, `array<string>`, `object{id,name}`. */
export function describe(s: Shape, depth = 0): string {
  switch (s.t) {
    case 'array':
      return s.items ? (depth > 0 ? 'array' : `array<${describe(s.items, depth + 1)}>`) : '[]'
    case 'object': {
      const keys = Object.keys(s.keys)
      if (keys.length === 0) return '{}'
      const list = keys.slice(0, 6).join(',') + (keys.length > 6 ? ',…' : '')
      return depth > 0 ? 'object' : `object{${list}}`
    }
    case 'map':
      return 'map'
    case 'union':
      return s.of.map((m) => describe(m, depth + 1)).join('|')
    default:
      return s.t
  }
}

export interface ShapeDifference {
  path: string
  target: string
  reference: string
}

export interface CompareOptions {
  /** Paths to leave out, e.g. `next` (its presence depends on how many rows exist). `*` matches one segment. */
  ignore?: readonly string[]
  /** Keys that one portal may have and the other not (portal-specific custom fields such as `UF_*`). */
  extraKeys?: RegExp
}

function pathMatches(path: string, pattern: string): boolean {
  const escaped = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\*/g, '[^.]+')
  return new RegExp(`^${escaped}$`).test(path)
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key)

/** Differences between the target's shape and the reference's, with the paths where they are. */
export function compareShapes(target: Shape, reference: Shape, options: CompareOptions = {}, path = ''): ShapeDifference[] {
  if (options.ignore?.some((p) => pathMatches(path, p))) return []
  if (target.t === 'null' || reference.t === 'null') return []
  const diff = (): ShapeDifference[] => [{ path: path || '(body)', target: describe(target), reference: describe(reference) }]

  if (target.t === 'union' || reference.t === 'union') {
    const a = members(target).filter((m) => m.t !== 'null')
    const b = members(reference).filter((m) => m.t !== 'null')
    const covered = (xs: Shape[], ys: Shape[]) => xs.every((x) => ys.some((y) => compareShapes(x, y, options, path).length === 0))
    return covered(a, b) && covered(b, a) ? [] : diff()
  }
  // PHP's empty array stands for an empty map too; only `{}` against `[]` is a real difference.
  const emptyArray = (s: Shape) => s.t === 'array' && s.items === null
  const emptyObject = (s: Shape) => s.t === 'object' && Object.keys(s.keys).length === 0
  if (emptyArray(target) || emptyArray(reference)) {
    const other = emptyArray(target) ? reference : target
    if (other.t === 'array') return []
    if (emptyObject(other)) return diff()
    if (other.t === 'object' || other.t === 'map') return []
    return diff()
  }
  if (!sameKind(target, reference)) return diff()

  if (target.t === 'array' && reference.t === 'array') {
    return compareShapes(target.items!, reference.items!, options, `${path}[]`)
  }
  if (target.t === 'map' && reference.t === 'map') return compareShapes(target.values, reference.values, options, `${path}{}`)
  if (target.t === 'object' && reference.t === 'object') {
    const out: ShapeDifference[] = []
    for (const key of new Set([...Object.keys(target.keys), ...Object.keys(reference.keys)])) {
      const sub = join(path, key)
      if (options.ignore?.some((p) => pathMatches(sub, p))) continue
      const x = target.keys[key]
      const y = reference.keys[key]
      if (x && y) {
        out.push(...compareShapes(x.shape, y.shape, options, sub))
      } else if (!(options.extraKeys?.test(key)) && !(x?.optional || y?.optional)) {
        // A key some elements lack is data; a key no element has on one side is shape.
        out.push({ path: sub, target: x ? describe(x.shape, 1) : 'missing', reference: y ? describe(y.shape, 1) : 'missing' })
      }
    }
    return out
  }
  return []
}
