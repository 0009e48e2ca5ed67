/**
 * The open questions only a real portal can settle (docs and source disagree). Each detector reads
 * the answers a portal gave and says plainly which behaviour it showed — never what a switch or a
 * setting claims. Pure functions of the exchanges, so they are unit-tested.
 */
import { isObject } from './contract'
import type { Exchange } from './http'
import type { Detected } from './model'
import type { QuirkSetting } from './quirks'
import { errorText, field, idOf, listAt, resultOf } from './checks/util'

export const QUESTIONS = {
  epicZero: '1. Does tasks.api.scrum.task.update with fields.epicId 0 detach the epic?',
  scrumFilterRead: '2. Does socialnetwork.api.workgroup.list apply {"!SCRUM_MASTER_ID": false}? (read: with vs without the filter)',
  scrumFilterWrite: '2. Does socialnetwork.api.workgroup.list apply {"!SCRUM_MASTER_ID": false}? (write: a new scrum and a new plain group)',
  autoAdd: '3. Does tasks.api.scrum.task.update without entityId add a task that has no scrum item to the backlog?',
  createBacklog: '(observed) Does sonet_group.create with SCRUM_MASTER_ID create the backlog?',
} as const

const described = (ex: Exchange) => {
  if (ex.status === 0) return `no answer (${ex.networkError ?? 'network'})`
  const text = errorText(ex)
  return text === undefined ? `HTTP ${ex.status} result ${JSON.stringify(resultOf(ex))}` : `HTTP ${ex.status} "${text}"`
}

/** Unknown behaviour: no switch value plays it either. */
const unexpected = (evidence: string): Detected => ({ answer: 'unexpected behaviour', recognised: false, evidence, plays: null })

const APPLIED: QuirkSetting = { key: 'scrumMasterFilter', value: 'applied' }
const IGNORED: QuirkSetting = { key: 'scrumMasterFilter', value: 'ignored' }

/**
 * One answer from two probes of the same question (the filter as a JSON `false` and inside a batch
 * query): the same answer stays as is; different ones are both shown, and no single switch value plays them.
 */
export function mergeProbes(json: Detected, batch: Detected): Detected {
  const same = json.answer === batch.answer
  let plays: Detected['plays']
  if (same || json.plays === undefined) plays = same ? json.plays : batch.plays
  else if (batch.plays === undefined) plays = json.plays
  else plays = json.plays !== null && batch.plays !== null && json.plays.value === batch.plays.value ? json.plays : null
  return {
    answer: same ? json.answer : `JSON false: ${json.answer}; in a batch query: ${batch.answer}`,
    recognised: json.recognised && batch.recognised,
    evidence: `direct JSON — ${json.evidence}; batch query — ${batch.evidence}`,
    plays,
  }
}

/** Q1. `update`: task.update {epicId: 0} on a task linked to `epicId`; `after`: task.get of it. */
export function detectEpicZero(update: Exchange, after: Exchange, epicId: number): Detected {
  const text = errorText(update)
  const now = field(resultOf(after), 'epicId')
  const evidence = `update: ${described(update)}; task.get then: epicId ${JSON.stringify(now)}`
  if (text === 'Epic not found') {
    return { answer: 'no: refused with "Epic not found" (the older source)', recognised: true, evidence, plays: { key: 'epicZeroDetaches', value: false } }
  }
  if (update.status === 200 && text === undefined) {
    if (now === 0) return { answer: 'yes: the epic is detached (as the docs say)', recognised: true, evidence, plays: { key: 'epicZeroDetaches', value: true } }
    if (now === epicId) return { answer: 'no: accepted, but the epic stays attached', recognised: true, evidence, plays: null }
  }
  return unexpected(evidence)
}

/** The row ids and whether each has a scrum master, from a workgroup.list answer (direct or a batch entry). */
function groupRows(list: unknown): Array<{ id: number; scrum: boolean }> {
  return listAt(list, 'workgroups').map((row) => ({ id: idOf(row.id) ?? 0, scrum: idOf(row.scrumMasterId) !== undefined }))
}

/** Q2, write mode: a list filtered by the run's tag and the scrum filter; `scrumId`/`plainId` are the two groups the run created. */
export function detectScrumFilterWrite(listResult: unknown, error: string | undefined, scrumId: number, plainId: number): Detected {
  if (error !== undefined) return { answer: `refused: "${error}"`, recognised: true, evidence: `the filtered list failed: ${error}`, plays: null }
  const ids = groupRows(listResult).map((r) => r.id)
  const evidence = `filtered by the run's name, ids ${JSON.stringify(ids)} (scrum ${scrumId}, plain ${plainId})`
  const hasScrum = ids.includes(scrumId)
  const hasPlain = ids.includes(plainId)
  if (hasScrum && !hasPlain) return { answer: 'applied: only the scrum comes back', recognised: true, evidence, plays: APPLIED }
  if (hasScrum && hasPlain) return { answer: 'ignored: the plain group comes back too', recognised: true, evidence, plays: IGNORED }
  return unexpected(evidence)
}

/** Q2, read mode: the first page and total with the filter and without it (same select and order). */
export function detectScrumFilterRead(withFilter: { result: unknown; total: unknown; error?: string }, without: { result: unknown; total: unknown; error?: string }): Detected {
  if (withFilter.error !== undefined) return { answer: `refused: "${withFilter.error}"`, recognised: true, evidence: `with the filter: ${withFilter.error}`, plays: null }
  if (without.error !== undefined) return unexpected(`without the filter the list failed: ${without.error}`)
  const filtered = groupRows(withFilter.result)
  const all = groupRows(without.result)
  const plainInFiltered = filtered.filter((r) => !r.scrum).length
  const plainInAll = all.filter((r) => !r.scrum).length
  const evidence = `with: total ${String(withFilter.total)}, ${plainInFiltered} non-scrum on page 1; without: total ${String(without.total)}, ${plainInAll} non-scrum on page 1`
  if (plainInFiltered > 0) return { answer: 'ignored: non-scrum groups come back', recognised: true, evidence, plays: IGNORED }
  if (typeof withFilter.total === 'number' && typeof without.total === 'number') {
    if (withFilter.total < without.total) return { answer: 'applied: only scrums come back', recognised: true, evidence, plays: APPLIED }
    if (plainInAll === 0) return { answer: 'cannot tell: the webhook user sees no non-scrum group (run with B24_WRITE=1)', recognised: true, evidence }
  }
  return unexpected(evidence)
}

/** Q3. `update`: task.update without entityId on a task with no scrum item; `after`: task.get of it. */
export function detectAutoAdd(update: Exchange, after: Exchange, backlogId: number): Detected {
  const text = errorText(update)
  const item = resultOf(after)
  const evidence = `update: ${described(update)}; task.get then: ${isObject(item) ? `entityId ${JSON.stringify(item.entityId)}` : described(after)}`
  if (text === 'Entity id not found') {
    return { answer: 'no: refused with "Entity id not found" (the source)', recognised: true, evidence, plays: { key: 'taskUpdateAutoAdd', value: false } }
  }
  if (update.status === 200 && text === undefined) {
    if (isObject(item) && item.entityId === backlogId) {
      return { answer: 'yes: added to the backlog (as the docs say)', recognised: true, evidence, plays: { key: 'taskUpdateAutoAdd', value: true } }
    }
    if (errorText(after) === 'Task not found') return { answer: 'no: accepted, but no scrum item was created', recognised: true, evidence, plays: null }
  }
  return unexpected(evidence)
}

/** Observation: backlog.get right after sonet_group.create. */
export function detectCreateBacklog(get: Exchange): Detected {
  const text = errorText(get)
  if (text === 'Backlog not found') return { answer: 'no (Backlog not found until someone opens Planning or calls backlog.add)', recognised: true, evidence: described(get) }
  const id = field(resultOf(get), 'id')
  if (get.status === 200 && typeof id === 'number') return { answer: `yes (backlog ${id})`, recognised: true, evidence: described(get) }
  return unexpected(described(get))
}
