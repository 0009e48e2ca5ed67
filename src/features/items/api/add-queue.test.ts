import { describe, expect, it } from 'vitest'
import { AddQueue, type Attempt, type QueuedAdd } from './add-queue'

/** A portal whose answers the test gives one by one. */
function harness() {
  const calls: string[] = []
  const answers: ((attempt: Attempt) => void)[] = []
  let shown: readonly QueuedAdd<string>[] = []
  const queue = new AddQueue<string>((entries) => (shown = entries))
  queue.workWith((entry, mode) => {
    calls.push(`${mode} ${entry.draft}`)
    return new Promise<Attempt>((resolve) => answers.push(resolve))
  })
  const answer = async (attempt: Attempt) => {
    answers.shift()!(attempt)
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
  return { queue, calls, answer, shown: () => shown.map((entry) => `${entry.draft}:${entry.status}`) }
}

describe('AddQueue: titles added in a row', () => {
  it('sends them one at a time, in the order they were given, and forgets none', async () => {
    const { queue, calls, answer, shown } = harness()
    queue.add('one')
    queue.add('two')
    queue.add('three')
    expect(calls).toEqual(['create one'])
    expect(shown()).toEqual(['one:saving', 'two:waiting', 'three:waiting'])
    await answer({ ok: true })
    expect(calls).toEqual(['create one', 'create two'])
    await answer({ ok: true })
    queue.add('four')
    await answer({ ok: true })
    await answer({ ok: true })
    expect(calls).toEqual(['create one', 'create two', 'create three', 'create four'])
    expect(shown()).toEqual([])
  })

  it('holds the rest back behind a title that was not added, until Retry or Remove', async () => {
    const { queue, calls, answer, shown } = harness()
    queue.add('one')
    queue.add('two')
    await answer({ ok: false, status: 'failed', error: new Error('503') })
    expect(shown()).toEqual(['one:failed', 'two:waiting'])
    expect(calls).toEqual(['create one'])

    queue.retry(1)
    expect(calls).toEqual(['create one', 'create one'])
    await answer({ ok: false, status: 'failed', error: new Error('503') })
    queue.remove(1)
    expect(shown()).toEqual(['two:saving'])
    await answer({ ok: true })
    expect(calls).toEqual(['create one', 'create one', 'create two'])
  })

  it('never sends again a title whose create went unanswered: only a check, and then the rest', async () => {
    const { queue, calls, answer, shown } = harness()
    queue.add('one')
    queue.add('two')
    await answer({ ok: false, status: 'unconfirmed', error: new Error('timeout') })
    expect(shown()).toEqual(['one:unconfirmed', 'two:waiting'])
    queue.retry(1)
    queue.remove(1)
    expect(calls).toEqual(['create one'])

    queue.check(1)
    expect(shown()).toEqual(['one:checking', 'two:waiting'])
    await answer({ ok: true })
    await answer({ ok: true })
    expect(calls).toEqual(['create one', 'check one', 'create two'])
    expect(shown()).toEqual([])
  })

  it('treats work that throws as a stop at the head, not as done', async () => {
    let shown: readonly QueuedAdd<string>[] = []
    const queue = new AddQueue<string>((entries) => (shown = entries))
    queue.workWith(() => Promise.reject(new Error('boom')))
    queue.add('one')
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(shown.map((entry) => entry.status)).toEqual(['failed'])
  })
})
