import { beforeEach, describe, expect, it } from 'vitest'
import { failure, SEED, systemErr, setupPortal, type Json } from '../test-helpers'

const t = setupPortal()
const { users, groups } = SEED
const ids = (r: Json): number[] => r.body.result.workgroups.map((g: { id: string }) => Number(g.id))
const list = (params: Record<string, unknown>, user: number = users.admin) => t.as(user, 'socialnetwork.api.workgroup.list', params)
const SCRUMS = [groups.mobile, groups.platform, groups.alpha, groups.quality, groups.hiddenFromRegular, groups.noBacklog, groups.emptyBacklog, groups.hiddenWithRegular, groups.closed]

beforeEach(async () => {
  await t.reset()
})

describe('socialnetwork.api.workgroup.list', () => {
  it('defaults to ID only, as strings, with total at the top level', async () => {
    const r = await list({}, users.regular)
    expect(r.status).toBe(200)
    expect(Object.keys(r.body).sort()).toEqual(['result', 'time', 'total'])
    expect(r.body.result.workgroups[0]).toStrictEqual({ id: String(groups.mobile) })
    expect(r.body.total).toBe(r.body.result.workgroups.length)
  })

  it('shows a non-admin the visible groups plus hidden ones they belong to', async () => {
    const regular = ids(await list({}, users.regular))
    expect(regular).toContain(groups.hiddenWithRegular)
    expect(regular).toContain(groups.quality) // visible, not a member
    expect(regular).not.toContain(groups.hiddenFromRegular)
    // IS_ADMIN=Y is ignored for non-admins.
    expect(ids(await list({ params: { IS_ADMIN: 'Y' } }, users.regular))).toEqual(regular)
    // Admins get the permission check too unless they ask for IS_ADMIN=Y.
    expect(ids(await list({}))).not.toContain(groups.hiddenWithRegular)
    expect(ids(await list({ params: { IS_ADMIN: 'Y' } }))).toHaveLength(12)
  })

  it('filters scrums with {"!SCRUM_MASTER_ID": false} and non-scrums with {"SCRUM_MASTER_ID": false}', async () => {
    const admin = { params: { IS_ADMIN: 'Y' } }
    expect(ids(await list({ ...admin, filter: { '!SCRUM_MASTER_ID': false } }))).toEqual(SCRUMS)
    expect(ids(await list({ ...admin, filter: { SCRUM_MASTER_ID: false } }))).toEqual([groups.mistakenBacklog, groups.plain, groups.project])
    // Form encoding sends "false" as a string; the int cast gives the same answer.
    const form = await t.call('socialnetwork.api.workgroup.list', { ...admin, filter: { '!SCRUM_MASTER_ID': 'false' } }, { mode: 'form' })
    expect(ids(form)).toEqual(SCRUMS)
    expect(ids(await list({ ...admin, filter: { TYPE: 'scrum' } }))).toEqual(SCRUMS)
    expect(ids(await list({ ...admin, filter: { SCRUM_MASTER_ID: users.scrumMaster } }))).toEqual([groups.mobile, groups.alpha, groups.noBacklog, groups.closed])
  })

  it('%NAME is a case-insensitive substring match, also for Cyrillic and umlauts', async () => {
    expect(ids(await list({ filter: { '%NAME': 'АЛЬФ' } }))).toEqual([groups.alpha])
    expect(ids(await list({ filter: { '%NAME': 'QUALITÄT' } }))).toEqual([groups.quality])
    expect(ids(await list({ filter: { '%NAME': '<core>' } }))).toEqual([groups.platform])
    // No Latin "a" in these two names ("а" in Альфа is Cyrillic).
    expect(ids(await list({ filter: { '!%NAME': 'a' }, params: { IS_ADMIN: 'Y' } }))).toEqual([groups.alpha, groups.project])
    expect(ids(await list({ filter: { '=NAME': 'mobile app' } }))).toEqual([groups.mobile])
    expect(ids(await list({ filter: { NAME: 'Mobile' } }))).toEqual([])
  })

  it('supports comparison, negation and IN prefixes', async () => {
    expect(ids(await list({ filter: { '>=ID': groups.emptyBacklog, '<ID': groups.plain } }))).toEqual([groups.emptyBacklog, groups.mistakenBacklog])
    expect(ids(await list({ filter: { ID: [groups.alpha, groups.mobile] } }))).toEqual([groups.mobile, groups.alpha])
    expect(ids(await list({ filter: { '!ID': groups.mobile, '<=ID': groups.alpha } }))).toEqual([groups.platform, groups.alpha])
    expect(ids(await list({ filter: { CLOSED: 'Y' } }))).toEqual([groups.closed])
    expect(ids(await list({ filter: { PROJECT: 'Y' } }))).toEqual([groups.project])
    // Unknown fields are ignored, not errors.
    expect(ids(await list({ filter: { NO_SUCH_FIELD: 1 } }))).toHaveLength(ids(await list({})).length)
  })

  it('select: ID always first, unknown dropped, AVATAR pulls IMAGE_ID and AVATAR_TYPE; camelCase string values', async () => {
    const r = await list({ filter: { ID: [groups.mobile, groups.plain] }, select: ['NAME', 'BOGUS', 'SCRUM_MASTER_ID', 'NUMBER_OF_MEMBERS', 'AVATAR', 'TYPE', 'DATE_CREATE', 'OPENED'] })
    const [mobile, plain] = r.body.result.workgroups
    expect(Object.keys(mobile)).toEqual(['id', 'name', 'scrumMasterId', 'numberOfMembers', 'avatar', 'imageId', 'avatarType', 'type', 'dateCreate', 'opened'])
    expect(mobile).toMatchObject({ id: String(groups.mobile), name: 'Mobile App', scrumMasterId: String(users.scrumMaster), numberOfMembers: '8', type: 'scrum', opened: 'Y', avatarType: null })
    expect(mobile.avatar).toBe(`${t.url}/avatars/group/${groups.mobile}.svg`)
    expect(mobile.imageId).toMatch(/^\d+$/)
    expect(mobile.dateCreate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/)
    expect(plain).toMatchObject({ scrumMasterId: null, type: 'group', avatar: '', imageId: null })
    expect(plain.avatarType).toEqual(expect.any(String))
  })

  it('orders by UPPER keys', async () => {
    const r = await list({ order: { NAME: 'desc' }, select: ['NAME'] }, users.regular)
    const names = r.body.result.workgroups.map((g: { name: string }) => g.name)
    expect(names).toEqual([...names].sort((a: string, b: string) => b.toLowerCase().localeCompare(a.toLowerCase())))
    expect(ids(await list({ order: { ID: 'DESC' } }, users.regular))[0]).toBe(groups.closed)
  })

  it('rejects a non-array filter with the binder error', async () => {
    expect(failure(await list({ filter: 'x' }))).toEqual({ status: 400, error: '100', description: 'Invalid value {x} to match with parameter {filter}. Should be value of type array.', keys: ['error', 'error_description'] })
  })
})

describe('socialnetwork.api.workgroup.get', () => {
  it('returns UPPER_SNAKE keys with mixed types', async () => {
    const r = await t.call('socialnetwork.api.workgroup.get', { params: { groupId: groups.mobile, select: ['AVATAR', 'PRIVACY_TYPE'] } })
    expect(r.status).toBe(200)
    const g = r.body.result
    expect(g).toMatchObject({ ID: groups.mobile, NAME: 'Mobile App', OWNER_ID: String(users.productOwner), SCRUM_MASTER_ID: users.scrumMaster, TYPE: 'scrum', VISIBLE: 'Y', NUMBER_OF_MEMBERS: 8, PRIVACY_TYPE: 'open' })
    expect(g.DATE_CREATE).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/)
    expect(g.MEMBERS).toContain(users.regular)
    expect(g.MODERATOR_MEMBERS).toEqual([users.scrumMaster, users.productOwner])
    expect(g.AVATAR).toBe(`${t.url}/avatars/group/${groups.mobile}.svg`)
    const plain = (await t.call('socialnetwork.api.workgroup.get', { params: { groupId: groups.plain } })).body.result
    expect(plain).toMatchObject({ SCRUM_MASTER_ID: 0, TYPE: 'group' })
    expect(plain.AVATAR).toBeUndefined()
  })

  it('errors: empty id and not found (also for a group the user cannot see)', async () => {
    const EMPTY = systemErr(400, 'SONET_CONTROLLER_WORKGROUP_EMPTY', 'No value for the workgroup ID was provided.')
    const NOT_FOUND = systemErr(400, 'SONET_CONTROLLER_WORKGROUP_NOT_FOUND', 'Workgroup not found.')
    expect(failure(await t.call('socialnetwork.api.workgroup.get', {}))).toEqual(EMPTY)
    expect(failure(await t.call('socialnetwork.api.workgroup.get', { params: { groupId: 0 } }))).toEqual(EMPTY)
    expect(failure(await t.call('socialnetwork.api.workgroup.get', { params: { groupId: 4242 } }))).toEqual(NOT_FOUND)
    expect(failure(await t.as(users.regular, 'socialnetwork.api.workgroup.get', { params: { groupId: groups.hiddenFromRegular } }))).toEqual(NOT_FOUND)
    // Admins see any group.
    expect((await t.call('socialnetwork.api.workgroup.get', { params: { groupId: groups.hiddenWithRegular } })).status).toBe(200)
  })
})

describe('sonet_group.get', () => {
  it('legacy shape: string values, no scrum fields, ID DESC by default, total', async () => {
    const r = await t.as(users.regular, 'sonet_group.get', {})
    expect(r.status).toBe(200)
    const rows = r.body.result
    expect(r.body.total).toBe(rows.length)
    expect(rows.map((g: { ID: string }) => Number(g.ID))).toEqual([...rows.map((g: { ID: string }) => Number(g.ID))].sort((a, b) => b - a))
    const mobile = rows.find((g: { ID: string }) => g.ID === String(groups.mobile))
    expect(mobile).toMatchObject({ NAME: 'Mobile App', ACTIVE: 'Y', VISIBLE: 'Y', OWNER_ID: String(users.productOwner), NUMBER_OF_MEMBERS: '8', SUBJECT_NAME: 'Workgroups', IS_EXTRANET: 'N' })
    expect(mobile.IMAGE).toBe(`${t.url}/avatars/group/${groups.mobile}.svg`)
    expect(mobile.SCRUM_MASTER_ID).toBeUndefined()
    expect(rows.map((g: { ID: string }) => Number(g.ID))).not.toContain(groups.hiddenFromRegular)
  })

  it('reads FILTER/ORDER case-insensitively and honours IS_ADMIN for admins', async () => {
    const r = await t.call('sonet_group.get', { filter: { '%name': 'platform' }, order: { id: 'asc' } })
    // "Data Platform" also matches but is hidden and the admin is not in it (no IS_ADMIN here).
    expect(r.body.result.map((g: { NAME: string }) => g.NAME)).toEqual(['R&D <Core> "Platform"'])
    expect((await t.call('sonet_group.get', { filter: { '%name': 'platform' }, IS_ADMIN: 'Y' })).body.total).toBe(2)
    expect((await t.call('sonet_group.get', { IS_ADMIN: 'Y' })).body.total).toBe(12)
    expect((await t.as(users.regular, 'sonet_group.get', { IS_ADMIN: 'Y' })).body.total).toBeLessThan(12)
  })
})

describe('sonet_group.create', () => {
  it('creates a scrum when SCRUM_MASTER_ID is given, without a backlog', async () => {
    const r = await t.as(users.regular, 'sonet_group.create', { NAME: 'New Scrum', VISIBLE: 'Y', OPENED: 'N', SCRUM_MASTER_ID: users.scrumMaster, OWNER_ID: users.admin })
    expect(r.status).toBe(200)
    expect(typeof r.body.result).toBe('number')
    const g = (await t.call('socialnetwork.api.workgroup.get', { params: { groupId: r.body.result } })).body.result
    // OWNER_ID is admin-only, so the caller owns it.
    expect(g).toMatchObject({ NAME: 'New Scrum', TYPE: 'scrum', SCRUM_MASTER_ID: users.scrumMaster, OWNER_ID: String(users.regular), OPENED: 'N' })
    expect(failure(await t.as(users.regular, 'tasks.api.scrum.backlog.get', { id: r.body.result })).description).toBe('Backlog not found')
    const plain = await t.call('sonet_group.create', { name: 'Plain', project: 'Y', owner_id: users.regular })
    const pg = (await t.call('socialnetwork.api.workgroup.get', { params: { groupId: plain.body.result } })).body.result
    expect(pg).toMatchObject({ TYPE: 'project', SCRUM_MASTER_ID: 0, OWNER_ID: String(users.regular) })
  })

  it('errors carry an empty code', async () => {
    expect(failure(await t.call('sonet_group.create', {}))).toEqual(systemErr(400, '', 'Incorrect input data'))
    expect(failure(await t.as(users.extranet, 'sonet_group.create', { NAME: 'x' }))).toEqual(systemErr(400, '', 'You have no permissions to create a group'))
    expect(failure(await t.call('sonet_group.create', { NAME: 'x', SCRUM_MASTER_ID: 99_999 }))).toEqual(systemErr(400, '', 'Cannot create group'))
  })

  it('the check script\'s temporary scrum: listed as a scrum, no backlog until backlog.add, then a working one', async () => {
    const id = (await t.call('sonet_group.create', { NAME: 'run-1 scrum', DESCRIPTION: 'temporary', VISIBLE: 'N', OPENED: 'N', SCRUM_MASTER_ID: users.admin })).body.result
    const listed = await list({ filter: { '%NAME': 'run-1', '!SCRUM_MASTER_ID': false }, select: ['ID', 'SCRUM_MASTER_ID', 'TYPE'] })
    expect(listed.body.result.workgroups).toStrictEqual([{ id: String(id), scrumMasterId: String(users.admin), type: 'scrum' }])
    expect(failure(await t.call('tasks.api.scrum.backlog.get', { id }))).toEqual(systemErr(400, '0', 'Backlog not found'))
    const backlog = (await t.call('tasks.api.scrum.backlog.add', { fields: { groupId: id, createdBy: users.admin } })).body.result
    expect((await t.call('tasks.api.scrum.backlog.get', { id })).body.result).toStrictEqual(backlog)
  })
})

describe('sonet_group.delete', () => {
  const create = async (NAME: string, user: number = users.admin) => (await t.as(user, 'sonet_group.create', { NAME, SCRUM_MASTER_ID: users.scrumMaster })).body.result as number

  it('the docs\' example {"GROUP_ID": …} answers true; the group, its backlog, sprints and epics are gone', async () => {
    const id = await create('Short-lived scrum')
    await t.call('tasks.api.scrum.backlog.add', { fields: { groupId: id, createdBy: users.admin } })
    await t.call('tasks.api.scrum.epic.add', { fields: { groupId: id, name: 'E' } })
    const r = await t.call('sonet_group.delete', { GROUP_ID: id })
    expect(r.status).toBe(200)
    expect(r.body.result).toBe(true)
    expect(t.portal.store.group(id)).toBeUndefined()
    expect(t.portal.store.backlogOf(id)).toBeUndefined()
    expect(t.portal.store.epicsOf(id)).toStrictEqual([])
    expect(failure(await t.call('socialnetwork.api.workgroup.get', { params: { groupId: id } })).description).toBe('Workgroup not found.')
    // Deleting it again: gone.
    expect(failure(await t.call('sonet_group.delete', { GROUP_ID: id }))).toEqual(systemErr(400, '', 'Socialnetwork group not found'))
  })

  it('errors, code "": Wrong group ID → not found → no permissions (admin or owner only) → Cannot delete group (it has tasks)', async () => {
    expect(failure(await t.call('sonet_group.delete', {}))).toEqual(systemErr(400, '', 'Wrong group ID'))
    expect(failure(await t.call('sonet_group.delete', { GROUP_ID: 'x' }))).toEqual(systemErr(400, '', 'Wrong group ID'))
    expect(failure(await t.call('sonet_group.delete', { GROUP_ID: 99_999 }))).toEqual(systemErr(400, '', 'Socialnetwork group not found'))
    expect(failure(await t.as(users.regular, 'sonet_group.delete', { GROUP_ID: groups.plain }))).toEqual(systemErr(400, '', 'User has no permissions to delete group'))
    expect(failure(await t.call('sonet_group.delete', { GROUP_ID: groups.mobile }))).toEqual(systemErr(400, '', 'Cannot delete group'))
    expect(t.portal.store.group(groups.mobile)).toBeDefined()
    // The owner may delete their own group; lower-case keys are read too.
    const own = await create('Mine', users.regular)
    expect((await t.as(users.regular, 'sonet_group.delete', { group_id: own })).body.result).toBe(true)
  })
})

describe('user.*', () => {
  it('user.current is the token owner in legacy shape', async () => {
    const r = await t.as(users.scrumMaster, 'user.current')
    expect(r.body.result).toMatchObject({ ID: String(users.scrumMaster), ACTIVE: true, NAME: 'Дмитрий', LAST_NAME: 'Соколов', SECOND_NAME: 'Андреевич', WORK_POSITION: 'Scrum master', UF_DEPARTMENT: [1], USER_TYPE: 'employee' })
    expect(r.body.result.PERSONAL_PHOTO).toBe(`${t.url}/avatars/user/${users.scrumMaster}.svg`)
    expect(r.body.total).toBeUndefined()
  })

  it('user.get: ID ASC, total, FILTER / filter / top-level keys, ID arrays and @ID', async () => {
    const all = await t.call('user.get', {})
    expect(all.body.result.map((u: { ID: string }) => u.ID)).toEqual(Array.from({ length: 16 }, (_, i) => String(i + 1)))
    expect(all.body.total).toBe(16)
    expect(all.body.next).toBeUndefined()
    const pick = async (params: Record<string, unknown>) => (await t.call('user.get', params)).body.result.map((u: { ID: string }) => Number(u.ID))
    expect(await pick({ FILTER: { ID: [users.regular, users.admin] } })).toEqual([users.admin, users.regular])
    expect(await pick({ filter: { '@ID': [users.qa, users.designer] } })).toEqual([users.qa, users.designer])
    expect(await pick({ ID: users.techLead })).toEqual([users.techLead])
    expect(await pick({ FILTER: { '!@ID': [1, 2, 3] } })).toHaveLength(13)
    const active = await pick({ FILTER: { ACTIVE: true } })
    expect(active).not.toContain(users.inactive)
    expect(active).toHaveLength(14)
    expect(await pick({ FILTER: { ACTIVE: 'N' } })).toEqual([users.inactive, users.inactive2])
    expect(await pick({ FILTER: { NAME_SEARCH: 'иван' } })).toEqual([users.qa])
    expect(await pick({ FILTER: { USER_TYPE: 'extranet' } })).toEqual([users.extranet])
    expect(await pick({ sort: 'ID', order: 'DESC', FILTER: { ID: [1, 2] } })).toEqual([2, 1])
  })

  it('user.search: FILTER.FIND over name, last name and position', async () => {
    const find = async (q: string) => (await t.as(users.regular, 'user.search', { FILTER: { FIND: q } })).body.result.map((u: { ID: string }) => Number(u.ID))
    expect(await find('müller')).toEqual([users.productOwner])
    expect(await find('developer')).toEqual([users.backend, users.regular, users.mobileDev, users.backend2, users.inactive])
    expect(await find('张')).toEqual([users.backend])
    expect(await find('qa engineer')).toEqual([users.qa])
  })
})
