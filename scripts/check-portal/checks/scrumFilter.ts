/**
 * Open question 2 in read mode: the same list with and without `{"!SCRUM_MASTER_ID": false}`, in
 * both forms the app sends it — a JSON `false` in a direct call (later pages) and `filter[!SCRUM_MASTER_ID]=`
 * inside a batch (the picker's first page).
 */
import type { Check } from '../context'
import type { Exchange } from '../http'
import { command } from '../phpQuery'
import { detectScrumFilterRead, mergeProbes, QUESTIONS } from '../questions'
import { errorText, field, resultOf } from './util'

const LIST = 'socialnetwork.api.workgroup.list'
const base = { select: ['ID', 'SCRUM_MASTER_ID'], order: { ID: 'ASC' } }
const withFilter = { ...base, filter: { '!SCRUM_MASTER_ID': false } }

const direct = (ex: Exchange) => ({ result: resultOf(ex), total: field(ex.body, 'total'), error: errorText(ex) })

function fromBatch(ex: Exchange, key: string) {
  const maps = resultOf(ex)
  const error = field(field(maps, 'result_error'), key)
  return {
    result: field(field(maps, 'result'), key),
    total: field(field(maps, 'result_total'), key),
    error: error === undefined ? undefined : String(field(error, 'error_description')),
  }
}

export const scrumFilterReadCheck: Check = {
  family: 'open questions',
  name: 'workgroup.list with and without the scrum filter',
  async run(ctx) {
    const filtered = await ctx.both(`${LIST} {"!SCRUM_MASTER_ID": false} (JSON)`, { request: (s) => s.call(LIST, withFilter), informational: true })
    const unfiltered = await ctx.both(`${LIST} without a filter`, { request: (s) => s.call(LIST, base), informational: true })
    const batch = await ctx.both(`batch ${LIST} filter[!SCRUM_MASTER_ID]= and without`, {
      request: (s) => s.call('batch', { halt: 0, cmd: { with: command(LIST, withFilter), without: command(LIST, base) } }),
      informational: true,
    })
    const detect = (side: 'target' | 'reference') =>
      mergeProbes(
        detectScrumFilterRead(direct(filtered[side]), direct(unfiltered[side])),
        detectScrumFilterRead(fromBatch(batch[side], 'with'), fromBatch(batch[side], 'without')),
      )
    ctx.answer('scrumFilterRead', QUESTIONS.scrumFilterRead, { target: detect('target'), reference: detect('reference') })
  },
}
