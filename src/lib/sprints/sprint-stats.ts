import { FREE_SCALE, type Scale } from '../estimation/scale'
import { sumStoryPoints, type BacklogItem } from '../items/item-fields'
import type { Sprint } from './sprint-fields'

/** Bitrix24 task status "completed". */
export const DONE = '5'

export interface ContainerStats {
  count: number
  /** Story points that are numbers, all items. */
  total: number
  /** Story points of completed tasks. */
  done: number
}

export function containerStats(items: readonly BacklogItem[], scale: Scale = FREE_SCALE): ContainerStats {
  return {
    count: items.length,
    total: sumStoryPoints(items, scale).total,
    done: sumStoryPoints(items.filter((item) => item.status === DONE), scale).total,
  }
}

export interface Velocity {
  /** Average done story points per sprint, or null with no completed sprint yet. */
  value: number | null
  /** How many completed sprints it is the average of (at most three). */
  basis: number
}

/** Velocity: the average done story points of the last three completed sprints. */
export function velocity(sprints: readonly Sprint[], items: readonly BacklogItem[], scale: Scale = FREE_SCALE): Velocity {
  const last = sprints
    .filter((sprint) => sprint.status === 'completed')
    .sort((a, b) => (b.dateEnd ?? '').localeCompare(a.dateEnd ?? '') || b.id - a.id)
    .slice(0, 3)
  if (last.length === 0) return { value: null, basis: 0 }
  const done = last.map((sprint) => containerStats(items.filter((item) => item.entityId === sprint.id), scale).done)
  return { value: Math.round((done.reduce((sum, points) => sum + points, 0) / last.length) * 10) / 10, basis: last.length }
}
