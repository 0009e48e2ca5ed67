/**
 * placement.bind / unbind / get: the app registers its widgets (here: a tab in workgroups).
 * Admin-only and only from the app itself (an OAuth token), never a webhook [DOC placement-bind;
 * digest §10.1 WRONG_AUTH_TYPE]. "Handler already binded" is the portal's own text for a repeat bind.
 */
import type { PlacementBinding } from '../data/model'
import { methodError } from '../rest/errors'
import type { Params } from '../rest/params'
import type { MethodContext, MethodTable } from '../rest/registry'

/** The placement codes this dev portal can show. */
const KNOWN_PLACEMENTS = new Set(['SONET_GROUP_DETAIL_TAB', 'TASK_VIEW_TAB', 'LEFT_MENU', 'DEFAULT'])

function text(params: Params, name: string): string {
  const value = params[name] ?? params[name.toLowerCase()]
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : ''
}

/** Placements belong to an app: a webhook has none (WRONG_AUTH_TYPE). */
function requireAppContext(ctx: MethodContext): void {
  if (ctx.principal.kind !== 'oauth') {
    throw methodError('WRONG_AUTH_TYPE', 'Current authorization type is denied for this method. Application context required.', 403)
  }
}

/** Then admin rights [INF: the REST server's AccessException text]. */
function requireAppAdmin(ctx: MethodContext): void {
  requireAppContext(ctx)
  if (!ctx.user.isAdmin) throw methodError('ACCESS_DENIED', 'Access denied! Administrator permissions required.', 403)
}

/** ERROR_ARGUMENT names the missing argument, as the docs' example shows. */
function required(params: Params, name: string): string {
  const value = text(params, name)
  if (!value) throw methodError('ERROR_ARGUMENT', `Argument '${name}' is null or empty`)
  return value
}

function bindingView(binding: PlacementBinding) {
  return {
    placement: binding.placement,
    handler: binding.handler,
    options: [],
    title: binding.title,
    description: binding.description,
    langAll: Object.keys(binding.langAll).length ? binding.langAll : [],
  }
}

export const placementMethods: MethodTable = {
  'placement.bind': {
    scope: 'placement',
    handler(params, ctx) {
      requireAppAdmin(ctx)
      const placement = required(params, 'PLACEMENT').toUpperCase()
      const handler = required(params, 'HANDLER')
      if (!KNOWN_PLACEMENTS.has(placement)) throw methodError('ERROR_PLACEMENT_NOT_FOUND', 'Placement not found')
      if (ctx.store.placements.some((b) => b.placement === placement && b.handler === handler)) {
        throw methodError('ERROR_CORE', 'Handler already binded')
      }
      const langAll = (typeof params.LANG_ALL === 'object' && params.LANG_ALL !== null ? params.LANG_ALL : {}) as PlacementBinding['langAll']
      ctx.store.placements.push({ placement, handler, title: text(params, 'TITLE'), description: text(params, 'DESCRIPTION'), langAll })
      return { result: true }
    },
  },

  'placement.unbind': {
    scope: 'placement',
    handler(params, ctx) {
      requireAppAdmin(ctx)
      const placement = required(params, 'PLACEMENT').toUpperCase()
      const handler = text(params, 'HANDLER')
      const before = ctx.store.placements.length
      ctx.store.placements = ctx.store.placements.filter((b) => b.placement !== placement || (handler !== '' && b.handler !== handler))
      return { result: { count: before - ctx.store.placements.length } }
    },
  },

  'placement.get': {
    scope: 'placement',
    handler(_params, ctx) {
      // "Who can execute the method: administrator", like bind and unbind [DOC placement-get].
      requireAppAdmin(ctx)
      return { result: ctx.store.placements.map(bindingView) }
    },
  },
}
