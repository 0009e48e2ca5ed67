import { afterEach, describe, expect, it } from 'vitest'
import { forgetVisibleItems, noteVisibleItems, visibleItems } from './visible-items'

afterEach(() => forgetVisibleItems())

describe('the registry of items on screen', () => {
  it('keeps each list’s rows, list by list, and forgets a list that reports none', () => {
    expect(visibleItems(3)).toBeUndefined()
    noteVisibleItems(3, 41, [7, 8])
    noteVisibleItems(3, 40, [1, 2, 8])
    expect(visibleItems(3)).toEqual([7, 8, 1, 2])
    noteVisibleItems(3, 41, [9])
    expect(visibleItems(3)).toEqual([9, 1, 2, 8])
    noteVisibleItems(3, 41, [])
    noteVisibleItems(3, 40, [])
    expect(visibleItems(3)).toBeUndefined()
    expect(visibleItems(4)).toBeUndefined()
  })
})
