/** System errors any call can meet (digest §10.1). */
import type { Check } from '../context'
import { METHOD_NOT_FOUND } from '../docs'

export const errorChecks: Check[] = [
  {
    family: 'errors',
    name: 'unknown method',
    async run(ctx) {
      await ctx.both('tasks.api.scrum.nosuch.get (unknown method)', {
        request: (s) => s.call('tasks.api.scrum.nosuch.get', { id: 1 }),
        contract: (e, ex) => e.error(ex, METHOD_NOT_FOUND),
      })
    },
  },
]
