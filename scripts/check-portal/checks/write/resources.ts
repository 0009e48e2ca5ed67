/**
 * Registering what the write flow creates, right when a portal answers the create, so cleanup can
 * remove it whatever happens next; and marking it removed when the flow deletes it itself.
 */
import type { ResourceKind } from '../../cleanup'
import type { Side } from '../../context'
import { GROUP_NOT_FOUND, SPRINT_NOT_FOUND } from '../../docs'
import type { Exchange } from '../../http'
import { errorText, field, idOf, resultOf } from '../util'

const REMOVE: Record<ResourceKind, { method: string; params: (id: number) => Record<string, unknown>; goneTexts: readonly string[] }> = {
  task: { method: 'tasks.task.delete', params: (id) => ({ taskId: id }), goneTexts: [] },
  epic: { method: 'tasks.api.scrum.epic.delete', params: (id) => ({ id }), goneTexts: ['Epic not found'] },
  sprint: { method: 'tasks.api.scrum.sprint.delete', params: (id) => ({ id }), goneTexts: SPRINT_NOT_FOUND },
  backlog: { method: 'tasks.api.scrum.backlog.delete', params: (id) => ({ id }), goneTexts: ['Backlog not found'] },
  group: { method: 'sonet_group.delete', params: (id) => ({ GROUP_ID: id }), goneTexts: [GROUP_NOT_FOUND] },
}

export function register(side: Side, kind: ResourceKind, id: number, label: string): void {
  const how = REMOVE[kind]
  side.cleanup.add({
    kind,
    id,
    label: `${kind} ${id} (${label})`,
    remove: () => side.call(how.method, how.params(id), { ignoreAbort: true }),
    gone: (ex) => how.goneTexts.includes(errorText(ex) ?? ''),
  })
}

/** The id a create answered: `result` itself (sonet_group.create), `result.id`, or `result.task.id`. */
export function createdId(ex: Exchange): number | undefined {
  if (errorText(ex) !== undefined || ex.status !== 200) return undefined
  const result = resultOf(ex)
  return idOf(result) ?? idOf(field(result, 'id')) ?? idOf(field(field(result, 'task'), 'id'))
}

/** A delete the flow sent itself: forget the resource when it went. */
export function removed(side: Side, kind: ResourceKind, id: number, ex: Exchange): void {
  if (ex.status === 200 && errorText(ex) === undefined) side.cleanup.done(kind, id)
}
