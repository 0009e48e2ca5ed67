/** What the REST side was asked, for e2e assertions ("the app sent one batch, not 50 calls"). */

export interface RequestLogEntry {
  id: number
  /** ms since epoch */
  at: number
  httpMethod: string
  path: string
  /** The REST method as the client wrote it, or for a batch `['batch', ...sub-call methods]`; [] for a preflight. */
  methods: string[]
  status: number
  durationMs: number
  userId: number | null
  bytesIn: number
  bytesOut: number
  /** The error code of a failed call, else null. */
  error: string | null
  /** Parameters as parsed (auth removed), to check what the app sent. */
  params: Record<string, unknown>
}

const MAX_ENTRIES = 10_000

export class RequestLog {
  private entries: RequestLogEntry[] = []
  private seq = 1

  add(entry: Omit<RequestLogEntry, 'id'>): void {
    this.entries.push({ id: this.seq++, ...entry })
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES)
  }

  list(): RequestLogEntry[] {
    return [...this.entries]
  }

  clear(): void {
    this.entries = []
  }
}
