import { act, renderHook } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { isReorderable, useItemFilterActions, useItemFilters } from './item-filters'

describe('item filters', () => {
  it('belong to one team: an epic of team A filters nothing in team B', () => {
    const actions = renderHook(() => useItemFilterActions()).result.current
    act(() => actions.filterChanged(1, { epic: 7, text: 'pay' }))
    expect(renderHook(() => useItemFilters(1)).result.current).toMatchObject({ epic: 7, text: 'pay' })
    const teamB = renderHook(() => useItemFilters(2)).result.current
    expect(teamB).toEqual({ text: '', epic: null, responsibleId: null, noPoints: false })
    expect(isReorderable(teamB)).toBe(true)
  })

  it('remove one filter, keep the others', () => {
    const actions = renderHook(() => useItemFilterActions()).result.current
    act(() => actions.filterChanged(3, { noPoints: true, text: 'x' }))
    act(() => actions.filterRemoved(3, 'text'))
    const filters = renderHook(() => useItemFilters(3)).result.current
    expect(filters).toMatchObject({ noPoints: true, text: '' })
    expect(isReorderable(filters)).toBe(false)
  })
})
