import { describe, expect, it } from 'vitest'
import type { BacklogItem } from '../items/item-fields'
import type { Sprint } from './sprint-fields'
import { containerStats, velocity } from './sprint-stats'

const sprint = (id: number, status: Sprint['status'], dateEnd: string): Sprint => ({
  id, groupId: 1, name: `Sprint ${id}`, goal: '', sort: id, status, dateStart: null, dateEnd,
})
let next = 1
const item = (entityId: number, storyPoints: string, status = '5'): BacklogItem => ({
  id: next, taskId: next++, title: 't', status, responsible: null, entityId, storyPoints, epicId: 0, sort: 1,
})

describe('sprint numbers', () => {
  it('counts items, their points and the points of completed ones', () => {
    expect(containerStats([item(1, '5', '5'), item(1, '3', '3'), item(1, 'XL', '5')])).toEqual({ count: 3, total: 8, done: 5 })
  })

  it('velocity is the average done points of the last three completed sprints', () => {
    const sprints = [
      sprint(1, 'completed', '2026-01-14'),
      sprint(2, 'completed', '2026-01-28'),
      sprint(3, 'completed', '2026-02-11'),
      sprint(4, 'completed', '2026-02-25'),
      sprint(5, 'active', '2026-03-11'),
    ]
    const items = [item(1, '100'), item(2, '10'), item(3, '20'), item(3, '8', '3'), item(4, '30'), item(5, '13')]
    // Sprints 4, 3, 2: 30, 20 (the unfinished 8 does not count), 10.
    expect(velocity(sprints, items)).toEqual({ value: 20, basis: 3 })
  })

  it('has no value before the first completed sprint', () => {
    expect(velocity([sprint(1, 'planned', '2026-01-14')], [])).toEqual({ value: null, basis: 0 })
  })
})
