/**
 * Whether the app's session with the portal still works. Once the parent window cannot renew the
 * token, every further call would wait for the same refusal; they fail at once instead, and the
 * screen asks for a reload.
 */
let ended = false
const listeners = new Set<() => void>()

export function endSession(): void {
  if (ended) return
  ended = true
  for (const listener of listeners) listener()
}

export function isSessionEnded(): boolean {
  return ended
}

export function onSessionEnded(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function resetSessionForTests(): void {
  ended = false
}
