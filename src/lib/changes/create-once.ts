import { RestError } from '@/bitrix'

/**
 * A create whose answer never came (timeout, dropped connection, a 5xx): the portal may or may
 * not have made the thing, and the check that should tell failed too. Nothing may be created
 * again until a check succeeds.
 */
export class CreateUnconfirmedError extends Error {
  override readonly name = 'CreateUnconfirmedError'
  constructor(
    override readonly cause: RestError,
    readonly checkError: unknown,
  ) {
    super(`Could not tell whether ${cause.method} created anything`)
  }
}

/** The portal was asked and has nothing: the create did not happen, sending it again is safe. */
export class NotCreatedError extends Error {
  override readonly name = 'NotCreatedError'
  constructor(override readonly cause: RestError) {
    super(`${cause.method} did not create anything`)
  }
}

export interface CreateOnceSteps<T> {
  /** The create call itself; sent exactly once. */
  send: () => Promise<T>
  /** Look the new thing up on the portal; null when it is not there. */
  find: () => Promise<T | null>
}

/**
 * Send a create once. When its outcome is unknown, look on the portal before saying anything:
 * found means it was made (`recovered`), not found means it was not (NotCreatedError, safe to
 * send again), and a failed look-up means nobody knows yet (CreateUnconfirmedError).
 */
export async function createOnce<T>({ send, find }: CreateOnceSteps<T>): Promise<{ created: T; recovered: boolean }> {
  try {
    return { created: await send(), recovered: false }
  } catch (error) {
    if (!(error instanceof RestError) || !error.outcomeUnknown) throw error
    return { created: await confirmCreated(error, find), recovered: true }
  }
}

/** The look-up alone, for "Check again" after an unconfirmed create. */
export async function confirmCreated<T>(cause: RestError, find: () => Promise<T | null>): Promise<T> {
  let found: T | null
  try {
    found = await find()
  } catch (checkError) {
    throw new CreateUnconfirmedError(cause, checkError)
  }
  if (found === null) throw new NotCreatedError(cause)
  return found
}

/** The error that says why the thing was not (or may not have been) created. */
export function causeOf(error: unknown): unknown {
  return error instanceof CreateUnconfirmedError || error instanceof NotCreatedError ? error.cause : error
}
