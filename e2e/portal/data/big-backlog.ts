/**
 * A big backlog on demand (`POST /control/big-backlog`, `npm run portal -- --big-backlog 5000`):
 * a new scrum team added to the CURRENT store whose backlog holds N items, generated the way the
 * large seed generates its own (titles, 16 responsible people, story points with blanks and
 * non-numbers, some epics). The large seed itself stays as it is: tests rely on its ids.
 * Deterministic for a given N and `seed`, so two runs read the same data.
 */
import { SeedBuilder } from './builder'
import type { MemberRole, Store } from './model'
import { SEED } from './seed-default'
import { COLORS, NOUN, POINTS, prng, THINGS, VERBS } from './seed-large'

export const BIG_BACKLOG_MAX = 10_000
const DEFAULT_SEED = 0xb16b1

export interface BigBacklog {
  groupId: number
  backlogId: number
}

/** "Backlog of 5,000 items" (the thousands separator keeps it readable in the picker). */
export function bigBacklogName(items: number): string {
  return `Backlog of ${items.toLocaleString('en-US')} item${items === 1 ? '' : 's'}`
}

/** The workgroup tab of the group on the host page, as `npm run portal` prints it. */
export function bigBacklogPath(groupId: number): string {
  return `/?placement=SONET_GROUP_DETAIL_TAB&groupId=${groupId}`
}

export function addBigBacklog(store: Store, items: number, seed = DEFAULT_SEED): BigBacklog {
  if (!Number.isInteger(items) || items < 1 || items > BIG_BACKLOG_MAX) {
    throw new RangeError(`items must be a whole number from 1 to ${BIG_BACKLOG_MAX}, got ${items}`)
  }
  const rnd = prng(seed)
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1))
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T

  const { admin, regular, scrumMaster } = SEED.users
  // The first 16 people are the same in both seeds; a store with fewer people uses whom it has.
  const people = Array.from({ length: 16 }, (_, i) => i + 1).filter((id) => store.user(id))
  const responsible = people.length ? people : [admin]
  const members: Record<number, MemberRole> = {}
  for (const id of responsible) members[id] = 'K'
  members[regular] = 'K'

  const b = new SeedBuilder(store.nextIds())
  const groupId = b.group({
    name: bigBacklogName(items), ownerId: admin, scrumMasterId: scrumMaster, members, createdDaysAgo: 400,
    description: `${items} backlog items for paging and speed work`,
  })
  const backlogId = b.backlog(groupId, scrumMaster)
  const epics = Array.from({ length: 3 }, (_, i) => b.epic(groupId, { name: `${NOUN[i] ?? 'Big'} epic`, color: COLORS[i] ?? '#69dafc', createdBy: scrumMaster }))
  for (let i = 0; i < items; i++) {
    const title = `${pick(VERBS)} the ${pick(THINGS)} #${i + 1}`
    const task = { title, responsibleId: pick(responsible), createdBy: scrumMaster, createdDaysAgo: int(1, 300) }
    // About a third of the items belong to an epic.
    const epicId = rnd() < 0.33 ? pick(epics) : 0
    b.task(groupId, task, backlogId, { storyPoints: pick(POINTS), epicId })
  }
  const { name: _name, ...rows } = b.build('')
  store.append(rows)
  return { groupId, backlogId }
}
