import { describe, expect, it } from 'vitest'
import { lateSignal } from './late-signal'

function queryContext() {
  const controller = new AbortController()
  let consumed = false
  const context = Object.defineProperty({}, 'signal', {
    enumerable: true,
    get: () => {
      consumed = true
      return controller.signal
    },
  }) as { readonly signal: AbortSignal }
  return { context, controller, consumed: () => consumed }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5))

describe('lateSignal', () => {
  it('does not take up React Query’s signal while the query is starting', () => {
    const query = queryContext()
    lateSignal(query.context)
    expect(query.consumed()).toBe(false)
  })

  it('aborts when React Query cancels the query afterwards', async () => {
    const query = queryContext()
    const signal = lateSignal(query.context)
    await tick()
    expect(query.consumed()).toBe(true)
    expect(signal.aborted).toBe(false)
    query.controller.abort()
    expect(signal.aborted).toBe(true)
  })

  it('aborts at once when the query was already cancelled', async () => {
    const query = queryContext()
    query.controller.abort()
    const signal = lateSignal(query.context)
    await tick()
    expect(signal.aborted).toBe(true)
  })
})
