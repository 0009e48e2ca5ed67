import { QueryClient } from '@tanstack/react-query'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { B24Frame } from '@/bitrix/frame'
import { connectToPortal } from '@/bitrix/frame'
import { setFrameSourceForTests } from '@/bitrix/call-method'
import { itemKeys } from '../query-keys'
import type { BacklogItem } from './item-fields'
import { changeItems } from './change-items'
import { EpicDetachRefusedError, explainItemError } from './epic-detach'
import { RestError } from '@/bitrix'
import { describeError } from '../error-message'
import { createTranslator } from '@/i18n'
import { portalKeys } from '../query-keys'

type Stored = { storyPoints: string; epicId: number; entityId: number; sort: number }

/**
 * A portal in memory that answers task.update / task.get, directly and in batches, and can be told
 * to fail a request before or after doing it, or to hold it back until released.
 */
function fakePortal(items: Record<number, Stored>) {
  const plan: { failBatch?: number; after?: boolean; hold?: Promise<void>; failDirect?: number; refuseEpicZero?: boolean } = {}
  let batches = 0
  let directs = 0
  const update = (params: { id: number; fields: Partial<Stored> }) => {
    const item = items[params.id]
    if (!item) return { error: { error: '0', error_description: 'Entity id not found' } }
    // An older server: epic 0 is looked up like any other epic.
    if (plan.refuseEpicZero && params.fields.epicId === 0) return { error: { error: '0', error_description: 'Epic not found' } }
    Object.assign(item, params.fields)
    return { result: true }
  }
  const get = (params: { id: number }) => (items[params.id] ? { result: { ...items[params.id] } } : { error: { error: '0', error_description: 'Task not found' } })
  const parse = (command: string) => {
    const [method, query] = command.split('?') as [string, string]
    const search = new URLSearchParams(query)
    const fields: Record<string, unknown> = {}
    for (const [key, value] of search) {
      const match = /^fields\[(\w+)\]$/.exec(key)
      if (match) fields[match[1]!] = match[1] === 'storyPoints' ? value : Number(value)
    }
    return { method, params: { id: Number(search.get('id')), fields } }
  }
  const fail = (status: number) => Object.assign(new Error('Internal server error'), { code: 'INTERNAL_SERVER_ERROR', status })
  const make = async ({ method, params }: { method: string; params: Record<string, unknown> }) => {
    let result: unknown
    if (method === 'batch') {
      batches++
      if (plan.hold) await plan.hold
      const failing = plan.failBatch === batches
      if (failing && !plan.after) throw fail(500)
      const answers: Record<string, unknown> = {}
      const errors: Record<string, unknown> = {}
      for (const [key, command] of Object.entries(params.cmd as Record<string, string>)) {
        const call = parse(command)
        const answer = call.method.endsWith('update') ? update(call.params as never) : get(call.params as never)
        if ('error' in answer) errors[key] = answer.error
        else answers[key] = answer.result
      }
      if (failing) throw fail(500)
      result = { result: answers, result_error: errors }
    } else {
      directs++
      if (plan.hold && method.endsWith('update')) await plan.hold
      if (plan.failDirect === directs) throw fail(500)
      const answer: { result?: unknown; error?: { error: string; error_description: string } } = method.endsWith('update')
        ? update(params as never)
        : get(params as never)
      if (answer.error) throw Object.assign(new Error(answer.error.error_description), { status: 400, originalError: { response: { data: answer.error } } })
      result = answer.result
    }
    return { isSuccess: true, getData: () => ({ result, time: {} }), getTotal: () => 0, isMore: () => false }
  }
  setFrameSourceForTests(async () => ({ actions: { v2: { call: { make } } } }) as unknown as B24Frame)
  return plan
}

function screen(groupId: number, count: number, points = ''): QueryClient {
  const client = new QueryClient()
  const list: BacklogItem[] = Array.from({ length: count }, (_, index) => ({
    id: index + 1, taskId: index + 1, title: `Task ${index + 1}`, status: '2', responsible: null,
    entityId: 10, storyPoints: points, epicId: 0, sort: index + 1,
  }))
  client.setQueryData(itemKeys.byGroup(groupId), list)
  return client
}

const shown = (client: QueryClient, groupId: number) => client.getQueryData<BacklogItem[]>(itemKeys.byGroup(groupId))!

afterEach(() => setFrameSourceForTests(connectToPortal))

describe('changeItems', () => {
  it('a bulk change whose second batch failed shows, item by item, what the portal kept', async () => {
    const stored = Object.fromEntries(Array.from({ length: 120 }, (_, i) => [i + 1, { storyPoints: '', epicId: 0, entityId: 10, sort: i + 1 }]))
    const plan = fakePortal(stored)
    plan.failBatch = 2
    const client = screen(1, 120)
    const report = await changeItems(client, 1, Array.from({ length: 120 }, (_, i) => ({ taskId: i + 1, fields: { storyPoints: '8' } })))
    expect(report.saved).toHaveLength(70)
    expect(report.failed.map((failure) => failure.change.taskId)).toEqual(Array.from({ length: 50 }, (_, i) => i + 51))
    for (const item of shown(client, 1)) expect(item.storyPoints).toBe(stored[item.taskId]!.storyPoints)
  })

  it('a batch that was done although its answer was lost counts as saved', async () => {
    const stored = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [i + 1, { storyPoints: '', epicId: 0, entityId: 10, sort: i + 1 }]))
    const plan = fakePortal(stored)
    plan.failBatch = 2
    plan.after = true
    const client = screen(2, 60)
    const report = await changeItems(client, 2, Array.from({ length: 60 }, (_, i) => ({ taskId: i + 1, fields: { epicId: 4 } })))
    expect(report.saved).toHaveLength(60)
    expect(report.failed).toEqual([])
    expect(shown(client, 2).every((item) => item.epicId === 4)).toBe(true)
  })

  it('two quick edits of one item: the first failing late leaves the second, on screen and on the portal', async () => {
    const stored = { 1: { storyPoints: '13', epicId: 0, entityId: 10, sort: 1 } }
    const plan = fakePortal(stored)
    let release!: () => void
    plan.hold = new Promise<void>((resolve) => (release = resolve))
    plan.failDirect = 1
    const client = screen(3, 1, '13')
    const first = changeItems(client, 3, [{ taskId: 1, fields: { storyPoints: '5' } }])
    // The first is on its way (held by the portal) when the second is chosen.
    await new Promise((resolve) => setTimeout(resolve, 0))
    const second = changeItems(client, 3, [{ taskId: 1, fields: { storyPoints: '8' } }])
    expect(shown(client, 3)[0]!.storyPoints).toBe('8')
    release()
    const [firstReport, secondReport] = await Promise.all([first, second])
    expect(secondReport.saved).toEqual([1])
    // The first one's failure is not offered for retry: it would undo the newer choice.
    expect(firstReport.failed).toEqual([])
    expect(stored[1].storyPoints).toBe('8')
    expect(shown(client, 3)[0]!.storyPoints).toBe('8')
  })

  it('an item deleted elsewhere leaves the screen', async () => {
    fakePortal({})
    const client = screen(4, 2)
    const report = await changeItems(client, 4, [{ taskId: 2, fields: { storyPoints: '3' } }])
    expect(report.gone).toEqual([{ taskId: 2, title: 'Task 2' }])
    expect(shown(client, 4).map((item) => item.taskId)).toEqual([1])
  })

  it('a portal that answers "Epic not found" to epic 0 is told apart: the items keep their epic, the message says why, and the app remembers', async () => {
    const plan = fakePortal({ 1: { storyPoints: '', epicId: 7, entityId: 10, sort: 1 }, 2: { storyPoints: '', epicId: 7, entityId: 10, sort: 2 } })
    plan.refuseEpicZero = true
    const client = screen(5, 2)
    client.setQueryData<BacklogItem[]>(itemKeys.byGroup(5), (items) => items!.map((item) => ({ ...item, epicId: 7 })))
    const report = await changeItems(client, 5, [
      { taskId: 1, fields: { epicId: 0 } },
      { taskId: 2, fields: { epicId: 0 } },
    ])
    expect(report.saved).toEqual([])
    expect(report.failed.map((failure) => failure.error)).toEqual([expect.any(EpicDetachRefusedError), expect.any(EpicDetachRefusedError)])
    expect(describeError(report.failed[0]!.error, createTranslator('en'))).toMatch(/does not let apps take a task out of an epic/)
    expect(shown(client, 5).map((item) => item.epicId)).toEqual([7, 7])
    expect(client.getQueryData(portalKeys.epicDetach())).toBe('refused')
  })

  it('"Epic not found" when marking with a real epic stays what it is: that epic was deleted', () => {
    const notFound = new RestError({ code: '0', description: 'Epic not found', status: 400, method: 'tasks.api.scrum.task.update' })
    expect(explainItemError({ epicId: 12 }, notFound)).toBe(notFound)
    expect(explainItemError({ epicId: 0 }, notFound)).toBeInstanceOf(EpicDetachRefusedError)
    const denied = new RestError({ code: '0', description: 'Access denied', status: 400, method: 'tasks.api.scrum.task.update' })
    expect(explainItemError({ epicId: 0 }, denied)).toBe(denied)
  })
})

describe('changeItems when the code that sends cannot be loaded', () => {
  afterEach(() => {
    vi.doUnmock('./send-items')
    vi.resetModules()
  })

  it('sends nothing, puts the screen back and reports every item as not sent, in words a person understands', async () => {
    vi.resetModules()
    vi.doMock('./send-items', () => {
      throw new TypeError('Failed to fetch dynamically imported module')
    })
    const { changeItems: change } = await import('./change-items')
    const { describeError: explain } = await import('../error-message')
    const requests: string[] = []
    const { setFrameSourceForTests: setSource } = await import('@/bitrix/call-method')
    setSource(async () => ({ actions: { v2: { call: { make: async ({ method }: { method: string }) => void requests.push(method) } } } }) as unknown as B24Frame)
    const client = screen(7, 2, '3')

    const pending = change(client, 7, [
      { taskId: 1, fields: { storyPoints: '5' } },
      { taskId: 2, fields: { storyPoints: '8', epicId: 4 } },
    ])
    // The screen shows the change at once, as always.
    expect(shown(client, 7).map((item) => item.storyPoints)).toEqual(['5', '8'])
    const report = await pending

    expect(requests).toEqual([])
    expect(report.saved).toEqual([])
    expect(report.failed.map((failure) => [failure.change.taskId, failure.error.code, failure.error.outcomeUnknown])).toEqual([
      [1, 'NOT_SENT', false],
      [2, 'NOT_SENT', false],
    ])
    expect(report.failed[1]!.change.fields).toEqual({ storyPoints: '8', epicId: 4 })
    expect(shown(client, 7).map((item) => [item.storyPoints, item.epicId])).toEqual([
      ['3', 0],
      ['3', 0],
    ])
    expect(explain(report.failed[0]!.error, createTranslator('de'))).toBe(
      'Ein Teil der App konnte nicht geladen werden, daher wurde nichts gesendet. Prüfen Sie die Verbindung und versuchen Sie es erneut.',
    )
  })
})
