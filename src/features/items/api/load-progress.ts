import { useSyncExternalStore } from 'react'

/** How far a team's items have loaded: tasks whose scrum fields are read, of all the team's tasks. */
export interface LoadProgress {
  loaded: number
  total: number
}

/**
 * Progress of the loads running now, per team. It lives outside React and the query cache: each
 * step re-renders only the progress bar that reads it, never the board (server data stays in the
 * query cache; this is a passing view of a request in flight).
 */
const running = new Map<number, LoadProgress>()
const listeners = new Set<() => void>()

function emit(): void {
  for (const listener of listeners) listener()
}

/** A step of a team's load. The count never goes back, even if a later step reports less. */
export function reportLoadProgress(groupId: number, step: LoadProgress): void {
  const before = running.get(groupId)
  const total = Math.max(0, step.total)
  const loaded = Math.min(total, Math.max(before?.loaded ?? 0, step.loaded))
  if (before && before.loaded === loaded && before.total === total) return
  running.set(groupId, { loaded, total })
  emit()
}

/** The load is over (loaded, failed or left): nothing to show until the next one reports. */
export function endLoadProgress(groupId: number): void {
  if (running.delete(groupId)) emit()
}

export function loadProgressOf(groupId: number): LoadProgress | undefined {
  return running.get(groupId)
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The progress of a team's load while one runs, for the one component that shows it. */
export function useLoadProgress(groupId: number): LoadProgress | undefined {
  return useSyncExternalStore(subscribe, () => running.get(groupId))
}
