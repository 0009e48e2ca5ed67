import { initializeB24Frame, type B24Frame } from '@bitrix24/b24jssdk'
import { isInPortalFrame } from './launch-params'

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
 * The SDK sends nothing twice by itself: left to its defaults it re-sends a call after a timeout,
 * a network error or an unknown 5xx, and a create re-sent that way makes a duplicate. callMethod
 * decides what may be sent again (reads, and calls the portal refused before running them).
 */
const SDK_RESTRICTIONS = { maxRetries: 1, retryOnNetworkError: false } as const

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
    return await Promise.race([initializeB24Frame({ restrictionParams: SDK_RESTRICTIONS }), timeout])
  } catch (error) {
    if (error instanceof PortalConnectionError) throw error
    const message = error instanceof Error ? error.message : String(error)
    throw new PortalConnectionError('failed', message)
  } finally {
    clearTimeout(timer)
  }
}
