import type { BacklogItem } from '../items/item-fields'

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

/**
 * The colour a new epic starts with: the first of the palette that no epic of the team has, or,
 * when all are taken, the one fewest epics have, so that epics stay told apart.
 */
export function nextEpicColor(used: readonly string[]): string {
  const count = new Map<string, number>(EPIC_COLORS.map((color) => [color, 0]))
  for (const color of used) {
    const key = color.toLowerCase()
    if (count.has(key)) count.set(key, count.get(key)! + 1)
  }
  let best: string = EPIC_COLORS[0]
  for (const color of EPIC_COLORS) if (count.get(color)! < count.get(best)!) best = color
  return best
}

export interface EpicCatalogue {
  /** The team's epics (and any other epic its items point at). */
  epics: readonly Epic[]
  status: 'loading' | 'error' | 'ready'
  error: unknown
  retry: () => void
  /** Known to be deleted on the portal (never assumed from a failed or partial load). */
  deleted: ReadonlySet<number>
  /** Items marked with a deleted epic. */
  dangling: readonly BacklogItem[]
}
