import { describe, expect, it } from 'vitest'
import { Store, StoreInvariantError } from '../data/model'
import { buildDefaultSeed, SEED } from '../data/seed-default'
import { buildLargeSeed, LARGE } from '../data/seed-large'

const json = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (v instanceof Map ? [...v] : v))

describe('default seed', () => {
  const store = new Store(buildDefaultSeed())
  const { users, groups, backlogs, sprints } = SEED

  it('is deterministic', () => {
    expect(json(buildDefaultSeed())).toBe(json(buildDefaultSeed()))
  })

  it('has the people the tests rely on', () => {
    expect(store.users.size).toBe(16)
    expect([...store.users.values()].filter((u) => u.isAdmin).map((u) => u.id)).toEqual([users.admin])
    expect([...store.users.values()].filter((u) => !u.active).map((u) => u.id)).toEqual([users.inactive, users.inactive2])
    expect(store.user(users.regular)?.isAdmin).toBe(false)
  })

  it('has each group case it names', () => {
    expect(store.groups.size).toBe(12)
    const scrum = (id: number) => (store.group(id)?.scrumMasterId ?? 0) > 0
    expect(scrum(groups.noBacklog) && !store.backlogOf(groups.noBacklog)).toBe(true)
    expect(scrum(groups.emptyBacklog) && store.itemsIn(backlogs.emptyBacklog).length === 0).toBe(true)
    expect(!scrum(groups.mistakenBacklog) && store.backlogOf(groups.mistakenBacklog)?.id === backlogs.mistakenBacklog).toBe(true)
    expect(store.hasItems(backlogs.mistakenBacklog)).toBe(false)
    const hidden = store.group(groups.hiddenFromRegular)
    expect(hidden?.visible === false && scrum(groups.hiddenFromRegular) && !store.isMember(users.regular, groups.hiddenFromRegular)).toBe(true)
    expect(store.group(groups.hiddenWithRegular)?.visible === false && store.isMember(users.regular, groups.hiddenWithRegular)).toBe(true)
    expect(store.group(groups.quality)?.visible === true && !store.isMember(users.regular, groups.quality)).toBe(true)
    expect(store.group(groups.platform)?.name).toBe('R&D <Core> "Platform"')
    expect(store.group(groups.alpha)?.name).toBe('Команда «Альфа»')
    expect(store.group(groups.quality)?.name).toBe('Qualitätssicherung')
    expect(store.itemsIn(backlogs.mobile).length).toBeGreaterThanOrEqual(10)
  })

  it('keeps story points as strings, with non-numeric and empty ones', () => {
    const points = [...store.items.values()].map((i) => i.storyPoints)
    expect(points.every((p) => typeof p === 'string')).toBe(true)
    expect(points).toContain('XL')
    expect(points).toContain('')
    expect(store.itemOf(SEED.tasks.xlStoryPoints)?.storyPoints).toBe('XL')
    expect(store.itemOf(SEED.tasks.noItem)).toBeUndefined()
  })

  it('has sprints of each status in the main scrum and epics with colours', () => {
    // Completed sprints have sort 0 (as sprint.complete leaves them), so the history comes first.
    expect(store.sprintsOf(groups.mobile).map((s) => s.status)).toEqual(['completed', 'completed', 'completed', 'active', 'planned'])
    expect(store.entity(sprints.mobileActive)?.entityType).toBe('sprint')
    expect(store.epicsOf(groups.mobile).map((e) => e.color)).toEqual(['#69dafc', '#ff5752', '#9dcf00'])
  })

  it('gives Mobile App three completed sprints and Alpha one, with done story points (velocity)', () => {
    const numeric = (points: string) => /^\d+(\.\d+)?$/.test(points)
    /** Completed sprints oldest first, with the done points of each. */
    const history = (groupId: number) =>
      store.sprintsOf(groupId)
        .filter((s) => s.status === 'completed')
        .sort((a, b) => (a.dateEnd ?? 0) - (b.dateEnd ?? 0))
        .map((s) => {
          const items = store.itemsIn(s.id)
          // Every task of a completed history sprint is finished and estimated in numbers.
          expect(items.length).toBeGreaterThan(0)
          expect(items.every((i) => store.task(i.taskId)?.status === '5' && numeric(i.storyPoints))).toBe(true)
          return { id: s.id, done: items.reduce((sum, i) => sum + Number(i.storyPoints), 0) }
        })
    expect(history(groups.mobile)).toEqual([
      { id: sprints.mobileCompletedOldest, done: 13 },
      { id: sprints.mobileCompletedOlder, done: 9 },
      { id: sprints.mobileCompleted, done: 5 },
    ])
    expect(history(groups.alpha)).toEqual([{ id: sprints.alphaCompleted, done: 8 }])
    // Dated one after the other, all before the active sprint; no two ends on the same day.
    const ends = [sprints.mobileCompletedOldest, sprints.mobileCompletedOlder, sprints.mobileCompleted].map((id) => store.entity(id)?.dateEnd ?? 0)
    expect(new Set(ends).size).toBe(3)
    expect(Math.max(...ends)).toBeLessThanOrEqual(store.entity(sprints.mobileActive)?.dateStart ?? 0)
    expect(store.entity(sprints.alphaCompleted)?.dateEnd).toBeLessThanOrEqual(store.entity(sprints.alphaActive)?.dateStart ?? 0)
  })

  it('appended the history without touching what was there: ids, backlogs and the first sprints', () => {
    // New rows come after every earlier row of their table.
    expect(Math.min(sprints.mobileCompletedOldest, sprints.mobileCompletedOlder, sprints.alphaCompleted)).toBeGreaterThan(Math.max(sprints.closedCompleted, backlogs.closed))
    const newTasks = [sprints.mobileCompletedOldest, sprints.mobileCompletedOlder, sprints.alphaCompleted].flatMap((id) => store.itemsIn(id).map((i) => i.taskId))
    expect(Math.min(...newTasks)).toBeGreaterThan(SEED.tasks.personal)
    const backlogSizes = Object.fromEntries(Object.entries(backlogs).map(([name, id]) => [name, store.itemsIn(id).length]))
    expect(backlogSizes).toEqual({ mobile: 10, platform: 5, alpha: 4, quality: 3, hiddenFromRegular: 3, emptyBacklog: 0, mistakenBacklog: 0, hiddenWithRegular: 4, closed: 2 })
    expect([sprints.mobileCompleted, sprints.mobileActive, sprints.mobilePlanned].map((id) => [store.entity(id)?.name, store.entity(id)?.sort])).toEqual([['Sprint 1', 1], ['Sprint 2', 2], ['Sprint 3', 3]])
    expect([sprints.mobileActive, sprints.mobilePlanned, sprints.alphaActive].map((id) => store.itemsIn(id).length)).toEqual([2, 1, 1])
  })

  it('never lets ids of different tables collide', () => {
    const tables = [store.users, store.groups, store.entities, store.epics, store.tasks].map((t) => [...t.keys()])
    const all = tables.flat()
    expect(new Set(all).size).toBe(all.length)
  })
})

describe('store rules', () => {
  const { groups, backlogs, users } = SEED

  it('one backlog per group; no deleting or moving a backlog with items', () => {
    const store = new Store(buildDefaultSeed())
    expect(() => store.addBacklog({ groupId: groups.mobile, createdBy: 1, modifiedBy: 0 })).toThrow(StoreInvariantError)
    expect(() => store.deleteBacklog(backlogs.mobile)).toThrow(StoreInvariantError)
    expect(() => store.updateBacklog(backlogs.mobile, { groupId: groups.noBacklog })).toThrow(StoreInvariantError)
    expect(() => store.updateBacklog(backlogs.emptyBacklog, { groupId: groups.mobile })).toThrow(StoreInvariantError)
    store.deleteBacklog(backlogs.emptyBacklog)
    expect(store.backlogOf(groups.emptyBacklog)).toBeUndefined()
  })

  it('one active sprint per group, also when a sprint changes group; sprint tasks move within their group', () => {
    const store = new Store(buildDefaultSeed())
    const { sprints } = SEED
    expect(() => store.updateSprint(sprints.mobilePlanned, { status: 'active' })).toThrow(StoreInvariantError)
    expect(() => store.updateSprint(sprints.alphaActive, { groupId: groups.mobile })).toThrow(StoreInvariantError)
    expect(store.updateSprint(sprints.mobileActive, { status: 'active', name: 'Same' }).name).toBe('Same')
    expect(() => store.moveSprintItems(sprints.mobileActive, backlogs.alpha)).toThrow(StoreInvariantError)
    expect(store.moveSprintItems(sprints.mobileActive, sprints.mobilePlanned, (task) => task?.status === '3')).toBe(1)
    expect(store.itemsIn(sprints.mobilePlanned).map((i) => i.sort)).toEqual([1, 2])
  })

  it('canReadGroup = member or admin; reset by load()', () => {
    const store = new Store(buildDefaultSeed())
    expect(store.canReadGroup(users.regular, groups.quality)).toBe(false)
    expect(store.canReadGroup(users.admin, groups.quality)).toBe(true)
    expect(store.canReadGroup(users.admin, 4242)).toBe(false)
    store.setOption('user', 'x', 1, users.regular)
    store.deleteBacklog(backlogs.mistakenBacklog)
    store.load(buildDefaultSeed())
    expect(store.optionsOf(users.regular).user).toStrictEqual({})
    expect(store.backlogOf(groups.mistakenBacklog)?.id).toBe(backlogs.mistakenBacklog)
  })
})

describe('large seed', () => {
  it('builds ~2,000 groups, 200 users and thousands of items, fast and deterministically', () => {
    const started = performance.now()
    const store = new Store(buildLargeSeed())
    // A guard against a pathological builder, loose enough for a loaded CI machine.
    expect(performance.now() - started).toBeLessThan(4000)
    expect(store.groups.size).toBe(2000)
    expect(store.users.size).toBe(200)
    expect(store.items.size).toBeGreaterThan(5000)
    const scrums = [...store.groups.values()].filter((g) => g.scrumMasterId)
    expect(scrums.length / store.groups.size).toBeGreaterThan(0.8)
    expect(store.itemsIn(store.backlogOf(LARGE.groups.huge)?.id ?? 0)).toHaveLength(1000)
    expect(store.itemsIn(store.backlogOf(LARGE.groups.medium)?.id ?? 0)).toHaveLength(120)
    expect(scrums.some((g) => !store.backlogOf(g.id))).toBe(true)
    // Same people as the default seed in the first 16 ids.
    expect(store.user(SEED.users.regular)?.name).toBe('Sam')
    expect(store.isMember(SEED.users.regular, LARGE.groups.huge)).toBe(true)
  })
})
