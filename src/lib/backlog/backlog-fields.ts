import { RestError } from '@/bitrix'

/** The backlog object of `tasks.api.scrum.backlog.*` (real JSON ints). */
export interface Backlog {
  id: number
  groupId: number
  createdBy: number
  modifiedBy: number
  /** Fields a newer portal may add: shown generically, never dropped. */
  [field: string]: unknown
}

export function toBacklog(answer: unknown): Backlog {
  const row = (answer ?? {}) as Record<string, unknown>
  return {
    ...row,
    id: Number(row.id),
    groupId: Number(row.groupId),
    createdBy: Number(row.createdBy ?? 0),
    modifiedBy: Number(row.modifiedBy ?? 0),
  }
}

/** `Backlog not found` from `backlog.get` is an answer ("this scrum has none"), not a failure. */
export function isNoBacklog(error: unknown): boolean {
  return error instanceof RestError && error.isMethodError && error.is('Backlog not found')
}

export type BacklogStatus = 'present' | 'missing' | 'unknown'
