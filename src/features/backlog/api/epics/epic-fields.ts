/** The epic object of `tasks.api.scrum.epic.*` (ints, colour as HEX). */
export interface Epic {
  id: number
  groupId: number
  name: string
  description: string
  color: string
}

export function toEpic(answer: unknown): Epic {
  const row = (answer ?? {}) as Record<string, unknown>
  return {
    id: Number(row.id),
    groupId: Number(row.groupId),
    name: String(row.name ?? ''),
    description: String(row.description ?? ''),
    color: typeof row.color === 'string' && /^#[0-9a-f]{6}$/i.test(row.color) ? row.color : '#69dafc',
  }
}

/** Bitrix24's own epic palette. */
export const EPIC_COLORS = ['#69dafc', '#2fc6f6', '#9dcf00', '#ffa900', '#ff5752', '#e89b06', '#bb8aff', '#8d98a7'] as const
