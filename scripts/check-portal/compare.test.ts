import { describe, expect, it } from 'vitest'
import { compareExchanges, summarize } from './compare'
import type { Exchange } from './http'

const ex = (status: number, body: unknown): Exchange => ({ method: 'm', params: {}, status, body, ms: 1, retries: 0 })

describe('comparing two answers', () => {
  it('compares status, error code (with its JSON type) and error text', () => {
    const a = ex(400, { error: '0', error_description: 'Backlog not found' })
    expect(compareExchanges(a, ex(400, { error: '0', error_description: 'Backlog not found' }))).toEqual([])
    expect(compareExchanges(a, ex(400, { error: 0, error_description: 'Backlog not found' }))).toEqual([{ path: 'error', target: '"0"', reference: '0' }])
    expect(compareExchanges(a, ex(200, { error: '0', error_description: 'Item not found' }))).toEqual([
      { path: 'HTTP status', target: '400', reference: '200' },
      { path: 'error_description', target: '"Backlog not found"', reference: '"Item not found"' },
    ])
  })

  it('reports an error against a success as one difference', () => {
    expect(compareExchanges(ex(400, { error: '0', error_description: 'x' }), ex(200, { result: true, time: {} }))).toEqual([
      { path: 'HTTP status', target: '400', reference: '200' },
      { path: 'body', target: 'error "0" x', reference: 'result' },
    ])
  })

  it('ignores `next` (it depends on the data) and compares named values', () => {
    expect(compareExchanges(ex(200, { result: [], next: 50 }), ex(200, { result: [] }))).toEqual([])
    const batch = (text: string) => ex(200, { result: { result_error: { c: { error: 'X', error_description: text } } } })
    const options = { sameValues: ['result.result_error.*.error_description'] }
    expect(compareExchanges(batch('a'), batch('a'), options)).toEqual([])
    expect(compareExchanges(batch('a'), batch('b'), options)).toEqual([{ path: 'result.result_error.c.error_description', target: '"a"', reference: '"b"' }])
  })

  it('reports a portal that did not answer', () => {
    expect(compareExchanges({ ...ex(0, null), networkError: 'TimeoutError: x' }, ex(200, { result: 1 }))).toEqual([
      { path: 'answer', target: 'no answer (TimeoutError: x)', reference: 'HTTP 200' },
    ])
  })

  it('summarizes an answer for a table cell', () => {
    expect(summarize(ex(400, { error: '0', error_description: 'Backlog not found' }))).toBe('400 "0" Backlog not found')
    expect(summarize(ex(200, { result: { workgroups: [1, 2] }, total: 12, next: 50 }))).toBe('200 {workgroups[2]} total=12 next=50')
    expect(summarize(ex(200, { result: { id: 1, groupId: 2, createdBy: 3, modifiedBy: 4 } }))).toBe('200 {id,groupId,createdBy,…}')
    expect(summarize(ex(200, { result: true }))).toBe('200 true')
  })
})
