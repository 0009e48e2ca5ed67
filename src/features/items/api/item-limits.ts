import type { MessageKey, Vars } from '@/i18n'

/** A task title is a 255-character column on the portal. */
export const TITLE_MAX = 255

export type Check = { ok: true; value: string } | { ok: false; message: { key: MessageKey; vars?: Vars } }

export function checkTitle(text: string): Check {
  const value = text.trim()
  if (!value) return { ok: false, message: { key: 'items.add.titleRequired' } }
  if (value.length > TITLE_MAX) return { ok: false, message: { key: 'items.add.titleTooLong', vars: { count: value.length, max: TITLE_MAX } } }
  return { ok: true, value }
}
