import { describe, expect, it } from 'vitest'
import { EPIC_COLORS, nextEpicColor } from './epic-fields'

describe('nextEpicColor', () => {
  it('gives a new epic a colour no epic of the team has, in the palette’s order', () => {
    expect(nextEpicColor([])).toBe(EPIC_COLORS[0])
    expect(nextEpicColor([EPIC_COLORS[0], EPIC_COLORS[1].toUpperCase()])).toBe(EPIC_COLORS[2])
    expect(nextEpicColor(['#123456', EPIC_COLORS[0]])).toBe(EPIC_COLORS[1])
  })

  it('when every colour is taken, the one fewest epics have', () => {
    const all = [...EPIC_COLORS, ...EPIC_COLORS.filter((color) => color !== EPIC_COLORS[5])]
    expect(nextEpicColor(all)).toBe(EPIC_COLORS[5])
  })
})
