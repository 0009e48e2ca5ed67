import { describe, expect, it } from 'vitest'
import { checkStoryPoints, checkTitle } from './item-limits'

describe('checkStoryPoints', () => {
  it.each(['', '5', '0.5', '13', '2,5', 'XL', '?', 'M', '  8 '])('accepts %j', (text) => {
    expect(checkStoryPoints(text)).toEqual({ ok: true, value: text.trim() })
  })

  it.each([
    ['-3', 'items.points.badNumber'],
    ['1e9', 'items.points.badNumber'],
    ['1000', 'items.points.badNumber'],
    ['0.125', 'items.points.badNumber'],
    ['123456789012345678901', 'items.points.tooLong'],
    ['a very long size name indeed', 'items.points.tooLong'],
  ])('refuses %j with a message instead of cutting or summing it', (text, key) => {
    const check = checkStoryPoints(text)
    expect(check.ok).toBe(false)
    expect(!check.ok && check.message.key).toBe(key)
  })
})

describe('checkTitle', () => {
  it('needs a title of at most 255 characters, and says how long it is', () => {
    expect(checkTitle('  Fix login  ')).toEqual({ ok: true, value: 'Fix login' })
    expect(checkTitle('   ')).toEqual({ ok: false, message: { key: 'items.add.titleRequired' } })
    expect(checkTitle('x'.repeat(256))).toEqual({ ok: false, message: { key: 'items.add.titleTooLong', vars: { count: 256, max: 255 } } })
    expect(checkTitle('x'.repeat(255)).ok).toBe(true)
  })
})
