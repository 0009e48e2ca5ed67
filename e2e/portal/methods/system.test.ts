import { describe, expect, it } from 'vitest'
import { ALL_SCOPES } from '../rest/auth'
import { setupPortal } from '../test-helpers'

const t = setupPortal()

describe('scope', () => {
  it('answers the scopes of the calling token, and every scope with full: true (the doc page examples)', async () => {
    const token = await t.token(undefined, 'task,user_brief')
    const own = await t.call('scope', {}, { token })
    expect(own.status).toBe(200)
    expect([...own.body.result].sort()).toEqual(['task', 'user_brief'])
    const full = await t.call('scope', { full: true }, { token })
    expect(full.body.result).toEqual([...ALL_SCOPES])
  })

  it('answers a webhook with the webhook’s scopes', async () => {
    const r = await t.call('scope', {}, { token: null, path: '/rest/1/devportaladminhook/scope' })
    expect(r.status).toBe(200)
    expect([...r.body.result].sort()).toEqual([...ALL_SCOPES].sort())
  })
})
