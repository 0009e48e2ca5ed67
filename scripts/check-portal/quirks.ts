/**
 * The dev portal's quirk switches (`e2e/portal/quirks.ts`, `POST /control/quirks`): one per open
 * question, each playing one of the answers a real portal may give. Here: reading what an in-process
 * dev portal plays, and turning the target's answers into the switch values that would make the
 * dev portal play the target ("set these in the dev portal to play this portal").
 *
 * The type mirrors the dev portal's on purpose (no import): the suite must still report when the
 * dev portal's switches are missing or renamed, rather than fail to compile.
 */
import type { Answer } from './model'

export interface QuirkSettings {
  epicZeroDetaches: boolean
  scrumMasterFilter: 'applied' | 'ignored'
  taskUpdateAutoAdd: boolean
}

export type QuirkKey = keyof QuirkSettings

/** One switch with one value, e.g. `{ key: 'epicZeroDetaches', value: false }`. */
export type QuirkSetting = { [K in QuirkKey]: { key: K; value: QuirkSettings[K] } }[QuirkKey]

export const QUIRK_KEYS: readonly QuirkKey[] = ['epicZeroDetaches', 'scrumMasterFilter', 'taskUpdateAutoAdd']

/** Which switch each open question is about (the observation about backlogs has none). */
export const QUESTION_QUIRK: Readonly<Record<string, QuirkKey>> = {
  epicZero: 'epicZeroDetaches',
  scrumFilterRead: 'scrumMasterFilter',
  scrumFilterWrite: 'scrumMasterFilter',
  autoAdd: 'taskUpdateAutoAdd',
}

const VALID: { [K in QuirkKey]: (v: unknown) => v is QuirkSettings[K] } = {
  epicZeroDetaches: (v): v is boolean => typeof v === 'boolean',
  scrumMasterFilter: (v): v is 'applied' | 'ignored' => v === 'applied' || v === 'ignored',
  taskUpdateAutoAdd: (v): v is boolean => typeof v === 'boolean',
}

/** The switches of a dev portal's state (`state.quirks`); undefined when it has none or they are not the known ones. */
export function readQuirks(state: unknown): QuirkSettings | undefined {
  const quirks = typeof state === 'object' && state !== null ? (state as { quirks?: unknown }).quirks : undefined
  if (typeof quirks !== 'object' || quirks === null) return undefined
  const record = quirks as Record<string, unknown>
  return QUIRK_KEYS.every((key) => VALID[key](record[key])) ? (record as unknown as QuirkSettings) : undefined
}

/** Set switches on a dev portal's state; false when the state has no switches to set. */
export function applyQuirks(state: unknown, quirks: Partial<QuirkSettings>): boolean {
  const current = readQuirks(state)
  if (!current) return false
  ;(state as { quirks: QuirkSettings }).quirks = { ...current, ...quirks }
  return true
}

export const showSetting = (s: QuirkSetting) => `${s.key}=${JSON.stringify(s.value)}`

/** What a switch should be set to, and why (or why it cannot be said). */
export interface QuirkAdvice {
  key: QuirkKey
  /**
   * set: the target answered and a value plays it; unknown: not asked or no clear answer;
   * unplayable: the target did something no value of the switch plays; conflict: two probes disagree.
   */
  status: 'set' | 'unknown' | 'unplayable' | 'conflict'
  value?: QuirkSettings[QuirkKey]
  why: string
}

/** The switch values that make the dev portal answer the open questions as the target did. */
export function adviseQuirks(answers: readonly Answer[]): QuirkAdvice[] {
  return QUIRK_KEYS.map((key): QuirkAdvice => {
    const asked = answers.filter((a) => QUESTION_QUIRK[a.id] === key)
    const seen = asked.filter((a) => a.target !== undefined && a.target.plays !== undefined)
    if (seen.length === 0) {
      const why = asked.map((a) => a.unanswered ?? (a.target ? `no clear answer: ${a.target.answer}` : 'not asked')).join('; ')
      return { key, status: 'unknown', why: why || 'not asked' }
    }
    const unplayable = seen.find((a) => a.target!.plays === null)
    if (unplayable) return { key, status: 'unplayable', why: `no value plays "${unplayable.target!.answer}"` }
    const values = [...new Set(seen.map((a) => JSON.stringify(a.target!.plays!.value)))]
    if (values.length > 1) return { key, status: 'conflict', why: `the probes disagree: ${seen.map((a) => `${a.id} → ${JSON.stringify(a.target!.plays!.value)}`).join(', ')}` }
    return { key, status: 'set', value: seen[0]!.target!.plays!.value, why: seen.map((a) => a.target!.answer).join('; ') }
  })
}

/**
 * A dev portal that does not play its own switch (the switch says one thing, the answer showed
 * another): a bug of the dev portal, reported as a failure. Undefined when it plays it (or cannot tell).
 */
export function switchMismatch(answer: Answer, side: 'target' | 'reference'): string | undefined {
  const configured = answer.switches?.[side]
  const detected = answer[side]
  if (configured === undefined || !detected || detected.plays === undefined) return undefined
  if (detected.plays === null) return `its switch says ${JSON.stringify(configured)}, but it showed "${detected.answer}", which no value plays`
  if (detected.plays.value !== configured) return `its switch says ${JSON.stringify(configured)}, but it played ${JSON.stringify(detected.plays.value)}`
  return undefined
}
