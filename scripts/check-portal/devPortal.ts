/**
 * The in-process dev portals: the reference always, the target when no B24_WEBHOOK is given. Each
 * gets its own webhook with the scopes the real one has, so both answer with the same scope-dependent
 * fields (user_brief hides e-mail, for instance).
 */
import { randomBytes } from 'node:crypto'
import { startPortal, type RunningPortal } from '../../e2e/portal/server'
import { applyQuirks, readQuirks, type QuirkSettings } from './quirks'

/** The scopes the project's webhook is documented to have (README of this suite). */
export const WEBHOOK_SCOPES = ['task', 'sonet_group', 'user_brief', 'placement']

export interface DevPortal {
  portal: RunningPortal
  webhookUrl: string
  /** The webhook's user: the seeded administrator, like the dev portal's own admin hook. */
  userId: number
  /** Its open-question switches now; undefined when this dev portal has none. */
  quirks(): QuirkSettings | undefined
  close(): Promise<void>
}

export interface DevPortalOptions {
  scopes?: readonly string[]
  /** Switches to set before the run (tests play a portal that answers the open questions differently). */
  quirks?: Partial<QuirkSettings>
}

/**
 * A fresh dev portal on a free port. Its leaky bucket is off: both dev portals answer the same with
 * or without it, and the suite is meant to stay fast in CI (the pacer still guards a real target).
 */
export async function startDevPortal(options: DevPortalOptions = {}): Promise<DevPortal> {
  const portal = await startPortal({ port: 0, rateLimit: false })
  try {
    if (options.quirks && !applyQuirks(portal.state, options.quirks)) throw new Error('This dev portal has no quirk switches (state.quirks) to set')
    const userId = 1
    const secret = `checkportal${randomBytes(8).toString('hex')}`
    portal.state.auth.addWebhook(userId, secret, [...(options.scopes ?? WEBHOOK_SCOPES)])
    return {
      portal,
      webhookUrl: `${portal.url}/rest/${userId}/${secret}/`,
      userId,
      quirks: () => {
        const q = readQuirks(portal.state)
        return q ? { ...q } : undefined
      },
      close: () => portal.close(),
    }
  } catch (error) {
    await portal.close()
    throw error
  }
}
