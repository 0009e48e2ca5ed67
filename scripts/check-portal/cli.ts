/**
 * One `npm run check:portal`, without the process around it (signals, exit): parse the options,
 * start the dev portal(s), run the suite, print the report, write the JSON. Everything printed or
 * written goes through the masker. Returns the exit code.
 */
import { randomBytes } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { parseOptions, UsageError } from './args'
import type { PacerSettings } from './backoff'
import type { Check } from './context'
import { startDevPortal, WEBHOOK_SCOPES, type DevPortal } from './devPortal'
import { Masker, webhookParts } from './mask'
import { runPassed } from './model'
import type { QuirkSettings } from './quirks'
import { formatReport, showQuirks } from './report'
import { runSuite, type PortalSpec } from './run'

export interface CliIo {
  out(line: string): void
  err(line: string): void
  /** Aborted on Ctrl-C: the run stops sending requests and cleans up. */
  signal: AbortSignal
}

export interface CliOverrides {
  /** Tests: switches for an in-process target, other checks, another pace. */
  targetQuirks?: Partial<QuirkSettings>
  checks?: { read: readonly Check[]; write: readonly Check[] }
  /** The client-side pace for a B24_WEBHOOK target (tests point it at a dev portal without limits). */
  realPace?: PacerSettings
}

/** The documented limits of non-Enterprise plans (burst 50, 2/s); on a real portal leave room for other apps' requests. */
const REAL_PACE = { burst: 40, perSecond: 2 }
/** The in-process dev portals run without their leaky bucket (devPortal.ts). */
const DEV_PACE = { burst: 1000, perSecond: 1000 }

export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const

function runTag(): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)
  return `check-portal-${stamp}-${randomBytes(2).toString('hex')}`
}

/** The target's scopes (the `scope` method), so the dev portal's webhook gets the same; the documented set if it cannot say. */
async function targetScopes(webhook: string): Promise<string[]> {
  try {
    const response = await fetch(`${webhook}scope`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}', signal: AbortSignal.timeout(30_000) })
    const body = (await response.json()) as { result?: unknown }
    if (Array.isArray(body.result) && body.result.length > 0 && body.result.every((s) => typeof s === 'string')) return body.result as string[]
  } catch {
    // fall through
  }
  return WEBHOOK_SCOPES
}

export async function runCli(argv: readonly string[], env: Record<string, string | undefined>, io: CliIo, overrides: CliOverrides = {}): Promise<number> {
  const masker = new Masker()
  const print = (line: string) => io.out(masker.mask(line))
  const printErr = (line: string) => io.err(masker.mask(line))

  let options
  try {
    options = parseOptions(argv, env)
  } catch (error) {
    if (error instanceof UsageError) {
      printErr(error.message)
      return EXIT.usage
    }
    throw error
  }
  const hook = options.webhook ? webhookParts(options.webhook) : undefined
  if (hook) masker.add(hook.secret)

  const portals: DevPortal[] = []
  try {
    const scopes = options.webhook ? await targetScopes(options.webhook) : WEBHOOK_SCOPES
    const reference = await startDevPortal({ scopes })
    portals.push(reference)
    masker.add(webhookParts(reference.webhookUrl)!.secret)
    let target: PortalSpec
    let devTarget: DevPortal | undefined
    if (options.webhook) {
      target = { label: masker.mask(options.webhook), webhookUrl: options.webhook, pacer: overrides.realPace ?? REAL_PACE }
    } else {
      devTarget = await startDevPortal({ scopes, quirks: overrides.targetQuirks })
      portals.push(devTarget)
      masker.add(webhookParts(devTarget.webhookUrl)!.secret)
      target = { label: `in-process dev portal ${devTarget.portal.url}`, webhookUrl: devTarget.webhookUrl, pacer: DEV_PACE }
    }
    const quirks = { target: devTarget?.quirks(), reference: reference.quirks() }

    const result = await runSuite({
      target,
      reference: { label: `in-process dev portal ${reference.portal.url}`, webhookUrl: reference.webhookUrl, pacer: DEV_PACE },
      write: options.write,
      readOnlyReason: 'not run: read-only against a real portal (B24_WRITE=1 creates and deletes test data)',
      tag: runTag(),
      signal: io.signal,
      progress: options.webhook ? printErr : undefined,
      quirks,
      checks: overrides.checks,
    })
    const switches = (q: QuirkSettings | undefined) => (q ? showQuirks(q) : 'none (this dev portal has no quirk switches)')
    const header = [
      `scopes: ${scopes.join(', ')}`,
      `target data: ${result.discovery.target}`,
      `dev portal data: ${result.discovery.reference}`,
      ...(devTarget ? [`target switches: ${switches(quirks.target)}`] : []),
      `dev portal switches: ${switches(quirks.reference)}`,
    ]
    for (const line of formatReport(result, header)) print(line)
    if (options.json) {
      await writeFile(options.json, `${masker.mask(JSON.stringify({ ...result, scopes }, null, 2))}\n`)
      print(`Full results: ${options.json}`)
    }
    return runPassed(result) ? EXIT.ok : result.interrupted ? EXIT.interrupted : EXIT.failed
  } catch (error) {
    // Printed here, where the masker knows the secret (a network error may quote the URL).
    printErr(`check:portal failed: ${(error as Error).stack ?? String(error)}`)
    return EXIT.failed
  } finally {
    await Promise.all(portals.map((p) => p.close()))
  }
}
