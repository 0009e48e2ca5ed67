/**
 * The report: one table row per request pair (check | target | dev portal | verdict), then the
 * details of every row that did not pass, the open questions' answers, what cleanup did, and one
 * summary line. Plain text, so it reads the same in a terminal and in a CI log.
 */
import { answerFails, rowFails, runPassed, type Answer, type Row, type RunResult } from './model'
import { adviseQuirks, QUESTION_QUIRK, QUIRK_KEYS, switchMismatch, type QuirkAdvice, type QuirkSettings } from './quirks'

const WIDTH = { check: 62, side: 34 }

export function fit(text: string, width: number): string {
  const one = text.replace(/\s+/g, ' ')
  return one.length > width ? `${one.slice(0, width - 1)}…` : one.padEnd(width)
}

/** Every issue of a row, each one line. */
export function issues(row: Row): string[] {
  const out: string[] = []
  for (const c of row.contract.target) out.push(`doc (target): ${c}`)
  for (const c of row.contract.reference) out.push(`doc (dev portal): ${c}`)
  for (const d of row.differences) out.push(`${d.path}: target ${d.target} vs dev portal ${d.reference}`)
  return out
}

export function verdictOf(row: Row): string {
  if (row.verdict === 'skipped') return `skipped: ${row.skipReason ?? '(no reason given)'}`
  if (row.verdict === 'error') return 'ERROR: the check threw (see details)'
  const all = issues(row)
  if (row.informational) {
    const contract = all.filter((i) => i.startsWith('doc'))
    if (contract.length) return `FAIL ${contract[0]}${contract.length > 1 ? ` (+${contract.length - 1} more)` : ''}`
    return row.differences.length ? `probe, answers differ (${row.differences[0]!.path})` : 'probe, same shape'
  }
  if (all.length === 0) return 'same'
  return `${all[0]}${all.length > 1 ? ` (+${all.length - 1} more)` : ''}`
}

function table(rows: readonly Row[]): string[] {
  const line = (a: string, b: string, c: string, d: string) => `${fit(a, WIDTH.check)} | ${fit(b, WIDTH.side)} | ${fit(c, WIDTH.side)} | ${d}`
  const out = [line('check', 'target', 'reference (dev portal)', 'verdict'), `${'-'.repeat(WIDTH.check)}-+-${'-'.repeat(WIDTH.side)}-+-${'-'.repeat(WIDTH.side)}-+-${'-'.repeat(40)}`]
  let family = ''
  for (const row of rows) {
    if (row.family !== family) {
      family = row.family
      out.push(`[${family}]`)
    }
    out.push(line(`  ${row.label}`, row.target, row.reference, verdictOf(row)))
  }
  return out
}

function details(rows: readonly Row[]): string[] {
  const out: string[] = []
  for (const row of rows) {
    const failing = rowFails(row)
    const probeDiff = row.informational && row.differences.length > 0
    if (!failing && !probeDiff && row.notes.length === 0) continue
    out.push(`${failing ? '✗' : '·'} [${row.family}] ${row.label}`)
    for (const issue of issues(row)) out.push(`    ${issue}`)
    for (const note of row.notes) out.push(`    note: ${note}`)
  }
  return out
}

function answers(list: readonly Answer[]): string[] {
  const out: string[] = []
  for (const a of list) {
    out.push(a.question)
    if (a.unanswered) {
      out.push(`    ${a.unanswered}`)
      continue
    }
    for (const [side, who, d] of [['target', 'target', a.target], ['reference', 'dev portal', a.reference]] as const) {
      if (!d) continue
      const configured = a.switches?.[side]
      const switchNote = configured === undefined ? '' : ` [its switch ${QUESTION_QUIRK[a.id]}=${JSON.stringify(configured)}]`
      out.push(`    ${who.padEnd(10)}  ${d.recognised ? '' : 'UNEXPECTED: '}${d.answer}${switchNote}`)
      out.push(`    ${''.padEnd(10)}  ${d.evidence}`)
      const mismatch = switchMismatch(a, side)
      if (mismatch) out.push(`    ${''.padEnd(10)}  DEV PORTAL BUG: ${mismatch}`)
    }
  }
  return out
}

export const showQuirks = (q: QuirkSettings) => QUIRK_KEYS.map((k) => `${k}=${JSON.stringify(q[k])}`).join(', ')

/**
 * "Set these in the dev portal to play this portal": the switch values the target's answers call
 * for, as the body of `POST /control/quirks`, and per switch why (or why it is not known).
 */
export function quirkAdvice(advice: readonly QuirkAdvice[], devPortal?: QuirkSettings): string[] {
  const known = advice.filter((a) => a.status === 'set')
  const body = JSON.stringify(Object.fromEntries(known.map((a) => [a.key, a.value])))
  const out = [`Set these in the dev portal to play this portal: POST /control/quirks ${known.length ? body : '(nothing known yet)'}`]
  const width = Math.max(...QUIRK_KEYS.map((k) => k.length))
  for (const a of advice) {
    const value = a.status === 'set' ? JSON.stringify(a.value) : a.status
    const now = devPortal && a.status === 'set' ? (devPortal[a.key] === a.value ? ' (as the dev portal plays it now)' : ` (the dev portal plays ${JSON.stringify(devPortal[a.key])} now)`) : ''
    out.push(`    ${a.key.padEnd(width)}  ${value.padEnd(10)}  ${a.why}${now}`)
  }
  return out
}

export function summaryLine(result: RunResult): string {
  const rows = result.rows
  const count = (p: (r: Row) => boolean) => rows.filter(p).length
  const checked = rows.filter((r) => r.verdict !== 'skipped' && r.verdict !== 'error' && !r.informational)
  const parts = [
    `${rows.length} rows`,
    `${checked.filter((r) => !rowFails(r)).length} same`,
    `${count((r) => !r.informational && r.differences.length > 0)} differ`,
    `${count((r) => r.contract.target.length + r.contract.reference.length > 0)} fail documented expectations`,
    `${count((r) => r.verdict === 'skipped')} skipped`,
    `${count((r) => r.verdict === 'error')} errors`,
    `${result.answers.filter((a) => !a.unanswered).length}/${result.answers.length} open questions answered${result.answers.some(answerFails) ? ' (some UNEXPECTED)' : ''}`,
  ]
  const leftovers = result.cleanup.filter((c) => !c.ok).length
  if (leftovers) parts.push(`${leftovers} left behind`)
  const requests = `${result.requests.target}+${result.requests.reference} requests (${result.requests.retries} retried)`
  const verdict = runPassed(result) ? 'PASS' : result.interrupted ? 'INTERRUPTED' : 'FAIL'
  return `Summary: ${parts.join(', ')}; ${requests} in ${(result.durationMs / 1000).toFixed(1)} s — ${verdict}`
}

export function formatReport(result: RunResult, header: readonly string[] = []): string[] {
  const out = [`check:portal — target: ${result.target}; dev portal: ${result.reference}; writes: ${result.write ? 'on' : 'off'}`, ...header, '']
  out.push(...table(result.rows), '')
  const more = details(result.rows)
  if (more.length) out.push('Details', ...more, '')
  out.push('Open questions (the app must not depend on these until a real portal has answered)', ...answers(result.answers), '')
  out.push(...quirkAdvice(adviseQuirks(result.answers), result.quirks.reference), '')
  if (result.cleanup.length) {
    out.push('Cleanup (what the checks did not remove themselves)')
    for (const c of result.cleanup) out.push(`    ${c.ok ? 'removed' : 'LEFT BEHIND'}  ${c.side === 'target' ? 'target' : 'dev portal'}: ${c.label} — ${c.detail}`)
    out.push('')
  }
  out.push(summaryLine(result))
  return out
}
