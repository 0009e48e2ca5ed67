import { useState } from 'react'

/**
 * The same array as before while it holds the same values in the same order: what is worked out
 * from a list on every change of it (a list's items, the items of a deleted epic) then changes
 * identity only when its content does, and whatever it feeds is not drawn again for nothing.
 */
export function useStableArray<T>(next: readonly T[]): readonly T[] {
  const [kept, setKept] = useState(next)
  if (kept === next || (kept.length === next.length && next.every((value, index) => value === kept[index]))) return kept
  setKept(next)
  return next
}
