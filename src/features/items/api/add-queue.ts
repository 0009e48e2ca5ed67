/**
 * The titles a person adds in a row, sent one after another in the order they were given. Nothing
 * typed is dropped while an earlier one is on its way: it waits its turn. A title that was not
 * added (or whose fate is unknown) stays at the head and holds back those after it, so that the
 * backlog's order is the order they were typed; Retry or Check again lets the queue go on, and a
 * failed one can be taken out.
 */

export type QueuedStatus =
  /** Not sent yet: an earlier title is on its way, or holds the queue back. */
  | 'waiting'
  | 'saving'
  /** A look on the portal after an unconfirmed create; nothing is created again. */
  | 'checking'
  /** Not created: safe to send again. */
  | 'failed'
  /** May exist: only a check can tell. */
  | 'unconfirmed'

export interface QueuedAdd<D> {
  readonly key: number
  readonly draft: D
  readonly status: QueuedStatus
  readonly error?: unknown
}

/** How one turn ended: done (created, in full or in part), or stopped at the head of the queue. */
export type Attempt = { ok: true } | { ok: false; status: 'failed' | 'unconfirmed'; error: unknown }

export type AddWork<D> = (entry: QueuedAdd<D>, mode: 'create' | 'check') => Promise<Attempt>

export class AddQueue<D> {
  private entries: readonly QueuedAdd<D>[] = []
  private running = false
  private lastKey = 0

  private work: AddWork<D> = () => Promise.reject(new Error('The queue has no work yet'))

  constructor(private readonly changed: (entries: readonly QueuedAdd<D>[]) => void) {}

  /** What a turn does (the latest given is used from the next turn on). */
  workWith(work: AddWork<D>): void {
    this.work = work
  }

  get list(): readonly QueuedAdd<D>[] {
    return this.entries
  }

  add(draft: D): number {
    const key = ++this.lastKey
    this.set([...this.entries, { key, draft, status: 'waiting' }])
    void this.pump()
    return key
  }

  /** Send a title that was not added again. */
  retry(key: number): void {
    if (this.patch(key, 'failed', { status: 'waiting', error: undefined })) void this.pump()
  }

  /** Look on the portal for a title whose create went unanswered. */
  check(key: number): void {
    if (this.patch(key, 'unconfirmed', { status: 'checking' })) void this.pump()
  }

  /** Take out a title that was not added; the ones after it go on. */
  remove(key: number): void {
    if (!this.entries.some((entry) => entry.key === key && entry.status === 'failed')) return
    this.set(this.entries.filter((entry) => entry.key !== key))
    void this.pump()
  }

  private set(entries: readonly QueuedAdd<D>[]) {
    this.entries = entries
    this.changed(entries)
  }

  private patch(key: number, from: QueuedStatus, change: Partial<QueuedAdd<D>>): boolean {
    if (!this.entries.some((entry) => entry.key === key && entry.status === from)) return false
    this.set(this.entries.map((entry) => (entry.key === key ? { ...entry, ...change } : entry)))
    return true
  }

  /** One title at a time, from the head, until the queue is empty or its head is stuck. */
  private async pump(): Promise<void> {
    if (this.running) return
    this.running = true
    try {
      for (;;) {
        const head = this.entries[0]
        if (!head || (head.status !== 'waiting' && head.status !== 'checking')) return
        const mode = head.status === 'checking' ? 'check' : 'create'
        if (mode === 'create') this.patch(head.key, 'waiting', { status: 'saving' })
        let attempt: Attempt
        try {
          attempt = await this.work(head, mode)
        } catch (error) {
          // The work says how it ended; something it did not foresee means nothing is known.
          attempt = { ok: false, status: mode === 'check' ? 'unconfirmed' : 'failed', error }
        }
        if (attempt.ok) this.set(this.entries.filter((entry) => entry.key !== head.key))
        else this.set(this.entries.map((entry) => (entry.key === head.key ? { ...entry, status: attempt.status, error: attempt.error } : entry)))
      }
    } finally {
      this.running = false
    }
  }
}
