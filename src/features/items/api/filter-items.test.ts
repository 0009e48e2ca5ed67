import { describe, expect, it } from 'vitest'
import type { ItemFilters } from '@/stores/item-filters'
import { filterItems, placeInto, type ReorderTarget } from './filter-items'
import { sumStoryPoints, type BacklogItem } from '@/lib/items/item-fields'

const item = (taskId: number, sort: number, extra: Partial<BacklogItem> = {}): BacklogItem => ({
  id: taskId,
  taskId,
  title: `Task ${taskId}`,
  status: '2',
  responsible: { id: 1, name: 'Olivia Bennett', photo: '' },
  entityId: 10,
  storyPoints: '',
  epicId: 0,
  sort,
  ...extra,
})
const all: ItemFilters = { text: '', epic: null, responsibleId: null, noPoints: false }

/** Moving items within their own backlog (entity 10). */
const reorder = (ordered: BacklogItem[], moved: number[], target: ReorderTarget) =>
  placeInto(ordered, ordered.filter((item) => moved.includes(item.taskId)), target, 10)

describe('reorder', () => {
  const ordered = [item(1, 1), item(2, 2), item(3, 3), item(4, 4)]

  it('moves one item down and sends only the sorts that change', () => {
    expect(reorder(ordered, [1], { taskId: 3, position: 'after' })).toEqual([
      { taskId: 2, sort: 1 },
      { taskId: 3, sort: 2 },
      { taskId: 1, sort: 3 },
    ])
  })

  it('moves to the top and to the bottom', () => {
    expect(reorder(ordered, [4], 'top').map((change) => change.taskId)).toEqual([4, 1, 2, 3])
    expect(reorder(ordered, [2], 'bottom')).toEqual([
      { taskId: 3, sort: 2 },
      { taskId: 4, sort: 3 },
      { taskId: 2, sort: 4 },
    ])
  })

  it('sends nothing when nothing moves', () => {
    expect(reorder(ordered, [2], { taskId: 3, position: 'before' })).toEqual([])
  })

  it('items from another sprint get their new place and the sprint they are in now', () => {
    const sprintItems = [item(7, 4, { entityId: 11 }), item(8, 9, { entityId: 11 })]
    expect(placeInto(sprintItems, [ordered[1]!], { taskId: 8, position: 'before' }, 11)).toEqual([
      { taskId: 7, sort: 1 },
      { taskId: 2, sort: 2, entityId: 11 },
      { taskId: 8, sort: 3 },
    ])
  })

  it('gives colliding positions distinct values again', () => {
    const collided = [item(1, 1), item(2, 1), item(3, 1)]
    expect(placeInto(collided, [collided[0]!], 'bottom', 10)).toEqual([
      { taskId: 3, sort: 2 },
      { taskId: 1, sort: 3 },
    ])
  })
})

describe('filterItems', () => {
  const items = [
    item(1, 1, { title: 'Dark theme', storyPoints: '5', epicId: 7 }),
    item(2, 2, { title: 'Light theme', entityId: 11 }),
    item(3, 3, { title: 'Crash', responsible: { id: 5, name: 'Sam', photo: '' } }),
  ]
  it('combines text, epic, responsible and points', () => {
    expect(filterItems(items, { ...all, text: 'THEME' }).map((i) => i.taskId)).toEqual([1, 2])
    expect(filterItems(items, { ...all, epic: 'none' }).map((i) => i.taskId)).toEqual([2, 3])
    expect(filterItems(items, { ...all, epic: 7 }).map((i) => i.taskId)).toEqual([1])
    expect(filterItems(items, { ...all, responsibleId: 5 }).map((i) => i.taskId)).toEqual([3])
    expect(filterItems(items, { ...all, noPoints: true }).map((i) => i.taskId)).toEqual([2, 3])
  })
})

describe('sumStoryPoints', () => {
  it('adds numbers and counts what cannot be added', () => {
    const items = ['5', '0.5', 'XL', '', '?', '13'].map((points, index) => item(index, index, { storyPoints: points }))
    expect(sumStoryPoints(items)).toEqual({ total: 18.5, unsummable: 2, unestimated: 1 })
  })
})
