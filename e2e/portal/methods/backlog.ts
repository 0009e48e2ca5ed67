/**
 * tasks.api.scrum.backlog.* (digest §2). Checks run in the source's order, and only the first
 * error is reported, so each test can reach every error on purpose.
 */
import type { ScrumEntity } from '../data/model'
import { engineError } from '../rest/errors'
import { bindArray, bindInt } from '../rest/params'
import { phpInt } from '../rest/php'
import type { MethodContext, MethodTable } from '../rest/registry'

/** The backlog object: four ints, nothing else (digest §2). */
export function backlogView(backlog: ScrumEntity) {
  return { id: backlog.id, groupId: backlog.groupId, createdBy: backlog.createdBy, modifiedBy: backlog.modifiedBy }
}

/** The source's backlog lookup: a sprint id is "not found" too, since the type must be backlog. */
function findBacklog(ctx: MethodContext, id: number): ScrumEntity {
  const entity = ctx.store.entity(id)
  if (!entity || entity.entityType !== 'backlog') throw engineError('Backlog not found')
  return entity
}

function requireReadable(ctx: MethodContext, groupId: number): void {
  if (!ctx.store.canReadGroup(ctx.user.id, groupId)) throw engineError('Access denied')
}

/** createdBy/modifiedBy: 0 means "not given" (stored as 0, not validated); others must exist. */
function userField(ctx: MethodContext, fields: Record<string, unknown>, name: 'createdBy' | 'modifiedBy'): number {
  const id = phpInt(fields[name] ?? 0)
  if (id !== 0 && !ctx.store.user(id)) throw engineError(`${name} user not found`)
  return id
}

export const backlogMethods: MethodTable = {
  'tasks.api.scrum.backlog.get': {
    scope: 'task',
    handler(params, ctx) {
      // `id` is the GROUP id here, not the backlog id.
      const groupId = bindInt(params, 'id')
      if (!groupId) throw engineError('Group id not found')
      const backlog = ctx.store.backlogOf(groupId)
      if (!backlog) throw engineError('Backlog not found')
      requireReadable(ctx, groupId)
      return { result: backlogView(backlog) }
    },
  },

  'tasks.api.scrum.backlog.add': {
    scope: 'task',
    handler(params, ctx) {
      const fields = bindArray(params, 'fields')
      const groupId = phpInt(fields.groupId ?? 0)
      if (!groupId) throw engineError('Group id not found')
      // No "is it a scrum?" check: the real server lets a backlog be added to any group.
      requireReadable(ctx, groupId)
      if (ctx.store.backlogOf(groupId)) throw engineError('Backlog already added')
      // The source's `$fields['createdBy'] ?? 0` means an omitted author is stored as 0, not the caller.
      const createdBy = userField(ctx, fields, 'createdBy')
      const modifiedBy = userField(ctx, fields, 'modifiedBy')
      return { result: backlogView(ctx.store.addBacklog({ groupId, createdBy, modifiedBy })) }
    },
  },

  'tasks.api.scrum.backlog.update': {
    scope: 'task',
    handler(params, ctx) {
      const id = bindInt(params, 'id')
      const fields = bindArray(params, 'fields')
      if (!id) throw engineError('Backlog id not found')
      const backlog = findBacklog(ctx, id)
      requireReadable(ctx, backlog.groupId)
      const changes: { groupId?: number; createdBy?: number; modifiedBy: number } = { modifiedBy: 0 }
      const targetGroup = phpInt(fields.groupId ?? 0)
      if (targetGroup && targetGroup !== backlog.groupId) {
        if (ctx.store.hasItems(backlog.id)) throw engineError('It is forbidden move a backlog with items')
        if (ctx.store.backlogOf(targetGroup)) throw engineError('The target group already has a backlog')
        // The source checks no access to the target group, so neither do we.
        changes.groupId = targetGroup
      }
      if (Object.hasOwn(fields, 'createdBy')) changes.createdBy = userField(ctx, fields, 'createdBy')
      // An omitted modifiedBy is written as 0 (digest §2.3).
      changes.modifiedBy = userField(ctx, fields, 'modifiedBy')
      return { result: backlogView(ctx.store.updateBacklog(backlog.id, changes)) }
    },
  },

  'tasks.api.scrum.backlog.delete': {
    scope: 'task',
    handler(params, ctx) {
      const id = bindInt(params, 'id')
      if (!id) throw engineError('Backlog id not found')
      const backlog = findBacklog(ctx, id)
      requireReadable(ctx, backlog.groupId)
      if (ctx.store.hasItems(backlog.id)) throw engineError('It is forbidden remove a backlog with items')
      ctx.store.deleteBacklog(backlog.id)
      // PHP's empty array.
      return { result: [] }
    },
  },

  'tasks.api.scrum.backlog.getfields': {
    scope: 'task',
    handler() {
      return { result: { fields: { groupId: { type: 'integer' }, createdBy: { type: 'integer' }, modifiedBy: { type: 'integer' } } } }
    },
  },
}
