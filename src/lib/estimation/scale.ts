import type { MessageKey, Vars } from '@/i18n'

/**
 * A team's estimation scale: which story points its items may have, and what each counts for in
 * the totals. Bitrix24 keeps story points as free text; the scale is the app's, kept per team in
 * the app's options (an administrator sets it), and checked at every field that sets points.
 */
export type ScaleKind = 'free' | 'fibonacci' | 'tshirt' | 'powers'

export interface Scale {
  kind: ScaleKind
  /** T-shirt sizes and the points each counts for in totals (null: shown, not counted). */
  sizes: Readonly<Record<string, number | null>>
}

export const SCALE_KINDS: readonly ScaleKind[] = ['free', 'fibonacci', 'tshirt', 'powers']
export const TSHIRT_SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'] as const
export const DEFAULT_SIZES: Readonly<Record<string, number | null>> = { XS: 1, S: 2, M: 3, L: 5, XL: 8, XXL: 13 }
const FIBONACCI = ['0', '0.5', '1', '2', '3', '5', '8', '13', '20', '40', '100', '?']
const POWERS = ['0', '1', '2', '4', '8', '16', '32', '64']

export const FREE_SCALE: Scale = { kind: 'free', sizes: DEFAULT_SIZES }

/** The app option that holds a team's scale (app options are portal-wide: one name per team). */
export function scaleOptionName(groupId: number): string {
  return `scale_${groupId}`
}

/** A scale as kept in the app option (a JSON string; an object is read too). Anything else: free numbers. */
export function parseScale(raw: unknown): Scale {
  let value = raw
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw)
    } catch {
      return FREE_SCALE
    }
  }
  if (!value || typeof value !== 'object') return FREE_SCALE
  const { kind, sizes } = value as { kind?: unknown; sizes?: unknown }
  if (!SCALE_KINDS.includes(kind as ScaleKind)) return FREE_SCALE
  const read: Record<string, number | null> = { ...DEFAULT_SIZES }
  if (sizes && typeof sizes === 'object') {
    for (const size of TSHIRT_SIZES) {
      const points = (sizes as Record<string, unknown>)[size]
      if (points === null || (typeof points === 'number' && Number.isFinite(points) && points >= 0)) read[size] = points
    }
  }
  return { kind: kind as ScaleKind, sizes: read }
}

export function serializeScale(scale: Scale): string {
  return JSON.stringify(scale.kind === 'tshirt' ? scale : { kind: scale.kind })
}

/** The values the scale offers, in order; none for free numbers. */
export function scaleValues(scale: Scale): readonly string[] {
  if (scale.kind === 'fibonacci') return FIBONACCI
  if (scale.kind === 'powers') return POWERS
  if (scale.kind === 'tshirt') return TSHIRT_SIZES
  return []
}

/** 0 to 999, at most two decimals: what totals add up for free numbers. */
const NUMBER = /^\d{1,3}(\.\d{1,2})?$/
/** Estimates are short; longer text is refused, never cut. */
export const POINTS_MAX = 20

/** As typed → as kept: trimmed, "½" and a decimal comma written as the portal's other values are. */
function normalise(text: string): string {
  return text.trim().replace(/^½$/, '0.5').replace(/^(\d+),(\d+)$/, '$1.$2').replace(/^0*(\d)/, '$1')
}

export type PointsCheck = { ok: true; value: string } | { ok: false; message: { key: MessageKey; vars?: Vars } }

/** Story points as typed, against the team's scale: empty (not estimated), or a value of the scale. */
export function checkPoints(text: string, scale: Scale): PointsCheck {
  const trimmed = text.trim()
  if (!trimmed) return { ok: true, value: '' }
  if (trimmed.length > POINTS_MAX) return { ok: false, message: { key: 'items.points.tooLong', vars: { max: POINTS_MAX } } }
  const value = normalise(trimmed)
  const values = scaleValues(scale)
  if (values.length === 0) return NUMBER.test(value) ? { ok: true, value } : { ok: false, message: { key: 'items.points.notNumber' } }
  const found = values.find((candidate) => candidate.toLowerCase() === value.toLowerCase())
  if (found !== undefined) return { ok: true, value: found }
  return { ok: false, message: { key: 'items.points.notInScale', vars: { values: values.join(', ') } } }
}

/**
 * What an item's points count for in totals: a number, a T-shirt size's points on a T-shirt
 * scale, or null (not counted: "?", text that is no number, a size without points).
 */
export function pointsValue(points: string, scale: Scale): number | null {
  const text = points.trim()
  if (/^\d+([.,]\d+)?$/.test(text)) return Number(text.replace(',', '.'))
  if (scale.kind === 'tshirt') {
    const size = TSHIRT_SIZES.find((candidate) => candidate === text.toUpperCase())
    if (size) return scale.sizes[size] ?? null
  }
  return null
}

const numberFormats = new Map<string, Intl.NumberFormat>()

/** Story points as the screen shows them: numbers in the reader's format (0,5 in German), sizes as they are. */
export function formatPoints(points: string, locale: string): string {
  if (!/^\d+(\.\d+)?$/.test(points)) return points
  let format = numberFormats.get(locale)
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })))
  return format.format(Number(points))
}

/** The id of the list of a team's scale values the points fields offer (one per screen). */
export function scaleListId(groupId: number): string {
  return `points-scale-${groupId}`
}
