import { describe, expect, it } from 'vitest'
import { runPassed, type Row, type RunResult } from './model'
import { fit, formatReport, quirkAdvice, summaryLine, verdictOf } from './report'

const row = (over: Partial<Row>): Row => ({
  family: 'backlog',
  label: 'tasks.api.scrum.backlog.get {id: groupId}',
  target: '200 {id,groupId,createdBy,…}',
  reference: '200 {id,groupId,createdBy,…}',
  verdict: 'same',
  differences: [],
  contract: { target: [], reference: [] },
  notes: [],
  ...over,
})

const result = (rows: Row[], over: Partial<RunResult> = {}): RunResult => ({
  target: 'https://acme.bitrix24.com/rest/1/****/',
  reference: 'in-process dev portal http://localhost:1234',
  write: false,
  rows,
  answers: [],
  cleanup: [],
  requests: { target: 10, reference: 10, retries: 1 },
  durationMs: 2345,
  interrupted: false,
  quirks: {},
  ...over,
})

describe('the difference table', () => {
  it('fits a cell to its column: one line, padded, cut with an ellipsis', () => {
    expect(fit('a  b\nc', 8)).toBe('a b c   ')
    expect(fit('0123456789', 6)).toBe('01234…')
  })

  it('prints one aligned line per row under its family, with the verdict last', () => {
    const lines = formatReport(
      result([
        row({}),
        row({ family: 'sprint', label: 'tasks.api.scrum.sprint.get', verdict: 'differs', reference: '400 "0" Item not found', target: '400 "0" Sprint not found', differences: [{ path: 'error_description', target: '"Sprint not found"', reference: '"Item not found"' }] }),
        row({ family: 'sprint', label: 'sprint.list', verdict: 'skipped', target: '—', reference: '—', skipReason: 'needs a sprint, which the target does not have' }),
      ]),
    )
    expect(lines[0]).toBe('check:portal — target: https://acme.bitrix24.com/rest/1/****/; dev portal: in-process dev portal http://localhost:1234; writes: off')
    const header = lines.findIndex((l) => l.startsWith('check '))
    expect(lines[header]).toMatch(/^check\s+\| target\s+\| reference \(dev portal\)\s+\| verdict$/)
    expect(lines[header + 1]).toMatch(/^-+-\+-+-\+-+-\+-+$/)
    expect(lines[header + 2]).toBe('[backlog]')
    const same = lines[header + 3]!
    expect(same.split(' | ')).toHaveLength(4)
    expect(same.endsWith('| same')).toBe(true)
    expect(same.indexOf('|')).toBe(lines[header]!.indexOf('|'))
    expect(lines[header + 4]).toBe('[sprint]')
    expect(lines[header + 5]).toMatch(/\| error_description: target "Sprint not found" vs dev portal "Item not found"$/)
    expect(lines[header + 6]).toMatch(/\| skipped: needs a sprint, which the target does not have$/)
  })

  it('words each verdict', () => {
    expect(verdictOf(row({}))).toBe('same')
    expect(verdictOf(row({ contract: { target: ['result.id: expected int, got string "4"'], reference: [] } }))).toBe('doc (target): result.id: expected int, got string "4"')
    expect(verdictOf(row({ differences: [{ path: 'a', target: 'int', reference: 'string' }, { path: 'b', target: 'x', reference: 'y' }] }))).toBe('a: target int vs dev portal string (+1 more)')
    expect(verdictOf(row({ verdict: 'error' }))).toMatch(/^ERROR/)
    expect(verdictOf(row({ verdict: 'answer', informational: true }))).toBe('probe, same shape')
    expect(verdictOf(row({ verdict: 'answer', informational: true, differences: [{ path: 'HTTP status', target: '400', reference: '200' }] }))).toBe('probe, answers differ (HTTP status)')
  })

  it('lists the details of failing rows, then the answers, the switches to set, cleanup and a summary', () => {
    const failing = row({ label: 'epic.get', contract: { target: [], reference: ['result.color: missing'] }, notes: ['see §4'] })
    const r = result([row({}), failing], {
      answers: [
        { id: 'epicZero', question: '1. epicId 0?', unanswered: 'not asked (needs B24_WRITE=1)' },
        {
          id: 'scrumFilterRead',
          question: '2. filter?',
          target: { answer: 'ignored: non-scrum groups come back', recognised: true, evidence: 'with: total 9', plays: { key: 'scrumMasterFilter', value: 'ignored' } },
          reference: { answer: 'applied: only scrums come back', recognised: true, evidence: 'with: total 8', plays: { key: 'scrumMasterFilter', value: 'applied' } },
          switches: { reference: 'applied' },
        },
      ],
      cleanup: [{ side: 'target', label: 'group 5 (x scrum)', ok: false, detail: '400 : Cannot delete group' }],
      quirks: { reference: { epicZeroDetaches: true, scrumMasterFilter: 'applied', taskUpdateAutoAdd: false } },
    })
    const text = formatReport(r, ['scopes: task']).join('\n')
    expect(text).toContain('scopes: task')
    expect(text).toContain('✗ [backlog] epic.get\n    doc (dev portal): result.color: missing\n    note: see §4')
    expect(text).toContain('1. epicId 0?\n    not asked (needs B24_WRITE=1)')
    expect(text).toContain('    target      ignored: non-scrum groups come back\n                with: total 9')
    expect(text).toContain('    dev portal  applied: only scrums come back [its switch scrumMasterFilter="applied"]')
    expect(text).toContain('Set these in the dev portal to play this portal: POST /control/quirks {"scrumMasterFilter":"ignored"}')
    expect(text).toContain('    scrumMasterFilter  "ignored"   ignored: non-scrum groups come back (the dev portal plays "applied" now)')
    expect(text).toContain('    epicZeroDetaches   unknown     not asked (needs B24_WRITE=1)')
    expect(text).toContain('    LEFT BEHIND  target: group 5 (x scrum) — 400 : Cannot delete group')
    expect(text.split('\n').at(-1)).toBe(
      'Summary: 2 rows, 1 same, 0 differ, 1 fail documented expectations, 0 skipped, 0 errors, 1/2 open questions answered, 1 left behind; 10+10 requests (1 retried) in 2.3 s — FAIL',
    )
  })

  it('passes only when nothing failed and cleanup removed everything', () => {
    const clean = result([row({}), row({ verdict: 'answer', informational: true, differences: [{ path: 'x', target: 'a', reference: 'b' }] })])
    expect(runPassed(clean)).toBe(true)
    expect(summaryLine(clean)).toMatch(/— PASS$/)
    expect(runPassed({ ...clean, cleanup: [{ side: 'reference', label: 'task 1', ok: false, detail: 'x' }] })).toBe(false)
    expect(runPassed({ ...clean, interrupted: true })).toBe(false)
    expect(summaryLine({ ...clean, interrupted: true })).toMatch(/— INTERRUPTED$/)
    expect(runPassed(result([row({ verdict: 'differs', differences: [{ path: 'x', target: 'a', reference: 'b' }] })]))).toBe(false)
    expect(runPassed(result([row({ verdict: 'skipped', skipReason: 'read-only' })]))).toBe(true)
  })

  it('prints the switch advice even when nothing is known yet', () => {
    expect(quirkAdvice([{ key: 'epicZeroDetaches', status: 'unknown', why: 'not asked' }])[0]).toBe('Set these in the dev portal to play this portal: POST /control/quirks (nothing known yet)')
  })
})
