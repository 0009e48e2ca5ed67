/**
 * `npm run check:portal`: the REST contract the app relies on, checked on a portal (B24_WEBHOOK, or an
 * in-process dev portal) against the dev portal, request by request. See README "Checking a real portal".
 * Exit code 0 only when nothing differs, no documented expectation fails and nothing was left behind.
 */
import { runCli } from './cli'
import { Masker } from './mask'

const controller = new AbortController()
let stops = 0
const stop = () => {
  stops += 1
  if (stops > 1) {
    process.stderr.write('Stopped again: exiting without cleanup. Remove the groups named check-portal-… by hand.\n')
    process.exit(130)
  }
  process.stderr.write('Interrupted: finishing the requests in flight, then removing what the run created… (again to quit at once)\n')
  controller.abort()
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)

runCli(process.argv.slice(2), process.env, {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  signal: controller.signal,
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Whatever threw may quote a webhook URL: mask every /rest/<user>/<secret>/ path.
    process.stderr.write(`${new Masker().mask(`check:portal failed: ${(error as Error).stack ?? String(error)}`)}\n`)
    process.exit(1)
  },
)
