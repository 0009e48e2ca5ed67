import { describe, expect, it } from 'vitest'
import { checkTitle } from './item-limits'

describe('checkTitle', () => {
  it('needs a title of at most 255 characters, and says how long it is', () => {
    expect(checkTitle('  Fix login  ')).toEqual({ ok: true, value: 'Fix login' })
    expect(checkTitle('   ')).toEqual({ ok: false, message: { key: 'items.add.titleRequired' } })
    expect(checkTitle('x'.repeat(256))).toEqual({ ok: false, message: { key: 'items.add.titleTooLong', vars: { count: 256, max: 255 } } })
    expect(checkTitle('x'.repeat(255)).ok).toBe(true)
  })
})
