import { noteChange } from './change-epoch'

/**
 * The screen shows a change at once; the portal confirms it later. This ledger remembers, per
 * thing and field, the last value the portal confirmed and every value still on its way, so that
 * - the newest value the user chose is what the screen shows, whatever finishes first;
 * - a failed change puts back the confirmed value only when nothing newer is on its way;
 * - fresh data from the portal (a refetch) does not wipe out changes still being sent.
 */
type Outcome = { saved: true } | { saved: false } | { portalValue: unknown }

interface Entry {
  confirmed: unknown
  pending: { seq: number; value: unknown }[]
}

export class PendingFields<Item extends object> {
  private entries = new Map<string, Entry>()
  private seq = 0

  constructor(private readonly idOf: (item: Item) => number) {}

  private key(scope: number, id: number, field: keyof Item) {
    return `${scope}|${id}|${String(field)}`
  }

  /** A value chosen on screen and about to be sent. `shown` is what the screen showed until now. */
  begin<F extends keyof Item>(scope: number, id: number, field: F, value: Item[F], shown: Item[F]): number {
    const key = this.key(scope, id, field)
    const entry = this.entries.get(key) ?? { confirmed: shown, pending: [] }
    const seq = ++this.seq
    noteChange()
    entry.pending.push({ seq, value })
    this.entries.set(key, entry)
    return seq
  }

  /** True when no newer value for this field was chosen after change `seq`. */
  isNewest(scope: number, id: number, field: keyof Item, seq: number): boolean {
    const pending = this.entries.get(this.key(scope, id, field))?.pending
    return !pending || pending.length === 0 || pending[pending.length - 1]!.seq === seq
  }

  hasPending(scope: number, id: number, field: keyof Item): boolean {
    return (this.entries.get(this.key(scope, id, field))?.pending.length ?? 0) > 0
  }

  /**
   * Change `seq` is over: saved, refused, or found on the portal as `portalValue` after an
   * unknown outcome (or dropped unsent because a newer value replaced it: `{ saved: false }`
   * changes nothing the portal holds). Returns the value the screen should show now.
   */
  settle<F extends keyof Item>(scope: number, id: number, field: F, seq: number, outcome: Outcome): Item[F] {
    const key = this.key(scope, id, field)
    const entry = this.entries.get(key)
    if (!entry) throw new Error(`No pending change ${key}#${seq}`)
    const index = entry.pending.findIndex((pending) => pending.seq === seq)
    const change = entry.pending[index]
    if ('saved' in outcome && outcome.saved && change) entry.confirmed = change.value
    if ('portalValue' in outcome) entry.confirmed = outcome.portalValue
    if (index >= 0) entry.pending.splice(index, 1)
    const newest = entry.pending[entry.pending.length - 1]
    if (!newest) this.entries.delete(key)
    return (newest ? newest.value : entry.confirmed) as Item[F]
  }

  /** Fresh data from the portal: it becomes the confirmed state, with values on their way laid over it. */
  overlay(scope: number, items: readonly Item[]): Item[] {
    return items.map((item) => this.rewrite(scope, item, (entry, fresh) => {
      entry.confirmed = fresh
      return entry.pending[entry.pending.length - 1]!.value
    }))
  }

  /** What the portal holds as far as the app knows: values on their way replaced by confirmed ones. */
  confirmedView(scope: number, items: readonly Item[]): Item[] {
    return items.map((item) => this.rewrite(scope, item, (entry) => entry.confirmed))
  }

  private rewrite(scope: number, item: Item, pick: (entry: Entry, current: unknown) => unknown): Item {
    const prefix = `${scope}|${this.idOf(item)}|`
    let changed: Item | null = null
    for (const [key, entry] of this.entries) {
      if (!key.startsWith(prefix) || entry.pending.length === 0) continue
      const field = key.slice(prefix.length) as keyof Item
      changed ??= { ...item }
      changed[field] = pick(entry, item[field]) as Item[keyof Item]
    }
    return changed ?? item
  }
}
