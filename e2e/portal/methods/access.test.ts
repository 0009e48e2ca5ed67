/**
 * Who may do what the app's UI offers, for a regular member (users.regular) against the
 * administrator. Scrum methods are open to "any user" but check `canReadGroupTasks` (a member of
 * the group, or a portal admin) and answer the engine error "Access denied" [DOC, digest §1];
 * placement.* is for administrators, from the app only [DOC placement-bind/unbind/get].
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { engineErr, failure, SEED, setupPortal, systemErr, type Reply } from '../test-helpers'

const t = setupPortal({ appUrl: 'http://localhost:7101/' })
const { users, groups, backlogs, epics } = SEED
const DENIED = engineErr('Access denied')
const ok = (r: Reply) => [r.status, r.body.error]

beforeEach(async () => {
  await t.reset()
})

describe('the seed the rules are checked on', () => {
  it('the regular user is in mobile (member), emptyBacklog (owner) and noBacklog, not in quality, hiddenFromRegular, project, mistakenBacklog', () => {
    const { store } = t.portal
    for (const g of [groups.mobile, groups.emptyBacklog, groups.noBacklog]) expect(store.isMember(users.regular, g)).toBe(true)
    for (const g of [groups.quality, groups.hiddenFromRegular, groups.project, groups.mistakenBacklog]) expect(store.isMember(users.regular, g)).toBe(false)
    expect(store.group(groups.mobile)?.members.get(users.regular)).toBe('K')
    // There the admin's rights come from being an admin, not from membership (they own hiddenFromRegular).
    for (const g of [groups.quality, groups.mistakenBacklog]) expect(store.isMember(users.admin, g)).toBe(false)
    expect(store.user(users.admin)?.isAdmin).toBe(true)
    expect(store.user(users.regular)?.isAdmin).toBe(false)
  })
})

describe('tasks.api.scrum.backlog.*', () => {
  it('get: members and the admin read a backlog; others get Access denied', async () => {
    expect((await t.as(users.regular, 'tasks.api.scrum.backlog.get', { id: groups.emptyBacklog })).body.result.id).toBe(backlogs.emptyBacklog)
    for (const g of [groups.quality, groups.hiddenFromRegular]) {
      expect(failure(await t.as(users.regular, 'tasks.api.scrum.backlog.get', { id: g }))).toEqual(DENIED)
      expect(ok(await t.as(users.admin, 'tasks.api.scrum.backlog.get', { id: g }))).toEqual([200, undefined])
    }
  })

  it('add: a plain member may add the missing backlog; a non-member may not, the admin may', async () => {
    const add = (user: number, groupId: number) => t.as(user, 'tasks.api.scrum.backlog.add', { fields: { groupId, createdBy: user } })
    expect(ok(await add(users.regular, groups.noBacklog))).toEqual([200, undefined])
    expect(failure(await add(users.regular, groups.project))).toEqual(DENIED)
    expect(t.portal.store.backlogOf(groups.project)).toBeUndefined()
    // Access is checked before "already added": a non-member learns nothing about the group.
    expect(failure(await add(users.regular, groups.quality))).toEqual(DENIED)
    expect(failure(await add(users.admin, groups.quality))).toEqual(engineErr('Backlog already added'))
    expect((await add(users.admin, groups.project)).body.result).toMatchObject({ groupId: groups.project, createdBy: users.admin })
  })

  it('update: members and the admin; a non-member changes nothing', async () => {
    const update = (user: number, id: number) => t.as(user, 'tasks.api.scrum.backlog.update', { id, fields: { createdBy: user } })
    expect((await update(users.regular, backlogs.emptyBacklog)).body.result).toMatchObject({ id: backlogs.emptyBacklog, createdBy: users.regular })
    expect((await update(users.regular, backlogs.mobile)).body.result).toMatchObject({ id: backlogs.mobile, createdBy: users.regular })
    for (const id of [backlogs.quality, backlogs.hiddenFromRegular]) {
      const before = { ...t.portal.store.entity(id) }
      expect(failure(await update(users.regular, id))).toEqual(DENIED)
      expect(t.portal.store.entity(id)).toStrictEqual(before)
      expect((await update(users.admin, id)).body.result).toMatchObject({ id, createdBy: users.admin })
    }
  })

  it('delete: a plain member may delete an empty backlog of their group; a non-member may not, the admin may', async () => {
    const del = (user: number, id: number) => t.as(user, 'tasks.api.scrum.backlog.delete', { id })
    const { backlog } = await t.control('planning-opened', { groupId: groups.noBacklog })
    expect((await del(users.regular, backlog.id)).body.result).toStrictEqual([])
    expect((await del(users.regular, backlogs.emptyBacklog)).body.result).toStrictEqual([])
    // Access comes before the "has items" check.
    expect(failure(await del(users.regular, backlogs.hiddenFromRegular))).toEqual(DENIED)
    expect(failure(await del(users.admin, backlogs.hiddenFromRegular))).toEqual(engineErr('It is forbidden remove a backlog with items'))
    expect(failure(await del(users.regular, backlogs.mistakenBacklog))).toEqual(DENIED)
    expect(t.portal.store.backlogOf(groups.mistakenBacklog)?.id).toBe(backlogs.mistakenBacklog)
    expect((await del(users.admin, backlogs.mistakenBacklog)).body.result).toStrictEqual([])
    expect(t.portal.store.backlogOf(groups.mistakenBacklog)).toBeUndefined()
  })
})

describe('tasks.api.scrum.epic.*', () => {
  const add = (user: number, groupId: number) => t.as(user, 'tasks.api.scrum.epic.add', { fields: { groupId, name: 'Access check' } })

  it('add: in the member’s groups; Access denied elsewhere, except for the admin', async () => {
    for (const g of [groups.mobile, groups.emptyBacklog]) expect((await add(users.regular, g)).body.result).toMatchObject({ groupId: g, createdBy: users.regular })
    for (const g of [groups.quality, groups.hiddenFromRegular]) {
      expect(failure(await add(users.regular, g))).toEqual(DENIED)
      expect(t.portal.store.epicsOf(g).some((e) => e.name === 'Access check')).toBe(false)
      expect((await add(users.admin, g)).body.result).toMatchObject({ groupId: g, createdBy: users.admin })
    }
  })

  it('update: in the member’s groups only, and never into a group the member is not in', async () => {
    const update = (user: number, id: number, fields: Record<string, unknown>) => t.as(user, 'tasks.api.scrum.epic.update', { id, fields })
    expect((await update(users.regular, epics.payments, { name: 'Payments v2' })).body.result).toMatchObject({ name: 'Payments v2', modifiedBy: users.regular })
    const { id: sandboxEpic } = (await add(users.regular, groups.emptyBacklog)).body.result
    expect((await update(users.regular, sandboxEpic, { color: '#000000' })).body.result.color).toBe('#000000')

    expect(failure(await update(users.regular, epics.nebulaCompliance, { name: 'Hijacked' }))).toEqual(DENIED)
    expect(t.portal.store.epic(epics.nebulaCompliance)?.name).toBe('Compliance')
    expect(failure(await update(users.regular, epics.payments, { groupId: groups.quality }))).toEqual(DENIED)
    expect(t.portal.store.epic(epics.payments)?.groupId).toBe(groups.mobile)

    expect((await update(users.admin, epics.nebulaCompliance, { name: 'Compliance 2' })).body.result.name).toBe('Compliance 2')
    expect((await update(users.admin, epics.payments, { groupId: groups.quality })).body.result.groupId).toBe(groups.quality)
  })

  it('delete: in the member’s groups only; the admin anywhere', async () => {
    const del = (user: number, id: number) => t.as(user, 'tasks.api.scrum.epic.delete', { id })
    const { id: sandboxEpic } = (await add(users.regular, groups.emptyBacklog)).body.result
    expect((await del(users.regular, sandboxEpic)).body.result).toStrictEqual([])
    expect((await del(users.regular, epics.offline)).body.result).toStrictEqual([])
    expect(failure(await del(users.regular, epics.nebulaCompliance))).toEqual(DENIED)
    expect(t.portal.store.epic(epics.nebulaCompliance)).toBeDefined()
    const { id: qualityEpic } = (await add(users.admin, groups.quality)).body.result
    expect(failure(await del(users.regular, qualityEpic))).toEqual(DENIED)
    expect((await del(users.admin, qualityEpic)).body.result).toStrictEqual([])
    expect((await del(users.admin, epics.nebulaCompliance)).body.result).toStrictEqual([])
    expect(t.portal.store.epic(epics.nebulaCompliance)).toBeUndefined()
  })

  it('get / list: the member sees their groups’ epics only; the admin sees all', async () => {
    expect(failure(await t.as(users.regular, 'tasks.api.scrum.epic.get', { id: epics.nebulaCompliance }))).toEqual(DENIED)
    expect((await t.as(users.admin, 'tasks.api.scrum.epic.get', { id: epics.nebulaCompliance })).body.result.id).toBe(epics.nebulaCompliance)
    const ids = async (user: number) => (await t.as(user, 'tasks.api.scrum.epic.list', {})).body.result.map((e: { id: number }) => e.id)
    expect(await ids(users.regular)).not.toContain(epics.nebulaCompliance)
    expect(await ids(users.regular)).toContain(epics.payments)
    expect(await ids(users.admin)).toContain(epics.nebulaCompliance)
  })
})

describe('scrum items and tasks', () => {
  const firstTaskOf = (groupId: number) => [...t.portal.store.tasks.values()].find((task) => task.groupId === groupId && t.portal.store.itemOf(task.id))?.id ?? 0

  it('tasks.api.scrum.task.update: story points in the member’s groups; Access denied elsewhere, except for the admin', async () => {
    const update = (user: number, id: number) => t.as(user, 'tasks.api.scrum.task.update', { id, fields: { storyPoints: '13' } })
    const mine = firstTaskOf(groups.mobile)
    expect((await update(users.regular, mine)).body.result).toBe(true)
    const theirs = firstTaskOf(groups.quality)
    const before = t.portal.store.itemOf(theirs)?.storyPoints
    expect(failure(await update(users.regular, theirs))).toEqual(DENIED)
    expect(t.portal.store.itemOf(theirs)?.storyPoints).toBe(before)
    expect((await update(users.admin, theirs)).body.result).toBe(true)
    expect(t.portal.store.itemOf(theirs)?.storyPoints).toBe('13')
  })

  it('tasks.task.add: into a group the member is in; not into another, unless admin', async () => {
    const add = (user: number, groupId: number) => t.as(user, 'tasks.task.add', { fields: { TITLE: 'Access check', RESPONSIBLE_ID: user, GROUP_ID: groupId } })
    expect((await add(users.regular, groups.mobile)).body.result.task.groupId).toBe(String(groups.mobile))
    const before = t.portal.store.tasks.size
    expect(failure(await add(users.regular, groups.quality))).toEqual(systemErr(400, '0', 'Action on the task is not allowed (internal error)'))
    expect(t.portal.store.tasks.size).toBe(before)
    expect((await add(users.admin, groups.quality)).body.result.task.groupId).toBe(String(groups.quality))
  })
})

describe('placement.*', () => {
  const TAB = 'SONET_GROUP_DETAIL_TAB'
  const HANDLER = 'http://localhost:7101/'
  const ADMIN_ONLY = systemErr(403, 'ACCESS_DENIED', 'Access denied! Administrator permissions required.')
  const APP_ONLY = systemErr(403, 'WRONG_AUTH_TYPE', 'Current authorization type is denied for this method. Application context required.')

  it('bind, unbind and get: administrators only; a regular member changes nothing', async () => {
    expect(failure(await t.as(users.regular, 'placement.unbind', { PLACEMENT: TAB, HANDLER }))).toEqual(ADMIN_ONLY)
    expect(failure(await t.as(users.regular, 'placement.bind', { PLACEMENT: TAB, HANDLER: 'http://localhost:7101/other' }))).toEqual(ADMIN_ONLY)
    expect(failure(await t.as(users.regular, 'placement.get'))).toEqual(ADMIN_ONLY)
    expect(t.portal.store.placements.map((b) => b.handler)).toEqual([HANDLER])

    expect((await t.as(users.admin, 'placement.get')).body.result).toHaveLength(1)
    expect((await t.as(users.admin, 'placement.unbind', { PLACEMENT: TAB, HANDLER })).body.result).toStrictEqual({ count: 1 })
    expect((await t.as(users.admin, 'placement.bind', { PLACEMENT: TAB, HANDLER })).body.result).toBe(true)
  })

  it('a webhook has no app context: WRONG_AUTH_TYPE comes first, for admins and others alike', async () => {
    t.portal.state.auth.addWebhook(users.regular, 'regularhook')
    for (const hook of [`/rest/${users.admin}/devportaladminhook`, `/rest/${users.regular}/regularhook`]) {
      for (const method of ['placement.bind', 'placement.unbind', 'placement.get']) {
        expect(failure(await t.call(method, { PLACEMENT: TAB, HANDLER }, { token: null, path: `${hook}/${method}` }))).toEqual(APP_ONLY)
      }
    }
  })
})
