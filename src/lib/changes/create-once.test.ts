import { describe, expect, it, vi } from 'vitest'
import { RestError } from '@/bitrix'
import { createOnce, CreateUnconfirmedError, NotCreatedError } from './create-once'

const lost = new RestError({ code: 'NETWORK_ERROR', description: 'Network connection failed', status: 0, method: 'tasks.task.add' })
const refused = new RestError({ code: 'ERROR_CORE', description: 'Task title not specified<br>', status: 400, method: 'tasks.task.add' })

describe('createOnce', () => {
  it('sends once and returns what was created', async () => {
    const send = vi.fn(async () => ({ id: 7 }))
    const find = vi.fn(async () => null)
    await expect(createOnce({ send, find })).resolves.toEqual({ created: { id: 7 }, recovered: false })
    expect(send).toHaveBeenCalledTimes(1)
    expect(find).not.toHaveBeenCalled()
  })

  it('a refusal is passed on without looking: nothing was created', async () => {
    const find = vi.fn(async () => null)
    await expect(createOnce({ send: () => Promise.reject(refused), find })).rejects.toBe(refused)
    expect(find).not.toHaveBeenCalled()
  })

  it('a lost answer is checked on the portal: found means created, and nothing is sent again', async () => {
    const send = vi.fn(() => Promise.reject(lost))
    await expect(createOnce({ send, find: async () => ({ id: 9 }) })).resolves.toEqual({ created: { id: 9 }, recovered: true })
    expect(send).toHaveBeenCalledTimes(1)
  })

  it('not found after a lost answer: safe to create again', async () => {
    await expect(createOnce({ send: () => Promise.reject(lost), find: async () => null })).rejects.toBeInstanceOf(NotCreatedError)
  })

  it('when the check fails too, nobody knows yet', async () => {
    const error = await createOnce({ send: () => Promise.reject(lost), find: () => Promise.reject(lost) }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CreateUnconfirmedError)
    expect((error as CreateUnconfirmedError).cause).toBe(lost)
  })
})
