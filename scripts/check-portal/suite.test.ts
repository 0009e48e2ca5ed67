/**
 * The whole suite against in-process dev portals, as `npm run check:portal` runs it without
 * B24_WEBHOOK: the dev portal checked against itself must pass.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { READ_CHECKS, WRITE_CHECKS } from './checks'
import { startPortal } from '../../e2e/portal/server'
import { runCli, type CliOverrides } from './cli'
import { startDevPortal, type DevPortal } from './devPortal'
import { runPassed } from './model'
import { QUESTIONS } from './questions'
import { runSuite } from './run'

async function cli(argv: string[], overrides: CliOverrides = {}, env: Record<string, string> = {}) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, env, { out: (l) => out.push(l), err: (l) => err.push(l), signal: new AbortController().signal }, overrides)
  return { code, out, err, text: out.join('\n') }
}

describe('check:portal against the dev portal', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'check-portal-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('passes: every read and write check, the open questions answered, nothing left behind', async () => {
    const json = join(dir, 'report.json')
    const run = await cli(['--json', json])
    const failing = run.out.filter((l) => l.startsWith('✗') || l.includes('LEFT BEHIND') || l.includes('UNEXPECTED') || l.includes('DEV PORTAL BUG'))
    expect(failing, run.text).toEqual([])
    expect(run.code, run.text).toBe(0)
    expect(run.text).toMatch(/^check\s+\| target\s+\| reference \(dev portal\)\s+\| verdict$/m)
    expect(run.out.at(-2)).toMatch(/ 0 differ, 0 fail documented expectations, 0 skipped, 0 errors, 5\/5 open questions answered; .* — PASS$/)
    expect(run.text).toContain('Set these in the dev portal to play this portal: POST /control/quirks {')
    // The webhook secrets of both dev portals never reach the output or the report.
    expect(run.text).not.toMatch(/checkportal[0-9a-f]{16}/)
    const report = await readFile(json, 'utf8')
    expect(report).not.toMatch(/checkportal[0-9a-f]{16}/)
    const parsed = JSON.parse(report) as { rows: unknown[]; answers: Array<{ id: string }>; cleanup: unknown[]; scopes: string[] }
    expect(parsed.rows.length).toBeGreaterThan(60)
    expect(parsed.answers.map((a) => a.id)).toEqual(['epicZero', 'scrumFilterRead', 'scrumFilterWrite', 'autoAdd', 'createBacklog'])
    expect(parsed.scopes).toEqual(['task', 'sonet_group', 'user_brief', 'placement'])
  })

  it('read-only (a real portal without B24_WRITE=1): the write rows are skipped with the reason, the write questions not asked', async () => {
    const portals: DevPortal[] = [await startDevPortal(), await startDevPortal()]
    try {
      const pace = { burst: 1000, perSecond: 1000 }
      const result = await runSuite({
        target: { label: 'target', webhookUrl: portals[0]!.webhookUrl, pacer: pace },
        reference: { label: 'reference', webhookUrl: portals[1]!.webhookUrl, pacer: pace },
        write: false,
        readOnlyReason: 'read-only',
        tag: 'check-portal-test',
        signal: new AbortController().signal,
        checks: { read: READ_CHECKS, write: WRITE_CHECKS },
      })
      expect(result.rows.filter((r) => r.verdict === 'skipped').map((r) => r.skipReason)).toEqual(WRITE_CHECKS.map(() => 'read-only'))
      expect(result.answers.map((a) => [a.question, a.unanswered])).toEqual([
        [QUESTIONS.epicZero, 'not asked (needs B24_WRITE=1)'],
        [QUESTIONS.scrumFilterRead, undefined],
        [QUESTIONS.scrumFilterWrite, 'not asked (needs B24_WRITE=1)'],
        [QUESTIONS.autoAdd, 'not asked (needs B24_WRITE=1)'],
        [QUESTIONS.createBacklog, 'not asked (needs B24_WRITE=1)'],
      ])
      expect(result.cleanup).toEqual([])
      expect(runPassed(result)).toBe(true)
    } finally {
      await Promise.all(portals.map((p) => p.close()))
    }
  })

  it('against a portal given by B24_WEBHOOK (a dev portal over https): masked, read-only unless B24_WRITE=1', async () => {
    const portal = await startPortal({ port: 0, https: true, rateLimit: false })
    const secret = 'b24realportalsecret7'
    portal.state.auth.addWebhook(1, secret, ['task', 'sonet_group', 'user_brief', 'placement'])
    // The dev portal's certificate is self-signed; a real portal's is not.
    const before = process.env.NODE_TLS_REJECT_UNAUTHORIZED
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'
    try {
      const env = { B24_WEBHOOK: `${portal.url}/rest/1/${secret}/` }
      const fast = { realPace: { burst: 1000, perSecond: 1000 } }
      const readOnly = await cli([], fast, env)
      expect(readOnly.code, readOnly.text).toBe(0)
      expect(readOnly.out[0]).toBe(`check:portal — target: ${portal.url}/rest/1/****/; dev portal: in-process dev portal ${readOnly.out[0]!.split('dev portal: in-process dev portal ')[1]!.split(';')[0]}; writes: off`)
      expect(readOnly.text).toContain('1. Does tasks.api.scrum.task.update with fields.epicId 0 detach the epic?\n    not asked (needs B24_WRITE=1)')
      expect(readOnly.text).toMatch(/sonet_group\.create +\| — +\| — +\| skipped: not run: read-only/)
      expect(readOnly.text).toContain('POST /control/quirks {"scrumMasterFilter":"applied"}')
      // Progress goes to stderr, so a long run against a real portal shows where it is.
      expect(readOnly.err).toContain('… discovery')

      const writes = await cli([], fast, { ...env, B24_WRITE: '1' })
      expect(writes.code, writes.text).toBe(0)
      expect(writes.text).toMatch(/ 5\/5 open questions answered; .* — PASS$/)
      for (const run of [readOnly, writes]) expect(`${run.text}${run.err.join('\n')}`).not.toContain(secret)
      // Nothing the run created is left on the target.
      expect(portal.store.groupList().filter((g) => g.name.startsWith('check-portal-'))).toEqual([])
    } finally {
      if (before === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED
      else process.env.NODE_TLS_REJECT_UNAUTHORIZED = before
      await portal.close()
    }
  })

  it('refuses a B24_WEBHOOK that is not https, without quoting it', async () => {
    const run = await cli([], {}, { B24_WEBHOOK: 'http://acme.bitrix24.com/rest/1/plainhttpsecret/' })
    expect(run.code).toBe(2)
    expect(run.err.join('\n')).toMatch(/^B24_WEBHOOK must use https/)
    expect(run.err.join('\n')).not.toContain('plainhttpsecret')
  })

  it('a target that answers every open question the other way: the probes show it, the advice names the switches', async () => {
    const flipped = { epicZeroDetaches: false, scrumMasterFilter: 'ignored', taskUpdateAutoAdd: true } as const
    const run = await cli([], { targetQuirks: flipped })
    expect(run.text).toContain(`Set these in the dev portal to play this portal: POST /control/quirks ${JSON.stringify(flipped)}`)
    expect(run.text).toContain('target switches: epicZeroDetaches=false, scrumMasterFilter="ignored", taskUpdateAutoAdd=true')
    expect(run.out.filter((l) => l.includes('DEV PORTAL BUG') || l.includes('UNEXPECTED')), run.text).toEqual([])
    expect(run.code, run.text).toBe(0)
  })
})
