/** Command line and environment: where the target is, whether writes are allowed, where the JSON goes. */
import { webhookParts } from './mask'

export interface Options {
  /** A real portal's incoming webhook, ending in `/`; undefined = an in-process dev portal is the target. */
  webhook?: string
  /** Writes on the target: always on a dev portal, on a real portal only with B24_WRITE=1. */
  write: boolean
  json?: string
}

export class UsageError extends Error {}

export const USAGE = `Usage: npm run check:portal [-- --json <file>]
  B24_WEBHOOK=https://<portal>/rest/<user>/<secret>/   the portal to check (default: an in-process dev portal)
  B24_WRITE=1                                           also create, change and delete test data on that portal`

/**
 * Why a B24_WEBHOOK value is not an incoming webhook URL, or undefined when it is one. The messages
 * never quote the value: it holds the secret.
 */
export function webhookProblem(raw: string): string | undefined {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return 'is not a URL'
  }
  if (url.protocol !== 'https:') return `must use https (got ${url.protocol.replace(':', '')}): the secret would travel in clear text`
  if (url.username || url.password) return 'must not carry a user name or password'
  if (url.search || url.hash) return 'must not have a query or a fragment'
  if (!/^\/rest\/[1-9]\d*\/[A-Za-z0-9_-]+\/?$/.test(url.pathname)) return 'must have the path /rest/<user id>/<secret>/'
  if (!webhookParts(raw)) return 'must have the path /rest/<user id>/<secret>/'
  if (webhookParts(raw)!.secret.length < 4) return 'has a secret too short to be real'
  return undefined
}

export function parseOptions(argv: readonly string[], env: Record<string, string | undefined>): Options {
  let json: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--json') {
      json = argv[++i]
      if (!json || json.startsWith('--')) throw new UsageError(`--json needs a file name\n${USAGE}`)
    } else if (arg.startsWith('--json=')) {
      json = arg.slice('--json='.length)
      if (!json) throw new UsageError(`--json needs a file name\n${USAGE}`)
    } else if (arg === '--help' || arg === '-h') {
      throw new UsageError(USAGE)
    } else {
      throw new UsageError(`Unknown argument ${arg}\n${USAGE}`)
    }
  }
  const writeFlag = env.B24_WRITE?.trim()
  if (writeFlag && writeFlag !== '1' && writeFlag !== '0') throw new UsageError(`B24_WRITE must be 1 (write) or 0 (read only)\n${USAGE}`)
  const raw = env.B24_WEBHOOK?.trim()
  if (raw) {
    const problem = webhookProblem(raw)
    if (problem) throw new UsageError(`B24_WEBHOOK ${problem}: expected https://<portal>/rest/<user id>/<secret>/\n${USAGE}`)
    const webhook = raw.endsWith('/') ? raw : `${raw}/`
    return { webhook, write: writeFlag === '1', json }
  }
  // The dev portal is disposable: the writes always run there.
  return { write: true, json }
}
