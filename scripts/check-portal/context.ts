/**
 * What a check works with: the two portals ("sides"), each with its own data found at discovery
 * and its own state of the write flow, and `both()`, which sends a request to both, asserts the
 * documented contract on each answer and compares the two answers. Every `both()` is one row of
 * the report.
 */
import type { Cleanup } from './cleanup'
import { compareExchanges, summarize, type PairOptions } from './compare'
import { Expect } from './contract'
import { Aborted, type Exchange, type RestClient } from './http'
import type { Answer, Detected, Row } from './model'

export type SideName = 'target' | 'reference'

/** A scrum group of the portal with what the read checks need, found at discovery. */
export interface ReadFixture {
  groupId: number
  groupName: string
  scrumMasterId: number
  backlogId: number
  /** Ids of the first page of the group's tasks (ID ascending) and how many there are. */
  taskIds: number[]
  taskTotal: number
  /** A task of the group that has a scrum item. */
  itemTaskId?: number
  epicId?: number
  sprintId?: number
  sprintIds: number[]
}

/** Ids created by the write flow on one portal. */
export interface WriteState {
  groupId?: number
  plainGroupId?: number
  backlogId?: number
  /** Created while the scrum had no backlog, so it has no scrum item (open question 3). */
  orphanTaskId?: number
  taskId?: number
  epicId?: number
  sprintId?: number
  sprint2Id?: number
}

export interface Side {
  name: SideName
  rest: RestClient
  cleanup: Cleanup
  /** The webhook user (from user.current); 0 until discovery found it. */
  me: number
  read: ReadFixture | null
  /** Why `read` is null. */
  readMissing?: string
  w: WriteState
  call(method: string, params?: Record<string, unknown>, opts?: { ignoreAbort?: boolean }): Promise<Exchange>
}

export interface RunInfo {
  write: boolean
  /** A tag in the names of everything the run creates, so leftovers can be recognised. */
  tag: string
}

export interface Pair {
  target: Exchange
  reference: Exchange
}

export interface StepSpec {
  request(side: Side): Promise<Exchange>
  /** Documented expectations, asserted on each portal's answer. */
  contract?(expect: Expect, ex: Exchange, side: Side): void
  compare?: PairOptions
  /**
   * Called with each portal's answer as soon as it arrives, before anything else can throw: this
   * is where a write registers what it created for cleanup, so nothing is lost on an interrupt.
   */
  created?(ex: Exchange, side: Side): void
  /** An open question's probe: report differences, do not fail on them. */
  informational?: boolean
  notes?: string[]
}

/** Thrown to end a check with a skipped row. */
export class Skip extends Error {
  constructor(
    readonly label: string,
    readonly reason: string,
  ) {
    super(reason)
  }
}

export class CheckContext {
  constructor(
    readonly run: RunInfo,
    readonly target: Side,
    readonly reference: Side,
    readonly family: string,
    private readonly rows: Row[],
    private readonly answers: Answer[],
  ) {}

  get sides(): [Side, Side] {
    return [this.target, this.reference]
  }

  /** One request on both portals, checked and compared: one row of the report. */
  async both(label: string, spec: StepSpec): Promise<Pair> {
    const one = async (side: Side) => {
      const ex = await spec.request(side)
      spec.created?.(ex, side)
      return ex
    }
    // Both settle before anything is rethrown: an answer that created something is never dropped.
    const settled = await Promise.allSettled([one(this.target), one(this.reference)])
    const failed = settled.find((s) => s.status === 'rejected')
    if (failed) throw failed.reason
    const [target, reference] = settled.map((s) => (s as PromiseFulfilledResult<Exchange>).value) as [Exchange, Exchange]
    const contract = { target: [] as string[], reference: [] as string[] }
    if (spec.contract) {
      for (const [side, ex] of [[this.target, target], [this.reference, reference]] as const) {
        const expect = new Expect()
        try {
          spec.contract(expect, ex, side)
        } catch (error) {
          expect.fail(`contract check threw: ${(error as Error).message}`)
        }
        contract[side.name] = [...new Set(expect.failures)]
      }
    }
    const differences = compareExchanges(target, reference, spec.compare)
    this.rows.push({
      family: this.family,
      label,
      target: summarize(target),
      reference: summarize(reference),
      verdict: spec.informational ? 'answer' : differences.length ? 'differs' : 'same',
      differences,
      contract,
      notes: [...(spec.notes ?? [])],
      informational: spec.informational,
      exchanges: { target, reference },
    })
    return { target, reference }
  }

  /** Add a note to the last row (e.g. what a value turned out to be). */
  note(text: string): void {
    this.rows.at(-1)?.notes.push(text)
  }

  skip(label: string, reason: string): void {
    this.rows.push({ family: this.family, label, target: '—', reference: '—', verdict: 'skipped', differences: [], contract: { target: [], reference: [] }, notes: [], skipReason: reason })
  }

  /**
   * Values a step needs from both portals (ids found or created earlier). A missing one ends the
   * check with a skipped row that says which portal lacks what.
   */
  need<T>(label: string, what: string, pick: (side: Side) => T | undefined | null): { target: T; reference: T } {
    const t = pick(this.target)
    const r = pick(this.reference)
    const missing = [t == null ? 'target' : '', r == null ? 'dev portal' : ''].filter(Boolean)
    if (missing.length) throw new Skip(label, `needs ${what}, which the ${missing.join(' and the ')} does not have`)
    return { target: t as T, reference: r as T }
  }

  answer(id: string, question: string, detected: { target?: Detected; reference?: Detected; unanswered?: string }): void {
    const existing = this.answers.find((a) => a.id === id)
    const entry: Answer = { id, question, ...detected }
    if (existing) Object.assign(existing, entry)
    else this.answers.push(entry)
  }
}

export interface Check {
  family: string
  /** The row label used when the whole check is skipped or throws. */
  name: string
  /** Creates or changes data: runs on a real portal only with B24_WRITE=1. */
  write?: boolean
  run(ctx: CheckContext): Promise<void>
}

/** Run checks in order. A check that throws gets an error row; an interrupt stops the run. */
export async function runChecks(checks: readonly Check[], make: (family: string) => CheckContext, rows: Row[], readOnlyReason?: string): Promise<void> {
  for (const check of checks) {
    const ctx = make(check.family)
    if (check.write && readOnlyReason) {
      ctx.skip(check.name, readOnlyReason)
      continue
    }
    try {
      await check.run(ctx)
    } catch (error) {
      if (error instanceof Aborted) throw error
      if (error instanceof Skip) {
        ctx.skip(error.label, error.reason)
        continue
      }
      rows.push({
        family: check.family,
        label: check.name,
        target: '—',
        reference: '—',
        verdict: 'error',
        differences: [],
        contract: { target: [], reference: [] },
        notes: [`the check threw: ${(error as Error).stack ?? String(error)}`],
      })
    }
  }
}
