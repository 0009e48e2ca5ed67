import { CalendarDate, getLocalTimeZone, today } from '@internationalized/date'
import { describe, expect, it } from 'vitest'
import type { Sprint } from '@/lib/sprints/sprint-fields'
import { nextSprintDates, nextSprintName, toDay, toPortalDate } from './sprint-dates'

const sprint = (id: number, name: string, status: Sprint['status'], dateEnd: string | null = null): Sprint => ({
  id, groupId: 1, name, goal: '', sort: 0, status, dateStart: null, dateEnd,
})

describe('a new sprint', () => {
  it('is named one after the highest number so far', () => {
    expect(nextSprintName([sprint(1, 'Sprint 1', 'completed'), sprint(2, 'Sprint 7', 'planned'), sprint(3, 'Discovery', 'completed')], 'Sprint')).toBe('Sprint 8')
    expect(nextSprintName([], 'Спринт')).toBe('Спринт 1')
    expect(nextSprintName([sprint(1, 'Discovery', 'completed'), sprint(2, 'Prototype', 'completed')], 'Sprint')).toBe('Sprint 3')
  })

  it('starts after the last sprint still to come and lasts the team’s sprint length', () => {
    const now = today(getLocalTimeZone())
    const end = now.add({ days: 10 })
    const dates = nextSprintDates([sprint(1, 'S', 'planned', toPortalDate(end, true))], 14)
    expect(dates.start.toString()).toBe(end.add({ days: 1 }).toString())
    expect(dates.end.toString()).toBe(end.add({ days: 14 }).toString())
    expect(nextSprintDates([], 7).start.toString()).toBe(now.toString())
  })

  it('writes days as ISO 8601 with the offset, and reads them back as the same day', () => {
    const day = new CalendarDate(2026, 3, 9)
    expect(toPortalDate(day)).toMatch(/^2026-03-09T00:00:00[+-]\d{2}:\d{2}$/)
    expect(toDay(toPortalDate(day, true))?.toString()).toBe('2026-03-09')
  })
})
