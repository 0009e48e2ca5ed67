import { initializeB24Frame, ParamsFactory, type B24Frame, type RestrictionParams } from '@bitrix24/b24jssdk'
import { isInPortalFrame } from './launch-params'
import { ENTERPRISE_LIMITS } from './plan'

export type { B24Frame }

/** Why the app could not reach its portal. */
export class PortalConnectionError extends Error {
  override readonly name = 'PortalConnectionError'
  constructor(
    readonly reason: 'not-in-frame' | 'no-answer' | 'failed',
    message: string,
  ) {
    super(message)
  }
}

/**
 * The SDK's restriction settings, set on purpose:
 * - It sends nothing twice by itself: left to its defaults it re-sends a call after a timeout,
 *   a network error or an unknown 5xx, and a create re-sent that way makes a duplicate. callMethod
 *   decides what may be sent again (reads, and calls the portal refused before running them).
 * - Its token bucket is the biggest any plan has (Enterprise: 250, 5 per s), without its adaptive
 *   narrowing. The bucket that governs is the shared budget (rate-budget.ts): it counts every tab's
 *   requests, follows the portal's plan as `app.info` tells it (50 / 2 per s until then) and keeps
 *   a margin. The SDK's bucket sees this page alone, starts full on every reload, and cannot be
 *   topped up when a plan is learned (its setter keeps the tokens it had), so set to the plan it
 *   would hold an Enterprise page to 5 per s after its first 50, fighting the shared budget. Set
 *   this wide it never waits before the shared budget does, on any plan, and still stops a
 *   runaway loop at the portal's largest bucket.
 */
export function sdkRestrictions(): RestrictionParams {
  return {
    ...ParamsFactory.getDefault(),
    maxRetries: 1,
    retryOnNetworkError: false,
    rateLimit: { burstLimit: ENTERPRISE_LIMITS.burst, drainRate: ENTERPRISE_LIMITS.drainPerSecond, adaptiveEnabled: false },
  }
}

/** The parent answers `getInitData` in milliseconds; past this the app says so instead of hanging. */
const HANDSHAKE_TIMEOUT_MS = 15_000

let connection: Promise<B24Frame> | null = null

/**
 * Connect to the parent portal once per page. Every caller shares this promise, and nothing ever
 * destroys the frame: `destroy()` in a React effect cleanup kills the shared instance under StrictMode.
 */
export function connectToPortal(): Promise<B24Frame> {
  connection ??= connect().catch((error: unknown) => {
    connection = null // allow a retry
    throw error
  })
  return connection
}

async function connect(): Promise<B24Frame> {
  if (!isInPortalFrame()) {
    throw new PortalConnectionError('not-in-frame', 'The app is not opened inside a Bitrix24 portal.')
  }
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new PortalConnectionError('no-answer', 'The portal did not answer the handshake.')),
      HANDSHAKE_TIMEOUT_MS,
    )
  })
  try {
    return await Promise.race([initializeB24Frame({ restrictionParams: sdkRestrictions() }), timeout])
  } catch (error) {
    if (error instanceof PortalConnectionError) throw error
    const message = error instanceof Error ? error.message : String(error)
    throw new PortalConnectionError('failed', message)
  } finally {
    clearTimeout(timer)
  }
}
