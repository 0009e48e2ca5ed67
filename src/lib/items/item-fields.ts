import { FREE_SCALE, pointsValue, type Scale } from '../estimation/scale'
/** A task row of `tasks.task.list`: camelCase keys, string values. */
export interface TaskAnswer {
  id: string
  title?: string | null
  status?: string | null
  responsibleId?: string | null
  responsible?: { id?: string; name?: string; icon?: string } | null
}

/** `tasks.api.scrum.task.get`: real ints, story points as a string. */
export interface ScrumTaskAnswer {
  entityId?: number | string
  storyPoints?: string | null
  epicId?: number | string
  sort?: number | string
}

export interface Person {
  id: number
  name: string
  photo: string
}

/** A task in the backlog or a sprint of the scrum, with what the backlog screen shows of it. */
export interface BacklogItem {
  /** The task id again: list components key their rows on `id`. */
  id: number
  taskId: number
  title: string
  /** Bitrix24 task status: 2 waiting, 3 in progress, 4 awaiting review, 5 completed, 6 deferred. */
  status: string
  responsible: Person | null
  /** The backlog or sprint it is in (one id sequence for both). */
  entityId: number
  /** Any text: Fibonacci numbers, T-shirt sizes, "?"; '' means not estimated. */
  storyPoints: string
  epicId: number
  sort: number
}

/** The stock picture the tasks module gives users without a photo is no photo at all. */
function photoOf(icon: string | undefined): string {
  return icon && !icon.includes('default_avatar') ? icon : ''
}

export function toItem(task: TaskAnswer, scrum: ScrumTaskAnswer, portalOrigin: string): BacklogItem {
  const responsibleId = Number(task.responsibleId ?? task.responsible?.id ?? 0)
  return {
    id: Number(task.id),
    taskId: Number(task.id),
    title: task.title ?? `#${task.id}`,
    status: task.status ?? '2',
    responsible:
      responsibleId > 0
        ? {
            id: responsibleId,
            name: task.responsible?.name || `#${responsibleId}`,
            photo: photoOf(task.responsible?.icon) ? new URL(photoOf(task.responsible?.icon), portalOrigin).toString() : '',
          }
        : null,
    entityId: Number(scrum.entityId ?? 0),
    storyPoints: scrum.storyPoints ?? '',
    epicId: Number(scrum.epicId ?? 0),
    sort: Number(scrum.sort ?? 0),
  }
}

/** Backlog order: by `sort`, then by task id so equal sorts stay stable. */
export function byBacklogOrder(a: BacklogItem, b: BacklogItem): number {
  return a.sort - b.sort || a.taskId - b.taskId
}

/**
 * Story points that count add up: numbers, and on a T-shirt scale the sizes' points; anything else
 * ("?", a size without points, text) is shown but not summed, and counted apart.
 */
export function sumStoryPoints(items: readonly BacklogItem[], scale: Scale = FREE_SCALE): { total: number; unsummable: number; unestimated: number } {
  let total = 0
  let unsummable = 0
  let unestimated = 0
  for (const item of items) {
    if (!item.storyPoints.trim()) unestimated++
    else {
      const value = pointsValue(item.storyPoints, scale)
      if (value === null) unsummable++
      else total += value
    }
  }
  return { total: Math.round(total * 100) / 100, unsummable, unestimated }
}

/** Where items live: the team's backlog or one of its sprints (one id sequence for both). */
export interface ItemContainer {
  id: number
  name: string
  kind: 'backlog' | 'sprint'
  /** Nothing moves in or out of a completed sprint. */
  readOnly: boolean
}
