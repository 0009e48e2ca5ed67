/**
 * One portal's REST over an incoming webhook: POST `<webhook><method>` with a JSON body (as the
 * SDK sends), never throwing on an error answer — the status and body are what the checks compare.
 * Paced by the portal's leaky bucket; 503/429 answers are waited out and sent again.
 */
import { DEFAULT_RETRY, isRetryable, Pacer, realClock, retryDelayMs, type Clock, type RetryPolicy } from './backoff'

export interface Exchange {
  method: string
  params: Record<string, unknown>
  /** HTTP status; 0 when no answer came (network error, timeout). */
  status: number
  /** Parsed JSON body, or `{ nonJson: "<first bytes>" }`. */
  body: unknown
  ms: number
  /** 503/429 answers waited out before this one. */
  retries: number
  networkError?: string
}

export interface RestClientOptions {
  /** The webhook URL, ending in `/`. */
  webhookUrl: string
  pacer: Pacer
  retry?: RetryPolicy
  clock?: Clock
  /** A REST request may run 60 s on cloud portals (digest §10.2); a bit more before giving up. */
  timeoutMs?: number
  /** Set when the run is interrupted: calls stop being sent (cleanup uses its own client flag). */
  signal?: AbortSignal
}

export class Aborted extends Error {
  constructor() {
    super('interrupted')
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

export class RestClient {
  private readonly base: string
  /** Requests sent, retries included, for the summary. */
  requests = 0
  retries = 0
  /** Per method: when its operating budget resets (ms), as the last success said. */
  private readonly resetAt = new Map<string, number>()

  constructor(private readonly opts: RestClientOptions) {
    this.base = opts.webhookUrl.endsWith('/') ? opts.webhookUrl : `${opts.webhookUrl}/`
  }

  /** `ignoreAbort`: cleanup still runs after an interrupt. */
  async call(method: string, params: Record<string, unknown> = {}, { ignoreAbort = false } = {}): Promise<Exchange> {
    const clock = this.opts.clock ?? realClock
    const policy = this.opts.retry ?? DEFAULT_RETRY
    let retries = 0
    for (let attempt = 0; ; attempt++) {
      if (!ignoreAbort && this.opts.signal?.aborted) throw new Aborted()
      await this.opts.pacer.take()
      const started = clock.now()
      const answer = await this.send(method, params)
      this.requests += 1
      const ex: Exchange = { method, params, ...answer, ms: clock.now() - started, retries }
      const error = isRecord(ex.body) ? ex.body.error : undefined
      if (isRetryable(ex.status, error)) {
        if (ex.status === 503) this.opts.pacer.saturate()
        const wait = retryDelayMs(error as 'QUERY_LIMIT_EXCEEDED' | 'OPERATION_TIME_LIMIT', attempt, policy, {
          nowMs: Date.now(),
          resetAtMs: this.resetAt.get(method.toLowerCase()),
          jitter: Math.random(),
        })
        if (wait !== null) {
          retries += 1
          this.retries += 1
          await clock.sleep(wait)
          continue
        }
      }
      this.remember(method, ex.body)
      return ex
    }
  }

  private remember(method: string, body: unknown): void {
    const time = isRecord(body) && isRecord(body.time) ? body.time : undefined
    if (typeof time?.operating_reset_at === 'number') this.resetAt.set(method.toLowerCase(), time.operating_reset_at * 1000)
  }

  private async send(method: string, params: Record<string, unknown>): Promise<Pick<Exchange, 'status' | 'body' | 'networkError'>> {
    const timeout = AbortSignal.timeout(this.opts.timeoutMs ?? 70_000)
    try {
      const response = await fetch(`${this.base}${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(params),
        signal: timeout,
      })
      const text = await response.text()
      let body: unknown
      try {
        body = JSON.parse(text)
      } catch {
        body = { nonJson: text.slice(0, 200) }
      }
      return { status: response.status, body }
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause
      const detail = cause?.code ?? cause?.message ?? (error as Error).message
      return { status: 0, body: null, networkError: `${(error as Error).name}: ${detail}` }
    }
  }
}
