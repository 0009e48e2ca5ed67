/** Reading answers inside checks without fighting `unknown` at every step. */
import type { Check } from '../context'
import { isObject } from '../contract'
import { GET_FIELDS } from '../docs'
import type { Exchange } from '../http'

/** `body.result`, or undefined for an error answer. */
export function resultOf(ex: Exchange): unknown {
  return isObject(ex.body) && 'result' in ex.body ? ex.body.result : undefined
}

/** An id sent as a number or a numeric string (workgroup.list and tasks.task.* use strings). */
export function idOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value
  if (typeof value === 'string' && /^\d+$/.test(value) && Number(value) > 0) return Number(value)
  return undefined
}

/** `result[key]` as an array of objects ([] when it is not one). */
export function listAt(value: unknown, key?: string): Array<Record<string, unknown>> {
  const list = key === undefined ? value : isObject(value) ? value[key] : undefined
  return Array.isArray(list) ? list.filter(isObject) : []
}

export function field(value: unknown, key: string): unknown {
  return isObject(value) ? value[key] : undefined
}

/** The error text of an answer, or undefined for a success. */
export function errorText(ex: Exchange): string | undefined {
  return isObject(ex.body) && 'error' in ex.body ? String(ex.body.error_description ?? '') : undefined
}

export const ascending = (ids: number[]) => ids.every((id, i) => i === 0 || ids[i - 1]! <= id)

/** `tasks.api.scrum.<entity>.getFields`: the documented field list, the same for every entity. */
export function getFieldsCheck(family: string, entity: keyof typeof GET_FIELDS): Check {
  const method = `tasks.api.scrum.${entity}.getFields`
  return {
    family,
    name: `${entity === 'task' ? 'scrum.task' : entity}.getFields`,
    async run(ctx) {
      await ctx.both(method, {
        request: (s) => s.call(method),
        contract: (e, ex) => void e.equal('result', e.success(ex), { fields: GET_FIELDS[entity] }),
      })
    },
  }
}
