import { describe, expect, it } from 'vitest'
import { sumStoryPoints, type BacklogItem } from '@/lib/items/item-fields'
import { checkPoints, DEFAULT_SIZES, formatPoints, FREE_SCALE, parseScale, pointsValue, serializeScale, type Scale } from './scale'

const fibonacci: Scale = { kind: 'fibonacci', sizes: DEFAULT_SIZES }
const tshirt: Scale = { kind: 'tshirt', sizes: { ...DEFAULT_SIZES, XXL: null } }
const powers: Scale = { kind: 'powers', sizes: DEFAULT_SIZES }

const refused = (text: string, scale: Scale) => {
  const check = checkPoints(text, scale)
  return check.ok ? null : check.message.key
}

describe('checkPoints: story points against the team’s scale', () => {
  it('takes free numbers from 0 to 999 with two decimals, written as the portal keeps them', () => {
    for (const [typed, kept] of [['', ''], ['5', '5'], [' 8 ', '8'], ['0,5', '0.5'], ['½', '0.5'], ['13.25', '13.25'], ['007', '7']]) {
      expect(checkPoints(typed!, FREE_SCALE)).toEqual({ ok: true, value: kept })
    }
    for (const text of ['abc', 'XL', '?', '-3', '1e9', '1000', '0.125']) expect(refused(text, FREE_SCALE)).toBe('items.points.notNumber')
    expect(refused('x'.repeat(21), FREE_SCALE)).toBe('items.points.tooLong')
  })

  it('takes only the scale’s values on Fibonacci, T-shirt and powers of two, and names them when it refuses', () => {
    expect(checkPoints('½', fibonacci)).toEqual({ ok: true, value: '0.5' })
    expect(checkPoints('?', fibonacci)).toEqual({ ok: true, value: '?' })
    expect(checkPoints('xl', tshirt)).toEqual({ ok: true, value: 'XL' })
    expect(checkPoints('16', powers)).toEqual({ ok: true, value: '16' })
    expect(refused('abc', fibonacci)).toBe('items.points.notInScale')
    expect(refused('4', fibonacci)).toBe('items.points.notInScale')
    expect(refused('3', tshirt)).toBe('items.points.notInScale')
    expect(refused('3', powers)).toBe('items.points.notInScale')
    const check = checkPoints('abc', fibonacci)
    expect(!check.ok && check.message.vars).toEqual({ values: '0, 0.5, 1, 2, 3, 5, 8, 13, 20, 40, 100, ?' })
  })
})

describe('what points count for in totals', () => {
  const items = (...points: string[]) => points.map((storyPoints, index) => ({ taskId: index + 1, storyPoints }) as BacklogItem)

  it('sums T-shirt sizes by their points, and counts apart what maps to no number', () => {
    expect(pointsValue('M', tshirt)).toBe(3)
    expect(pointsValue('XXL', tshirt)).toBeNull()
    expect(pointsValue('M', FREE_SCALE)).toBeNull()
    expect(sumStoryPoints(items('S', 'M', 'XL', 'XXL', '?', '', '2'), tshirt)).toEqual({ total: 15, unsummable: 2, unestimated: 1 })
    expect(sumStoryPoints(items('S', 'M', '2'), FREE_SCALE)).toEqual({ total: 2, unsummable: 2, unestimated: 0 })
  })
})

describe('the scale kept in the app options', () => {
  it('reads back what it wrote, and anything unknown as free numbers', () => {
    expect(parseScale(serializeScale(tshirt))).toEqual(tshirt)
    expect(parseScale(serializeScale(fibonacci))).toEqual(fibonacci)
    expect(parseScale({ kind: 'powers' })).toEqual(powers)
    for (const raw of [undefined, null, '', 'nonsense', '{"kind":"hours"}', 42]) expect(parseScale(raw)).toEqual(FREE_SCALE)
  })
})

describe('formatPoints', () => {
  it('writes numbers as the reader does, and sizes as they are', () => {
    expect(formatPoints('0.5', 'de')).toBe('0,5')
    expect(formatPoints('0.5', 'en')).toBe('0.5')
    expect(formatPoints('XL', 'de')).toBe('XL')
    expect(formatPoints('?', 'ru')).toBe('?')
  })
})
