import type { MessageKey, Vars } from '@/i18n'

/** A task title is a 255-character column on the portal. */
export const TITLE_MAX = 255
/** Estimates are short: a number or a size ("XL", "?"). Longer text is refused, never cut. */
export const POINTS_MAX = 20

export type Check = { ok: true; value: string } | { ok: false; message: { key: MessageKey; vars?: Vars } }

export function checkTitle(text: string): Check {
  const value = text.trim()
  if (!value) return { ok: false, message: { key: 'items.add.titleRequired' } }
  if (value.length > TITLE_MAX) return { ok: false, message: { key: 'items.add.titleTooLong', vars: { count: value.length, max: TITLE_MAX } } }
  return { ok: true, value }
}

/** Text made of digits, signs and separators: meant as a number. */
const NUMBERISH = /^[-+]?[\d\s.,eE+-]*\d[\d\s.,eE+-]*$/
/** What the totals can add up: 0 to 999, at most two decimals. */
const POINTS_NUMBER = /^\d{1,3}([.,]\d{1,2})?$/

/** Story points as typed: empty (not estimated), a number the totals can add, or a short size. */
export function checkStoryPoints(text: string): Check {
  const value = text.trim()
  if (value.length > POINTS_MAX) return { ok: false, message: { key: 'items.points.tooLong', vars: { max: POINTS_MAX } } }
  if (value && NUMBERISH.test(value) && !POINTS_NUMBER.test(value)) return { ok: false, message: { key: 'items.points.badNumber' } }
  return { ok: true, value }
}
