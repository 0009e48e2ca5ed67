/**
 * A big portal for paging and performance work: ~2,000 groups, 200 users, thousands of items,
 * one scrum with 1,000 backlog items and one with 120. Generated from a fixed PRNG seed, so it is
 * identical on every run. Users 1..16 are the same people as in the default seed (same roles).
 */
import { SeedBuilder } from './builder'
import type { MemberRole, SeedData } from './model'
import { buildDefaultSeed, SEED } from './seed-default'

/** mulberry32: tiny, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

const FIRST = ['Anna', 'Ben', 'Clara', 'David', 'Emma', 'Felix', 'Grace', 'Hugo', 'Ivy', 'Jonas', 'Kira', 'Liam', 'Mia', 'Noah', 'Алексей', 'Мария', 'Сергей', 'Юлия', 'Lukas', 'Jörg', 'Sophie', 'Ana', 'Chen', 'Aiko']
const LAST = ['Smith', 'Jones', 'Brown', 'Fischer', 'Wagner', 'Hoffmann', 'Смирнов', 'Кузнецова', 'Попов', 'Rossi', 'Silva', 'Kowalski', 'Nakamura', 'Okafor', 'Larsen', 'Dubois']
const POSITIONS = ['Developer', 'QA engineer', 'Designer', 'Analyst', 'Product manager', 'DevOps engineer', 'Support engineer', '']
const ADJ = ['Blue', 'Rapid', 'Silent', 'Golden', 'Northern', 'Bright', 'Iron', 'Green', 'Hidden', 'Lucky', 'Красная', 'Große']
export const NOUN = ['Falcon', 'River', 'Harbor', 'Engine', 'Garden', 'Bridge', 'Comet', 'Forest', 'Tower', 'Signal', 'Звезда', 'Brücke']
export const VERBS = ['Implement', 'Fix', 'Review', 'Document', 'Refactor', 'Test', 'Design', 'Migrate', 'Optimise', 'Remove']
export const THINGS = ['login form', 'export job', 'search index', 'billing page', 'API client', 'audit log', 'settings screen', 'report', 'import wizard', 'cache layer']
/** Story points as people type them: blanks (not estimated) and non-numbers among the numbers. */
export const POINTS = ['1', '2', '3', '5', '8', '13', '', '', 'XL', '0.5']
export const COLORS = ['#69dafc', '#ff5752', '#9dcf00', '#ffa900', '#2fc6f6', '#a861ab']

function build() {
  const rnd = prng(0x5c2a7)
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1))
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T

  const b = new SeedBuilder({ user: 1, group: 1001, entity: 3001, epic: 9001, task: 20001 })
  for (const u of buildDefaultSeed().users) {
    const { id: _id, ...rest } = u
    b.user(rest)
  }
  while (b.build('').users.length < 200) {
    b.user({ name: pick(FIRST), lastName: pick(LAST), workPosition: pick(POSITIONS), active: rnd() > 0.04 })
  }
  const userIds = Array.from({ length: 200 }, (_, i) => i + 1)
  const activeIds = b.build('').users.filter((u) => u.active).map((u) => u.id)
  const { admin, regular } = SEED.users

  const taskTitle = () => `${pick(VERBS)} the ${pick(THINGS)}`
  const addItems = (groupId: number, entityId: number, count: number, members: number[]) => {
    for (let i = 0; i < count; i++) {
      const who = pick(members)
      b.task(groupId, { title: `${taskTitle()} #${i + 1}`, responsibleId: who, createdDaysAgo: int(1, 300) }, entityId, { storyPoints: pick(POINTS) })
    }
  }

  const makeGroup = (name: string, scrum: boolean, extraMembers: number[] = []) => {
    const ownerId = pick(activeIds)
    const members: Record<number, MemberRole> = {}
    for (let i = int(2, 8); i > 0; i--) members[pick(userIds)] = 'K'
    if (rnd() < 0.1) members[admin] = 'K'
    if (rnd() < 0.15) members[regular] = 'K'
    for (const id of extraMembers) members[id] = 'K'
    const scrumMasterId = scrum ? pick(activeIds) : 0
    return b.group({ name, ownerId, scrumMasterId, members, visible: rnd() > 0.15, image: rnd() < 0.2, createdDaysAgo: int(1, 900) })
  }

  // Two named big scrums first, so their ids are stable and easy to find.
  const huge = makeGroup('Huge Backlog (1000 items)', true, [admin, regular])
  const medium = makeGroup('Medium Backlog (120 items)', true, [admin, regular])
  const hugeMembers = [...userIds.slice(0, 16)]
  addItems(huge, b.backlog(huge, admin), 1000, hugeMembers)
  addItems(medium, b.backlog(medium, admin), 120, hugeMembers)

  let withoutBacklog = 0
  for (let n = 3; n <= 2000; n++) {
    const roll = rnd()
    const scrum = roll < 0.9
    const name = `${pick(ADJ)} ${pick(NOUN)} ${n}`
    const groupId = makeGroup(name, scrum)
    if (!scrum) continue
    if (roll > 0.86) {
      withoutBacklog++
      continue // a scrum created over REST, Planning page never opened
    }
    const owner = admin
    const backlogId = b.backlog(groupId, owner)
    const members = [owner, regular, ...userIds.slice(16, 40)]
    if (rnd() < 0.3) {
      for (let e = int(1, 3); e > 0; e--) b.epic(groupId, { name: `${pick(NOUN)} epic`, color: pick(COLORS), createdBy: owner })
    }
    addItems(groupId, backlogId, int(0, 6), members)
    if (rnd() < 0.2) {
      const sprint = b.sprint(groupId, { name: 'Sprint 1', status: 'active', startDaysFromT0: -int(0, 13), createdBy: owner })
      addItems(groupId, sprint, int(1, 4), members)
    }
  }
  return { ids: { groups: { huge, medium }, users: SEED.users, scrumsWithoutBacklog: withoutBacklog }, data: b.build('large') }
}

let cached: ReturnType<typeof build> | undefined
const built = () => (cached ??= build())

/** Named ids of the large seed: `groups.huge` has 1,000 backlog items, `groups.medium` 120. */
export const LARGE = {
  get groups() {
    return built().ids.groups
  },
  users: SEED.users,
}

export function buildLargeSeed(): SeedData {
  return built().data
}
