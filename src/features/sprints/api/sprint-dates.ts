import { getLocalTimeZone, parseAbsoluteToLocal, today, toCalendarDate, type CalendarDate } from '@internationalized/date'
import type { Sprint } from '@/lib/sprints/sprint-fields'

/** A portal date-time (ISO 8601 with offset) as a calendar day where the user is. */
export function toDay(iso: string | null): CalendarDate | null {
  if (!iso) return null
  try {
    return toCalendarDate(parseAbsoluteToLocal(iso))
  } catch {
    return null
  }
}

/** A day as the portal wants it: ISO 8601, midnight where the user is, with the offset. */
export function toPortalDate(day: CalendarDate, endOfDay = false): string {
  const local = new Date(day.year, day.month - 1, day.day, endOfDay ? 23 : 0, endOfDay ? 59 : 0, endOfDay ? 59 : 0)
  const offset = -local.getTimezoneOffset()
  const sign = offset >= 0 ? '+' : '-'
  const pad = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, '0')
  return `${day.year}-${pad(day.month)}-${pad(day.day)}T${pad(local.getHours())}:${pad(local.getMinutes())}:${pad(local.getSeconds())}${sign}${pad(offset / 60)}:${pad(offset % 60)}`
}

/** The next sprint's name: one more than the highest number in the team's sprint names (or than their count). */
export function nextSprintName(sprints: readonly Sprint[], word: string): string {
  const numbers = sprints.map((sprint) => /(\d+)\s*$/.exec(sprint.name)?.[1]).filter((found) => found !== undefined).map(Number)
  return `${word} ${(numbers.length > 0 ? Math.max(...numbers) : sprints.length) + 1}`
}

/** A new sprint starts the day after the last sprint still to come ends (or today) and lasts the team's sprint length. */
export function nextSprintDates(sprints: readonly Sprint[], days: number): { start: CalendarDate; end: CalendarDate } {
  const ends = sprints
    .filter((sprint) => sprint.status !== 'completed')
    .map((sprint) => toDay(sprint.dateEnd))
    .filter((day): day is CalendarDate => day !== null)
    .sort((a, b) => a.compare(b))
  const now = today(getLocalTimeZone())
  const last = ends.at(-1)
  const start = last && last.compare(now) >= 0 ? last.add({ days: 1 }) : now
  return { start, end: start.add({ days: Math.max(1, days) - 1 }) }
}
