/**
 * The portal's command line (main.ts), as a pure function so it can be tested:
 * `[--port 7100] [--host localhost] [--app-url URL] [--seed default|large] [--big-backlog N] [--token-ttl 3600]
 *  [--no-rate-limit] [--no-operating-limit] [--https] [--serve-app DIR [--app-port 7101]]`
 * Environment: PORTAL_PORT, APP_URL, TOKEN_TTL, APP_PORT, PORTAL_HTTPS=1 (flags win).
 */
import { parseArgs } from 'node:util'
import { BIG_BACKLOG_MAX } from './data/big-backlog'
import { isSeedName } from './data/seeds'
import type { PortalOptions } from './server'

/** A command line the portal cannot run with; main.ts prints it and exits with 2. */
export class CliError extends Error {}

function int(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new CliError(`${name} must be a non-negative integer, got "${value}"`)
  return n
}

export function parseCli(argv: string[], env: NodeJS.ProcessEnv): PortalOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'app-url': { type: 'string' },
      seed: { type: 'string' },
      'big-backlog': { type: 'string' },
      'token-ttl': { type: 'string' },
      'no-rate-limit': { type: 'boolean' },
      'no-operating-limit': { type: 'boolean' },
      https: { type: 'boolean' },
      'serve-app': { type: 'string' },
      'app-port': { type: 'string' },
    },
    strict: true,
  })
  const seed = values.seed ?? 'default'
  if (!isSeedName(seed)) throw new CliError(`--seed must be "default" or "large", got "${seed}"`)
  const options: PortalOptions = {
    port: int(values.port ?? env.PORTAL_PORT, '--port'),
    host: values.host,
    appUrl: values['app-url'] ?? (env.APP_URL || undefined),
    seed,
    bigBacklog: int(values['big-backlog'], '--big-backlog'),
    tokenTtlSeconds: int(values['token-ttl'] ?? env.TOKEN_TTL, '--token-ttl'),
    rateLimit: values['no-rate-limit'] ? false : undefined,
    operating: values['no-operating-limit'] ? false : undefined,
    // A real portal is https only; the SDK's webhook client refuses plain http (http/tls.ts).
    https: values.https ?? env.PORTAL_HTTPS === '1',
    serveAppDir: values['serve-app'],
    appPort: int(values['app-port'] ?? env.APP_PORT, '--app-port'),
  }
  if (options.tokenTtlSeconds === 0) throw new CliError('--token-ttl must be at least 1')
  if (options.bigBacklog !== undefined && (options.bigBacklog < 1 || options.bigBacklog > BIG_BACKLOG_MAX)) {
    throw new CliError(`--big-backlog must be from 1 to ${BIG_BACKLOG_MAX}, got ${options.bigBacklog}`)
  }
  return options
}
