/**
 * One run of the suite: discovery on both portals, the read checks, the write flow (or its skip
 * rows), and — whatever happened, an interrupt included — the cleanup of what is still registered.
 */
import { READ_CHECKS, WRITE_CHECKS } from './checks'
import { Cleanup } from './cleanup'
import { CheckContext, runChecks, type Check, type RunInfo, type Side, type SideName } from './context'
import { discover, findMe } from './discovery'
import { Aborted, RestClient } from './http'
import { Pacer, type PacerSettings } from './backoff'
import type { Answer, CleanupOutcome, Row, RunResult } from './model'
import { QUESTIONS } from './questions'
import { QUESTION_QUIRK, type QuirkSettings } from './quirks'

export interface PortalSpec {
  /** How the report names it (masked URL or "in-process dev portal"). */
  label: string
  webhookUrl: string
  pacer: PacerSettings
}

export interface SuiteOptions {
  target: PortalSpec
  reference: PortalSpec
  write: boolean
  /** Shown on the skipped write rows when `write` is off. */
  readOnlyReason: string
  tag: string
  signal: AbortSignal
  checks?: { read: readonly Check[]; write: readonly Check[] }
  /** Progress lines (one per check family), for a long run against a real portal. */
  progress?: (line: string) => void
  /** The switches of the portals that are in-process dev portals (read before the run). */
  quirks?: { target?: QuirkSettings; reference?: QuirkSettings }
}

function makeSide(name: SideName, spec: PortalSpec, signal: AbortSignal): Side {
  const rest = new RestClient({ webhookUrl: spec.webhookUrl, pacer: new Pacer(spec.pacer), signal })
  return {
    name,
    rest,
    cleanup: new Cleanup(),
    me: 0,
    read: null,
    w: {},
    call: (method, params = {}, opts = {}) => rest.call(method, params, opts),
  }
}

function describeFixture(side: Side): string {
  const r = side.read
  if (!r) return `no data to read (${side.readMissing ?? 'discovery failed'})`
  return `user ${side.me}; scrum ${r.groupId} "${r.groupName}" (backlog ${r.backlogId}, ${r.taskTotal} tasks, ${r.itemTaskId ? `task ${r.itemTaskId} with a scrum item` : 'no scrum item'}, ${r.epicId ? `epic ${r.epicId}` : 'no epic'}, ${r.sprintIds.length} sprints)`
}

const ALL_QUESTIONS: Array<[string, string]> = [
  ['epicZero', QUESTIONS.epicZero],
  ['scrumFilterRead', QUESTIONS.scrumFilterRead],
  ['scrumFilterWrite', QUESTIONS.scrumFilterWrite],
  ['autoAdd', QUESTIONS.autoAdd],
  ['createBacklog', QUESTIONS.createBacklog],
]

export async function runSuite(opts: SuiteOptions): Promise<RunResult & { discovery: Record<SideName, string> }> {
  const started = Date.now()
  const target = makeSide('target', opts.target, opts.signal)
  const reference = makeSide('reference', opts.reference, opts.signal)
  const rows: Row[] = []
  const answers: Answer[] = []
  const cleanup: CleanupOutcome[] = []
  const info: RunInfo = { write: opts.write, tag: opts.tag }
  const checks = opts.checks ?? { read: READ_CHECKS, write: WRITE_CHECKS }
  let interrupted = false
  const make = (family: string) => {
    if (rows.at(-1)?.family !== family) opts.progress?.(`… ${family}`)
    return new CheckContext(info, target, reference, family, rows, answers)
  }

  try {
    opts.progress?.('… discovery')
    await Promise.all(
      [target, reference].map(async (side) => {
        side.me = await findMe(side)
        const found = await discover(side)
        side.read = found.fixture
        side.readMissing = found.reason
      }),
    )
    await runChecks(checks.read, make, rows)
    await runChecks(checks.write, make, rows, opts.write ? undefined : opts.readOnlyReason)
  } catch (error) {
    if (!(error instanceof Aborted)) throw error
    interrupted = true
  } finally {
    // The reference is thrown away, but cleaning it too keeps both portals in step and proves the deletes.
    for (const side of [target, reference]) {
      for (const outcome of await side.cleanup.removeAll()) cleanup.push({ side: side.name, ...outcome })
    }
  }

  for (const [id, question] of ALL_QUESTIONS) {
    if (answers.some((a) => a.id === id)) continue
    const write = id !== 'scrumFilterRead'
    const unanswered = interrupted
      ? 'not asked (the run was interrupted before it)'
      : write && !opts.write
        ? 'not asked (needs B24_WRITE=1)'
        : 'not asked (the steps it needs did not run: see the skipped rows)'
    answers.push({ id, question, unanswered })
  }
  answers.sort((a, b) => ALL_QUESTIONS.findIndex(([id]) => id === a.id) - ALL_QUESTIONS.findIndex(([id]) => id === b.id))
  const quirks = opts.quirks ?? {}
  for (const answer of answers) {
    const key = QUESTION_QUIRK[answer.id]
    if (!key || (!quirks.target && !quirks.reference)) continue
    answer.switches = { target: quirks.target?.[key], reference: quirks.reference?.[key] }
  }

  return {
    target: opts.target.label,
    reference: opts.reference.label,
    write: opts.write,
    rows,
    answers,
    cleanup,
    requests: { target: target.rest.requests, reference: reference.rest.requests, retries: target.rest.retries + reference.rest.retries },
    durationMs: Date.now() - started,
    interrupted,
    quirks,
    discovery: { target: describeFixture(target), reference: describeFixture(reference) },
  }
}
