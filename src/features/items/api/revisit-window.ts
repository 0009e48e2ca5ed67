/**
 * A revisit is cheap only this long after the last full read; later, the whole list is read again.
 * (Apart from refresh-items.ts, which loads with the first revisit, not with the screen.)
 */
export const REVISIT_MS = 10 * 60_000
