/**
 * Issue 9, "stop hiding real-portal failures": the docs' own example requests against each filter
 * engine (rest/filter.ts), and what each does with a key it does not know — refuse it (the D7 ORM
 * lists: `[]`), drop it before the query (user.get, as the real method does) or skip it
 * (CSocNetGroup, CTasks). Never the unfiltered list where the real portal applies the key.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { SEED, setupPortal, type Json } from '../test-helpers'

const t = setupPortal()
const { users, groups, sprints, epics } = SEED

beforeEach(async () => {
  await t.reset()
})

const userIds = (r: Json): number[] => r.body.result.map((u: { ID: string }) => Number(u.ID))
const ids = (r: Json): number[] => r.body.result.map((row: { id: number }) => row.id)
const groupIds = (r: Json): number[] => r.body.result.workgroups.map((g: { id: string }) => Number(g.id))
const taskIds = (r: Json): number[] => r.body.result.tasks.map((task: { id: string }) => Number(task.id))

describe('user.get (UserTable through User::userGet, user-get.md)', () => {
  it('the docs\' example {"filter":{"@PERSONAL_CITY":["New York","Los Angeles"]}} is an IN, not everybody', async () => {
    const r = await t.call('user.get', { filter: { '@PERSONAL_CITY': ['New York', 'Los Angeles'] } })
    expect(userIds(r)).toEqual([users.admin, users.regular, users.inactive, users.extranet])
    expect(r.body.total).toBe(4)
    // NOT IN, and the same through a user_brief token (PERSONAL_CITY is one of its fields).
    const brief = await t.token(users.regular, 'user_brief')
    expect(userIds(await t.call('user.get', { filter: { '!@PERSONAL_CITY': ['New York', 'Los Angeles', 'Moscow'] } }, { token: brief }))).toHaveLength(10)
  })

  it('the other examples: "Iva%" is a LIKE pattern, "!%LAST_NAME" a NOT LIKE, matching case-insensitively', async () => {
    expect((await t.call('user.get', { filter: { NAME: 'Iva%' } })).body.result).toStrictEqual([])
    expect(userIds(await t.call('user.get', { filter: { NAME: 'ol%' } }))).toEqual([users.admin])
    // Cyrillic "ов": the Latin "ov" of the docs' example is in nobody's name.
    expect(userIds(await t.call('user.get', { filter: { '!%LAST_NAME': 'ov' } }))).toHaveLength(16)
    expect(userIds(await t.call('user.get', { filter: { '!%LAST_NAME': 'ОВ' } }))).not.toContain(users.scrumMaster)
    expect(userIds(await t.call('user.get', { filter: { '%PERSONAL_CITY': 'BERLIN', '>=ID': users.devops } }))).toEqual([users.devops])
  })

  it('the documented comparison prefixes work on ids and dates', async () => {
    expect(userIds(await t.call('user.get', { filter: { '>ID': users.techLead } }))).toEqual([users.inactive, users.inactive2, users.extranet])
    expect(userIds(await t.call('user.get', { filter: { '<=ID': users.scrumMaster } }))).toEqual([users.admin, users.scrumMaster])
    expect(userIds(await t.call('user.get', { filter: { '<PERSONAL_BIRTHDAY': '1983-01-01' } }))).toEqual([users.productOwner, users.techLead])
  })

  it('a key the method does not pass on is dropped, as on a real portal: the list is not narrowed', async () => {
    const all = userIds(await t.call('user.get', {}))
    expect(all).toHaveLength(16)
    expect(userIds(await t.call('user.get', { filter: { CITY: 'Berlin' } }))).toEqual(all)
    // EMAIL is not a field of user_brief, so such a token cannot filter on it either.
    const brief = await t.token(users.regular, 'user_brief')
    expect(userIds(await t.call('user.get', { filter: { EMAIL: 'nobody@example.test' } }, { token: brief }))).toEqual(all)
    expect((await t.call('user.get', { filter: { EMAIL: 'nobody@example.test' } })).body.result).toStrictEqual([])
  })
})

describe('tasks.api.scrum.epic.list / sprint.list (D7 ORM)', () => {
  it('the docs\' example filter {"NAME": "%epic%", "!=DESCRIPTION": "old epic", ">=ID": 1, "<=ID": …} is a LIKE', async () => {
    const add = async (name: string, description: string) =>
      (await t.call('tasks.api.scrum.epic.add', { fields: { groupId: groups.mobile, name, description } })).body.result.id as number
    const checkout = await add('Checkout EPIC', 'new')
    await add('Old epic', 'old epic')
    const epicsBefore = await add('Epics', '')
    const r = await t.call('tasks.api.scrum.epic.list', {
      // The page's "<=ID": 50, moved to where this seed's epic ids are.
      filter: { GROUP_ID: groups.mobile, '>=ID': 1, '<=ID': epicsBefore, NAME: '%epic%', '!=DESCRIPTION': 'old epic' },
      order: { ID: 'asc', NAME: 'desc' },
      select: ['ID', 'NAME', 'DESCRIPTION', 'CREATED_BY', 'MODIFIED_BY', 'COLOR'],
      start: 0,
    })
    expect(r.status).toBe(200)
    expect(ids(r)).toEqual([checkout, epicsBefore])
    // Without wildcards a plain NAME is a LIKE that must match the whole name.
    expect(ids(await t.call('tasks.api.scrum.epic.list', { filter: { NAME: 'payments' } }))).toEqual([epics.payments])
    expect(ids(await t.call('tasks.api.scrum.epic.list', { filter: { NAME: 'pay' } }))).toEqual([])
    expect(ids(await t.call('tasks.api.scrum.epic.list', { filter: { NAME: 'pay%' } }))).toEqual([epics.payments])
  })

  it('the docs\' example {"GROUP_ID": …, ">=DATE_END": "2024-07-19T15:03:01+00:00"} compares instants', async () => {
    const list = (filter: Record<string, unknown>) => t.call('tasks.api.scrum.sprint.list', { filter, order: { DATE_END: 'asc' } })
    const mobile = [sprints.mobileCompletedOldest, sprints.mobileCompletedOlder, sprints.mobileCompleted, sprints.mobileActive, sprints.mobilePlanned]
    expect(ids(await list({ GROUP_ID: groups.mobile, '>=DATE_END': '2024-07-19T15:03:01+00:00' }))).toEqual(mobile)
    // Sprint 1 ended 2025-12-29 09:00 UTC: the same instant written with another offset is still >=.
    expect(ids(await list({ GROUP_ID: groups.mobile, '>=DATE_END': '2025-12-29T12:00:00+03:00' }))).toEqual(mobile.slice(2))
    expect(ids(await list({ GROUP_ID: groups.mobile, '>=DATE_END': '2025-12-29T09:00:01Z' }))).toEqual(mobile.slice(3))
    expect(ids(await list({ GROUP_ID: groups.mobile, '<DATE_START': '2026-01-01T00:00:00+00:00', STATUS: 'completed' }))).toEqual(mobile.slice(0, 3))
    // A value that is not a date matches nothing.
    expect(ids(await list({ GROUP_ID: groups.mobile, '>=DATE_END': 'last week' }))).toEqual([])
  })

  it('an unknown or wrong-case field refuses the whole query: [] (the ORM error is masked), never the full list', async () => {
    for (const filter of [{ groupId: groups.mobile }, { GROUP_ID: groups.mobile, TITLE: 'x' }, { '%name': 'pay' }]) {
      const r = await t.call('tasks.api.scrum.epic.list', { filter })
      expect(r.status).toBe(200)
      expect(r.body.result).toStrictEqual([])
    }
    expect((await t.call('tasks.api.scrum.sprint.list', { filter: { GROUP_ID: groups.mobile, dateEnd: '2020-01-01' } })).body.result).toStrictEqual([])
  })
})

describe('socialnetwork.api.workgroup.list / sonet_group.get (CSocNetGroup::GetList)', () => {
  const admin = { params: { IS_ADMIN: 'Y' } }
  const SCRUMS = [groups.mobile, groups.platform, groups.alpha, groups.quality, groups.hiddenFromRegular, groups.noBacklog, groups.emptyBacklog, groups.hiddenWithRegular, groups.closed]

  it('a key the engine has no column for is skipped; a known one always applies', async () => {
    const all = await t.call('socialnetwork.api.workgroup.list', admin)
    expect(all.body.total).toBe(12)
    expect((await t.call('socialnetwork.api.workgroup.list', { ...admin, filter: { COLOUR: 'red' } })).body.total).toBe(12)
    expect((await t.call('socialnetwork.api.workgroup.list', { ...admin, filter: { '%DESCRIPTION': 'zzz-none' } })).body.total).toBe(0)
    expect((await t.call('socialnetwork.api.workgroup.list', { ...admin, filter: { OWNER_ID: users.productOwner } })).body.total).toBeGreaterThan(0)
  })

  it('{"!SCRUM_MASTER_ID": false}: only scrums while applied (default); every group, counted in total, when ignored', async () => {
    const scrumOnly = { ...admin, filter: { '!SCRUM_MASTER_ID': false }, select: ['ID', 'SCRUM_MASTER_ID'] }
    const applied = await t.call('socialnetwork.api.workgroup.list', scrumOnly)
    expect(groupIds(applied)).toEqual(SCRUMS)
    expect(applied.body.total).toBe(SCRUMS.length)
    expect((await t.control('quirks')).scrumMasterFilter).toBe('applied')

    await t.control('quirks', { scrumMasterFilter: 'ignored' })
    const ignored = await t.call('socialnetwork.api.workgroup.list', scrumOnly)
    expect(ignored.body.total).toBe(12)
    expect(groupIds(ignored)).toEqual(expect.arrayContaining([groups.plain, groups.project, groups.mistakenBacklog]))
    // The non-scrums show themselves: no scrum master.
    expect(ignored.body.result.workgroups.find((g: { id: string }) => Number(g.id) === groups.plain)).toStrictEqual({ id: String(groups.plain), scrumMasterId: null })
    // The other keys still apply, and so does the batch form `filter[!SCRUM_MASTER_ID]=`.
    expect((await t.call('socialnetwork.api.workgroup.list', { ...admin, filter: { '!SCRUM_MASTER_ID': false, '%NAME': 'mobile' } })).body.total).toBe(1)
    const batch = await t.call('batch', { cmd: { g: 'socialnetwork.api.workgroup.list?params[IS_ADMIN]=Y&filter[!SCRUM_MASTER_ID]=' } })
    expect(batch.body.result.result_total.g).toBe(12)
    // sonet_group.get reads the same table the same way.
    expect((await t.call('sonet_group.get', { FILTER: { '!SCRUM_MASTER_ID': false }, IS_ADMIN: 'Y' })).body.total).toBe(12)
    await t.control('quirks', { scrumMasterFilter: 'applied' })
    expect((await t.call('sonet_group.get', { FILTER: { '!SCRUM_MASTER_ID': false }, IS_ADMIN: 'Y' })).body.total).toBe(SCRUMS.length)
  })

  it('sonet_group.get drops operators the method does not allow (`@`, `=%`) and applies the documented ones', async () => {
    const total = async (FILTER: Record<string, unknown>) => (await t.call('sonet_group.get', { FILTER, IS_ADMIN: 'Y' })).body.total
    expect(await total({ '@ID': [groups.mobile] })).toBe(12)
    expect(await total({ '=%NAME': 'Mobile%' })).toBe(12)
    expect(await total({ '=NAME': 'Mobile App' })).toBe(1)
    expect(await total({ '!=ID': groups.mobile, '<=ID': groups.alpha })).toBe(2)
    expect(await total({ IS_EXTRANET: 'Y' })).toBe(0)
    expect(await total({ IS_EXTRANET: 'N' })).toBe(12)
  })
})

describe('tasks.task.list (CTasks)', () => {
  it('a documented field without data here holds its empty value: PARENT_ID 5 finds nothing', async () => {
    expect((await t.call('tasks.task.list', { filter: { GROUP_ID: groups.mobile } })).body.total).toBeGreaterThan(0)
    expect((await t.call('tasks.task.list', { filter: { GROUP_ID: groups.mobile, PARENT_ID: 5 } })).body.total).toBe(0)
    expect((await t.call('tasks.task.list', { filter: { GROUP_ID: groups.mobile, TAG: 'urgent' } })).body.total).toBe(0)
    expect((await t.call('tasks.task.list', { filter: { GROUP_ID: groups.mobile, ACCOMPLICE: users.admin } })).body.total).toBe(0)
    // A key CTasks itself does not know is skipped by it, so it narrows nothing.
    const mobile = (await t.call('tasks.task.list', { filter: { GROUP_ID: groups.mobile } })).body.total
    expect((await t.call('tasks.task.list', { filter: { GROUP_ID: groups.mobile, COLOUR: 'red' } })).body.total).toBe(mobile)
  })

  it('a plain TITLE is a LIKE pattern; %TITLE a substring; dates compare as instants', async () => {
    const title = (filter: Record<string, unknown>) => t.call('tasks.task.list', { filter, select: ['ID', 'TITLE'] })
    expect(taskIds(await title({ TITLE: 'collect content inventory' }))).toEqual([SEED.tasks.noItem])
    expect(taskIds(await title({ TITLE: 'collect%' }))).toEqual([SEED.tasks.noItem])
    expect(taskIds(await title({ TITLE: 'collect' }))).toEqual([])
    expect(taskIds(await title({ '%TITLE': 'CONTENT INV' }))).toEqual([SEED.tasks.noItem])
    const created = t.portal.store.task(SEED.tasks.noItem)?.createdDate ?? 0
    const iso = new Date(created).toISOString().replace('Z', '+00:00')
    expect(taskIds(await title({ GROUP_ID: groups.noBacklog, '>=CREATED_DATE': iso }))).toContain(SEED.tasks.noItem)
    expect(taskIds(await title({ GROUP_ID: groups.noBacklog, '>CREATED_DATE': iso }))).not.toContain(SEED.tasks.noItem)
  })
})
