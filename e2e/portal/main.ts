/**
 * CLI: `tsx e2e/portal/main.ts [--port 7100] [--host localhost] [--app-url URL] [--seed default|large] [--big-backlog N]
 *   [--token-ttl 3600] [--no-rate-limit] [--no-operating-limit] [--https] [--serve-app DIR [--app-port 7101]]`
 * Environment: PORTAL_PORT, APP_URL, TOKEN_TTL, APP_PORT, PORTAL_HTTPS=1 (flags win); see cli.ts.
 * `--https` serves everything over TLS with a self-signed certificate (http/tls.ts).
 */
import { parseCli } from './cli'
import { bigBacklogName, bigBacklogPath } from './data/big-backlog'
import { startPortal, type PortalOptions } from './server'

function fail(message: string): never {
  console.error(`portal: ${message}`)
  process.exit(2)
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
  if (portal.bigBacklog && options.bigBacklog) {
    const { groupId, backlogId } = portal.bigBacklog
    console.log(`Big backlog: "${bigBacklogName(options.bigBacklog)}", group ${groupId}, backlog ${backlogId}: ${portal.url}${bigBacklogPath(groupId)}`)
  }
  const stop = () => {
    void portal.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  fail((error as Error).message)
})
