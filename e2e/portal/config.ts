/**
 * Defaults of the dev portal. Everything here can be overridden through `startPortal` options
 * or the CLI in main.ts; tests usually pass `port: 0` and a short token TTL.
 */
import { fileURLToPath } from 'node:url'

export const DEFAULTS = {
  port: 7100,
  host: 'localhost',
  appUrl: 'http://localhost:7101/',
  appPort: 7101,
  seed: 'default' as const,
  /** Bitrix24 access tokens live one hour (digest §12). */
  tokenTtlSeconds: 3600,
  /** Leaky bucket of the non-Enterprise plans (digest §10.2). */
  rateLimit: { enabled: true, burst: 50, drainPerSecond: 2 },
  /**
   * The cloud's per-method budget, on as on a real portal: 480 s per 10 minutes (digest §10.2), each
   * call charged a simulated cost (rest/operating.ts). Normal use never gets near it; bulk runs do.
   */
  operating: { enabled: true, limitSeconds: 480, windowSeconds: 600 },
  portalName: 'Scrum Dev Portal',
  /** A portal id is independent of the domain; a fixed one keeps test output stable. */
  memberId: 'd3v9017a1b2c3d4e5f60718293a4b5c6',
  /** Plan code sent to apps: `F` = free (digest §11). */
  status: 'F',
  /** What the marketplace app was granted at install time. */
  appScopes: ['task', 'sonet_group', 'user', 'placement'],
  /** The seeded admin webhook, fixed so the README can print it. */
  adminWebhook: { userId: 1, secret: 'devportaladminhook' },
  languages: ['en', 'ru', 'de'],
}

/** The host page (owned by the app side) lives next to this file. */
export const HOST_DIR = fileURLToPath(new URL('./host/', import.meta.url))
