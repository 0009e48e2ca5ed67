import { afterEach, describe, expect, it } from 'vitest'
import type { B24Frame } from '@/bitrix/frame'
import { connectToPortal } from '@/bitrix/frame'
import { setFrameSourceForTests } from '@/bitrix/call-method'
import { getItems } from './get-items'
import { endLoadProgress, loadProgressOf, reportLoadProgress, type LoadProgress } from './load-progress'

afterEach(() => {
  endLoadProgress(1)
  setFrameSourceForTests(connectToPortal)
})

describe('the load progress store', () => {
  it('never goes back within a load, and starts again after one ends', () => {
    reportLoadProgress(1, { loaded: 0, total: 1000 })
    reportLoadProgress(1, { loaded: 400, total: 1000 })
    reportLoadProgress(1, { loaded: 350, total: 1000 })
    expect(loadProgressOf(1)).toEqual({ loaded: 400, total: 1000 })
    reportLoadProgress(1, { loaded: 5000, total: 1000 })
    expect(loadProgressOf(1)).toEqual({ loaded: 1000, total: 1000 })
    endLoadProgress(1)
    expect(loadProgressOf(1)).toBeUndefined()
    reportLoadProgress(1, { loaded: 10, total: 1000 })
    expect(loadProgressOf(1)).toEqual({ loaded: 10, total: 1000 })
  })
})

/** A team of `count` tasks: pages of 50 and scrum reads; in scrum batch number `failBatch` one read fails. */
function team(count: number, failBatch: number) {
  let scrumBatches = 0
  const tasks = Array.from({ length: count }, (_, index) => ({ id: String(index + 1), title: `Task ${index + 1}`, status: '2' }))
  const make = async ({ method, params }: { method: string; params: Record<string, unknown> }) => {
    let body: Record<string, unknown>
    if (method === 'tasks.task.list') {
      body = { result: { tasks: tasks.slice(0, 50) }, total: count, next: 50 }
    } else {
      const cmd = params.cmd as Record<string, string>
      const scrum = Object.values(cmd)[0]!.startsWith('tasks.api.scrum.task.get')
      const failing = scrum && ++scrumBatches === failBatch
      const result: Record<string, unknown> = {}
      const errors: Record<string, unknown> = {}
      const totals: Record<string, number> = {}
      for (const [key, command] of Object.entries(cmd)) {
        const query = new URLSearchParams(command.split('?')[1])
        if (failing && Object.keys(errors).length === 0) errors[key] = { error: '0', error_description: 'Task read failed' }
        else if (scrum) result[key] = { entityId: 40, storyPoints: '', epicId: 0, sort: Number(query.get('id')) }
        else {
          const start = Number(query.get('start'))
          result[key] = { tasks: tasks.slice(start, start + 50) }
          totals[key] = count
        }
      }
      body = { result: { result, result_error: errors, result_total: totals } }
    }
    return { isSuccess: true, getData: () => body, getTotal: () => Number(body.total ?? 0), isMore: () => body.next !== undefined, getErrors: () => [][Symbol.iterator]() }
  }
  setFrameSourceForTests(async () => ({ actions: { v2: { call: { make } } } }) as unknown as B24Frame)
}

describe('getItems progress', () => {
  it('counts tasks whose scrum fields are read, only up, and a retry starts from what the failed load kept', async () => {
    team(300, 3)
    const first: LoadProgress[] = []
    await expect(getItems(77, 'https://portal.example', (step) => first.push(step))).rejects.toThrow()
    expect(first[0]).toEqual({ loaded: 0, total: 300 })
    const loaded = first.map((step) => step.loaded)
    expect(loaded).toEqual([...loaded].sort((a, b) => a - b))
    const kept = loaded.at(-1)!
    // All but the failed read arrived: one read failing does not stop the other batches.
    expect(kept).toBe(299)

    const retry: LoadProgress[] = []
    const items = await getItems(77, 'https://portal.example', (step) => retry.push(step))
    expect(items).toHaveLength(300)
    expect(retry[0]).toEqual({ loaded: kept, total: 300 })
    expect(retry.at(-1)).toEqual({ loaded: 300, total: 300 })
  })
})
