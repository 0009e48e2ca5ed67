import { describe, expect, it } from 'vitest'
import { serially } from './serial'

const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

function deferred() {
  let resolve!: () => void
  let reject!: (error: Error) => void
  const promise = new Promise<void>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('serially', () => {
  it('runs jobs on one key one after another, in the order they came, even when one fails', async () => {
    const order: string[] = []
    const first = deferred()
    const a = serially(['task:1'], async () => {
      order.push('a starts')
      await first.promise
      order.push('a ends')
    })
    const b = serially(['task:1'], async () => {
      order.push('b runs')
    })
    await tick()
    expect(order).toEqual(['a starts'])
    first.reject(new Error('portal said no'))
    await expect(a).rejects.toThrow('portal said no')
    await b
    expect(order).toEqual(['a starts', 'b runs'])
  })

  it('lets jobs on different keys run side by side, and a job on several keys waits for all of them', async () => {
    const order: string[] = []
    const one = deferred()
    const two = deferred()
    void serially(['task:1'], async () => {
      await one.promise
      order.push('1 done')
    })
    void serially(['task:2'], async () => {
      await two.promise
      order.push('2 done')
    })
    const bulk = serially(['task:1', 'task:2'], async () => {
      order.push('bulk')
    })
    two.resolve()
    await tick()
    expect(order).toEqual(['2 done'])
    one.resolve()
    await bulk
    expect(order).toEqual(['2 done', '1 done', 'bulk'])
  })
})
