import { describe, expect, it } from 'vitest'
import type { Exchange } from './http'
import { answerFails, type Answer, type Detected } from './model'
import { detectAutoAdd, detectCreateBacklog, detectEpicZero, detectScrumFilterRead, detectScrumFilterWrite, mergeProbes } from './questions'
import { adviseQuirks, readQuirks, switchMismatch } from './quirks'

const ex = (status: number, body: unknown): Exchange => ({ method: 'm', params: {}, status, body, ms: 1, retries: 0 })
const ok = (result: unknown) => ex(200, { result, time: {} })
const fail = (text: string, code = '0') => ex(400, { error: code, error_description: text })
const item = (fields: Record<string, unknown>) => ok({ entityId: 10, storyPoints: '', epicId: 0, sort: 1, createdBy: 1, modifiedBy: 1, ...fields })

describe('open question 1: epicId 0', () => {
  it('yes when the update succeeds and the item has no epic afterwards', () => {
    expect(detectEpicZero(ok(true), item({ epicId: 0 }), 5)).toMatchObject({ answer: expect.stringMatching(/^yes/), recognised: true, plays: { key: 'epicZeroDetaches', value: true } })
  })

  it('no when the server looks epic 0 up (the older source)', () => {
    expect(detectEpicZero(fail('Epic not found'), item({ epicId: 5 }), 5)).toMatchObject({ answer: expect.stringMatching(/^no: refused/), recognised: true, plays: { key: 'epicZeroDetaches', value: false } })
  })

  it('a success that leaves the epic attached is known, but no switch plays it', () => {
    expect(detectEpicZero(ok(true), item({ epicId: 5 }), 5)).toMatchObject({ answer: expect.stringMatching(/stays attached/), recognised: true, plays: null })
  })

  it('anything else is unexpected (and fails the run)', () => {
    const d = detectEpicZero(fail('Access denied'), item({ epicId: 5 }), 5)
    expect(d).toMatchObject({ recognised: false, plays: null })
    expect(d.evidence).toContain('Access denied')
    expect(detectEpicZero(ok(true), item({ epicId: 77 }), 5).recognised).toBe(false)
  })
})

describe('open question 2: the scrum filter', () => {
  const page = (...rows: Array<[number, string | null]>) => ({ workgroups: rows.map(([id, sm]) => ({ id: String(id), scrumMasterId: sm })) })

  it('write mode: only the new scrum back means applied, both back means ignored', () => {
    expect(detectScrumFilterWrite(page([7, '1']), undefined, 7, 8)).toMatchObject({ answer: expect.stringMatching(/^applied/), plays: { value: 'applied' } })
    expect(detectScrumFilterWrite(page([7, '1'], [8, null]), undefined, 7, 8)).toMatchObject({ answer: expect.stringMatching(/^ignored/), plays: { value: 'ignored' } })
    expect(detectScrumFilterWrite(undefined, 'Invalid filter', 7, 8)).toMatchObject({ answer: 'refused: "Invalid filter"', recognised: true, plays: null })
    expect(detectScrumFilterWrite(page(), undefined, 7, 8)).toMatchObject({ recognised: false })
  })

  it('read mode: a non-scrum row or the same total tell ignored; a smaller total tells applied', () => {
    const all = { result: page([1, '3'], [2, null], [3, '0']), total: 3 }
    expect(detectScrumFilterRead({ result: page([1, '3']), total: 1 }, all)).toMatchObject({ answer: expect.stringMatching(/^applied/), plays: { value: 'applied' } })
    expect(detectScrumFilterRead({ result: page([1, '3'], [2, null]), total: 3 }, all)).toMatchObject({ answer: expect.stringMatching(/^ignored/), plays: { value: 'ignored' } })
  })

  it('read mode cannot tell when the user sees no group that is not a scrum', () => {
    const onlyScrums = { result: page([1, '3']), total: 1 }
    const d = detectScrumFilterRead(onlyScrums, onlyScrums)
    expect(d).toMatchObject({ answer: expect.stringMatching(/^cannot tell/), recognised: true })
    expect(d.plays).toBeUndefined()
  })

  it('a direct JSON false and a batch query that disagree are both shown, and no single value plays them', () => {
    const applied: Detected = { answer: 'applied', recognised: true, evidence: 'a', plays: { key: 'scrumMasterFilter', value: 'applied' } }
    const ignored: Detected = { answer: 'ignored', recognised: true, evidence: 'b', plays: { key: 'scrumMasterFilter', value: 'ignored' } }
    expect(mergeProbes(applied, applied)).toMatchObject({ answer: 'applied', plays: applied.plays })
    expect(mergeProbes(applied, ignored)).toMatchObject({ answer: 'JSON false: applied; in a batch query: ignored', plays: null })
    expect(mergeProbes({ ...applied, answer: 'cannot tell', plays: undefined }, applied).plays).toEqual(applied.plays)
  })
})

describe('open question 3: update without entityId', () => {
  it('yes when the task lands in the backlog, no when refused with "Entity id not found"', () => {
    expect(detectAutoAdd(ok(true), item({ entityId: 10 }), 10)).toMatchObject({ answer: expect.stringMatching(/^yes/), plays: { key: 'taskUpdateAutoAdd', value: true } })
    expect(detectAutoAdd(fail('Entity id not found'), fail('Task not found'), 10)).toMatchObject({ answer: expect.stringMatching(/^no: refused/), plays: { key: 'taskUpdateAutoAdd', value: false } })
  })

  it('an accepted update that creates no item is known but unplayable; a wrong entity is unexpected', () => {
    expect(detectAutoAdd(ok(true), fail('Task not found'), 10)).toMatchObject({ recognised: true, plays: null })
    expect(detectAutoAdd(ok(true), item({ entityId: 99 }), 10)).toMatchObject({ recognised: false })
  })
})

describe('observation: a backlog with the new scrum', () => {
  it('tells "Backlog not found" from a backlog', () => {
    expect(detectCreateBacklog(fail('Backlog not found')).answer).toMatch(/^no/)
    expect(detectCreateBacklog(ok({ id: 4, groupId: 9, createdBy: 1, modifiedBy: 1 })).answer).toBe('yes (backlog 4)')
    expect(detectCreateBacklog(fail('Access denied')).recognised).toBe(false)
  })
})

describe('which dev portal switches play the target', () => {
  const detected = (answer: string, plays: Detected['plays']): Detected => ({ answer, recognised: true, evidence: '', plays })

  it('one value per switch from the target\'s answers; unknown when not asked', () => {
    const answers: Answer[] = [
      { id: 'epicZero', question: 'q1', target: detected('no: refused', { key: 'epicZeroDetaches', value: false }) },
      { id: 'scrumFilterRead', question: 'q2r', target: detected('ignored', { key: 'scrumMasterFilter', value: 'ignored' }) },
      { id: 'scrumFilterWrite', question: 'q2w', unanswered: 'not asked (needs B24_WRITE=1)' },
      { id: 'autoAdd', question: 'q3', unanswered: 'not asked (needs B24_WRITE=1)' },
      { id: 'createBacklog', question: 'obs', target: detected('no', undefined) },
    ]
    expect(adviseQuirks(answers)).toEqual([
      { key: 'epicZeroDetaches', status: 'set', value: false, why: 'no: refused' },
      { key: 'scrumMasterFilter', status: 'set', value: 'ignored', why: 'ignored' },
      { key: 'taskUpdateAutoAdd', status: 'unknown', why: 'not asked (needs B24_WRITE=1)' },
    ])
  })

  it('says when no value plays the target, or when its probes disagree', () => {
    const advice = adviseQuirks([
      { id: 'epicZero', question: 'q1', target: detected('accepted, stays attached', null) },
      { id: 'scrumFilterRead', question: 'q2r', target: detected('applied', { key: 'scrumMasterFilter', value: 'applied' }) },
      { id: 'scrumFilterWrite', question: 'q2w', target: detected('ignored', { key: 'scrumMasterFilter', value: 'ignored' }) },
      { id: 'autoAdd', question: 'q3', target: detected('cannot tell', undefined) },
    ])
    expect(advice.map((a) => a.status)).toEqual(['unplayable', 'conflict', 'unknown'])
    expect(advice[2]!.why).toBe('no clear answer: cannot tell')
  })

  it('fails a dev portal that does not play its own switch', () => {
    const answer: Answer = {
      id: 'epicZero',
      question: 'q1',
      target: detected('yes', { key: 'epicZeroDetaches', value: true }),
      reference: detected('yes', { key: 'epicZeroDetaches', value: true }),
      switches: { reference: true },
    }
    expect(switchMismatch(answer, 'reference')).toBeUndefined()
    expect(switchMismatch(answer, 'target')).toBeUndefined()
    expect(answerFails(answer)).toBe(false)
    const wrong = { ...answer, switches: { reference: false } }
    expect(switchMismatch(wrong, 'reference')).toBe('its switch says false, but it played true')
    expect(answerFails(wrong)).toBe(true)
    expect(answerFails({ ...answer, target: { ...answer.target!, recognised: false } })).toBe(true)
  })

  it('reads switches from a dev portal state only when they are the known ones', () => {
    expect(readQuirks({ quirks: { epicZeroDetaches: true, scrumMasterFilter: 'applied', taskUpdateAutoAdd: false } })).toEqual({
      epicZeroDetaches: true,
      scrumMasterFilter: 'applied',
      taskUpdateAutoAdd: false,
    })
    expect(readQuirks({})).toBeUndefined()
    expect(readQuirks({ quirks: { epicZeroDetaches: 'yes', scrumMasterFilter: 'applied', taskUpdateAutoAdd: false } })).toBeUndefined()
  })
})
