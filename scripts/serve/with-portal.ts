/**
 * The built app served by the production server, opened by a dev portal: what `npm run preview`,
 * `npm run bench` and the e2e tests run, so they all exercise the server a real portal would meet
 * (POST pages, CSP naming the portal, compressed assets).
 */
import type { SeedName } from '../../e2e/portal/data/seeds'
import { startPortal, type RunningPortal } from '../../e2e/portal/server'
import { startAppServer, type RunningAppServer } from './app-server'

export interface PortalWithApp {
  portal: RunningPortal
  app: RunningAppServer
  close(): Promise<void>
}

export interface PortalWithAppOptions {
  /** 0 (default) picks free ports. */
  portalPort?: number
  appPort?: number
  seed?: SeedName
  distDir?: string
  log?: (line: string) => void
}

export async function startPortalWithApp(options: PortalWithAppOptions = {}): Promise<PortalWithApp> {
  const portal = await startPortal({ port: options.portalPort ?? 0, ...(options.seed ? { seed: options.seed } : {}) })
  try {
    const app = await startAppServer(
      { distDir: options.distDir ?? 'dist', host: 'localhost', port: options.appPort ?? 0, portalOrigins: [portal.url] },
      options.log,
    )
    // The portal learns the app's address only now (its port may be random): register it again.
    portal.state.appUrl = app.url
    portal.state.installApp()
    return { portal, app, close: async () => void (await Promise.all([app.close(), portal.close()])) }
  } catch (error) {
    await portal.close()
    throw error
  }
}
