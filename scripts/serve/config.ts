/**
 * The production server's settings, from the environment. A mistake here stops the server at
 * start with a sentence saying what to fix, rather than serving a page no portal can frame.
 */
import { resolve } from 'node:path'

export interface ServeConfig {
  distDir: string
  host: string
  port: number
  /** Sources allowed to frame the app and to be called by it: the portal origin(s). */
  portalOrigins: string[]
  /** Serve HTTPS directly (otherwise put a TLS proxy in front). */
  tls?: { certFile: string; keyFile: string }
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/**
 * `https://example.bitrix24.com`, `http://localhost:7100` or a wildcard zone such as
 * `https://*.bitrix24.com` (a marketplace app is opened by many portals). Nothing else: the value
 * goes into the Content-Security-Policy header, so a space, `;` or quote must never get through.
 */
const ORIGIN = /^(https?):\/\/(\*\.)?([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/

export function parseOrigins(value: string | undefined): string[] {
  const entries = (value ?? '')
    .split(/[,\s]+/)
    .map((entry) => entry.trim().toLowerCase().replace(/\/+$/, ''))
    .filter(Boolean)
  if (entries.length === 0) {
    throw new ConfigError(
      'PORTAL_ORIGINS is not set. Give the address of the Bitrix24 portal that opens the app, e.g. ' +
        'PORTAL_ORIGINS=https://example.bitrix24.com (several separated by commas). Without it no portal may frame the app.',
    )
  }
  for (const entry of entries) {
    if (!ORIGIN.test(entry)) {
      throw new ConfigError(
        `PORTAL_ORIGINS: "${entry}" is not an origin. Use scheme and host only, e.g. https://example.bitrix24.com ` +
          'or https://*.bitrix24.com, without a path.',
      )
    }
  }
  return [...new Set(entries)]
}

function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT: "${value}" is not a port number (0–65535).`)
  return port
}

export function readConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): ServeConfig {
  const certFile = env.TLS_CERT_FILE?.trim()
  const keyFile = env.TLS_KEY_FILE?.trim()
  if (Boolean(certFile) !== Boolean(keyFile)) throw new ConfigError('Set both TLS_CERT_FILE and TLS_KEY_FILE, or neither.')
  return {
    distDir: resolve(cwd, env.DIST_DIR?.trim() || 'dist'),
    host: env.HOST?.trim() || '0.0.0.0',
    port: parsePort(env.PORT?.trim(), 8080),
    portalOrigins: parseOrigins(env.PORTAL_ORIGINS),
    ...(certFile && keyFile ? { tls: { certFile: resolve(cwd, certFile), keyFile: resolve(cwd, keyFile) } } : {}),
  }
}

/**
 * Only the app's own files, and the portal for REST and avatars; only the portal may frame it.
 * Nothing inline: the build has no inline script or style (React sets styles through the DOM,
 * which style-src does not govern). React Aria adds two tiny `<style>` rules of its own; they carry
 * the page's nonce, which it reads from `<meta property="csp-nonce">`.
 */
export function contentSecurityPolicy(portalOrigins: readonly string[], nonce?: string): string {
  const portals = portalOrigins.join(' ')
  return [
    "default-src 'self'",
    "script-src 'self'",
    nonce ? `style-src 'self' 'nonce-${nonce}'` : "style-src 'self'",
    `img-src 'self' data: blob: https: ${portals}`,
    "font-src 'self' data:",
    `connect-src 'self' ${portals}`,
    `frame-ancestors ${portals}`,
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ')
}
