/**
 * CLI: `tsx e2e/portal/main.ts [--port 7100] [--host localhost] [--app-url URL] [--seed default|large]
 *   [--token-ttl 3600] [--no-rate-limit] [--serve-app DIR [--app-port 7101]]`
 * Environment: PORTAL_PORT, APP_URL, TOKEN_TTL, APP_PORT (flags win).
 */
import { parseArgs } from 'node:util'
import { isSeedName } from './data/seeds'
import { startPortal, type PortalOptions } from './server'

function fail(message: string): never {
  console.error(`portal: ${message}`)
  process.exit(2)
}

function int(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) fail(`${name} must be a non-negative integer, got "${value}"`)
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
      'token-ttl': { type: 'string' },
      'no-rate-limit': { type: 'boolean' },
      'serve-app': { type: 'string' },
      'app-port': { type: 'string' },
    },
    strict: true,
  })
  const seed = values.seed ?? 'default'
  if (!isSeedName(seed)) fail(`--seed must be "default" or "large", got "${seed}"`)
  const options: PortalOptions = {
    port: int(values.port ?? env.PORTAL_PORT, '--port'),
    host: values.host,
    appUrl: values['app-url'] ?? (env.APP_URL || undefined),
    seed,
    tokenTtlSeconds: int(values['token-ttl'] ?? env.TOKEN_TTL, '--token-ttl'),
    rateLimit: values['no-rate-limit'] ? false : undefined,
    serveAppDir: values['serve-app'],
    appPort: int(values['app-port'] ?? env.APP_PORT, '--app-port'),
  }
  if (options.tokenTtlSeconds === 0) fail('--token-ttl must be at least 1')
  return options
}

async function main(): Promise<void> {
  let options: PortalOptions
  try {
    options = parseCli(process.argv.slice(2), process.env)
  } catch (error) {
    fail((error as Error).message)
  }
  const portal = await startPortal(options)
  console.log(`Portal:  ${portal.url}/`)
  console.log(`Webhook: ${portal.webhookUrl}`)
  if (options.serveAppDir) console.log(`App:     ${portal.appUrl}`)
  const stop = () => {
    void portal.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  fail((error as Error).message)
})
