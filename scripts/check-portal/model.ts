/** What a run produces: rows of the table, answers to the open questions, what cleanup did. */
import type { Difference } from './compare'
import type { Exchange } from './http'
import { switchMismatch, type QuirkSetting, type QuirkSettings } from './quirks'

export type Verdict = 'same' | 'differs' | 'skipped' | 'error' | 'answer'

export interface Row {
  family: string
  label: string
  /** Cell text for each portal: `200 {id,groupId,…}`, `400 "0" Backlog not found`, `—`. */
  target: string
  reference: string
  verdict: Verdict
  /** Status, text and shape differences between the two answers. */
  differences: Difference[]
  /** Failed documented expectations, per portal. */
  contract: { target: string[]; reference: string[] }
  notes: string[]
  skipReason?: string
  /** An open question's probe: its differences are the answer, not a failure. */
  informational?: boolean
  exchanges?: { target?: Exchange; reference?: Exchange }
}

/** One portal's answer to an open question. */
export interface Detected {
  answer: string
  /** false: the behaviour matched none of the known answers (that is a failure of the run). */
  recognised: boolean
  evidence: string
  /**
   * The dev portal switch value that plays this behaviour; null: no value of the switch plays it;
   * undefined: the question has no switch, or the answer does not tell (e.g. nothing to compare).
   */
  plays?: QuirkSetting | null
}

export interface Answer {
  id: string
  question: string
  target?: Detected
  reference?: Detected
  /** Why it was not asked (read-only run, setup failed…). */
  unanswered?: string
  /** What an in-process dev portal's switch for this question was set to, per side (dev portals only). */
  switches?: { target?: QuirkSettings[keyof QuirkSettings]; reference?: QuirkSettings[keyof QuirkSettings] }
}

export interface CleanupOutcome {
  side: 'target' | 'reference'
  label: string
  ok: boolean
  detail: string
}

export interface RunResult {
  target: string
  reference: string
  write: boolean
  rows: Row[]
  answers: Answer[]
  cleanup: CleanupOutcome[]
  requests: { target: number; reference: number; retries: number }
  durationMs: number
  interrupted: boolean
  /** The switches of the in-process dev portals, as they were during the run. */
  quirks: { target?: QuirkSettings; reference?: QuirkSettings }
}

export function rowFails(row: Row): boolean {
  if (row.verdict === 'error') return true
  if (row.verdict === 'skipped') return false
  if (row.contract.target.length > 0 || row.contract.reference.length > 0) return true
  return !row.informational && row.differences.length > 0
}

/** A behaviour none of the known answers describes, or a dev portal not playing its own switch. */
export function answerFails(answer: Answer): boolean {
  if ([answer.target, answer.reference].some((d) => d !== undefined && !d.recognised)) return true
  return switchMismatch(answer, 'target') !== undefined || switchMismatch(answer, 'reference') !== undefined
}

/** Exit 0 only when every check ran or was skipped with a reason, and nothing failed. */
export function runPassed(result: RunResult): boolean {
  if (result.interrupted) return false
  if (result.rows.some(rowFails)) return false
  if (result.rows.some((r) => r.verdict === 'skipped' && !r.skipReason)) return false
  if (result.answers.some(answerFails)) return false
  return result.cleanup.every((c) => c.ok)
}
