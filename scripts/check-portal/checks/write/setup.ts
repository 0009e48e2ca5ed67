/**
 * The run's own groups: a scrum (scrum master = the webhook user) and a plain group, both hidden
 * (VISIBLE N), named with the run's tag. Open question 2 is asked on them right away.
 */
import type { Check } from '../../context'
import type { Detected } from '../../model'
import { command } from '../../phpQuery'
import { detectScrumFilterWrite, mergeProbes, QUESTIONS } from '../../questions'
import { errorText, field, resultOf } from '../util'
import { createdId, register } from './resources'

const LIST = 'socialnetwork.api.workgroup.list'

const groupParams = (tag: string, kind: 'scrum' | 'plain', me: number) => ({
  NAME: `${tag} ${kind}`,
  DESCRIPTION: 'Created by npm run check:portal and deleted at the end of the run.',
  VISIBLE: 'N',
  OPENED: 'N',
  ...(kind === 'scrum' ? { SCRUM_MASTER_ID: me } : {}),
})

export const setupCheck: Check = {
  family: 'write: groups',
  name: 'sonet_group.create',
  write: true,
  async run(ctx) {
    ctx.need('sonet_group.create', 'the webhook user (user.current)', (s) => (s.me > 0 ? s.me : undefined))
    for (const kind of ['scrum', 'plain'] as const) {
      await ctx.both(`sonet_group.create ${kind === 'scrum' ? 'scrum (SCRUM_MASTER_ID = webhook user)' : 'plain group'}`, {
        request: (s) => s.call('sonet_group.create', groupParams(ctx.run.tag, kind, s.me)),
        created(ex, s) {
          const id = createdId(ex)
          if (!id) return
          if (kind === 'scrum') s.w.groupId = id
          else s.w.plainGroupId = id
          register(s, 'group', id, `${ctx.run.tag} ${kind}`)
        },
        contract: (e, ex) => void e.type('result', e.success(ex), 'int'),
      })
    }

    const ids = ctx.need('open question 2 (write)', 'both groups the run created', (s) => (s.w.groupId && s.w.plainGroupId ? s.w : undefined))
    const params = { filter: { '%NAME': ctx.run.tag, '!SCRUM_MASTER_ID': false }, select: ['ID', 'SCRUM_MASTER_ID'], order: { ID: 'ASC' } }
    const json = await ctx.both(`${LIST} the run's groups with {"!SCRUM_MASTER_ID": false}`, { request: (s) => s.call(LIST, params), informational: true })
    const batch = await ctx.both(`batch ${LIST} the run's groups with filter[!SCRUM_MASTER_ID]=`, {
      request: (s) => s.call('batch', { halt: 0, cmd: { g: command(LIST, params) } }),
      informational: true,
    })
    const detect = (side: 'target' | 'reference'): Detected => {
      const { groupId, plainGroupId } = ids[side]
      const a = detectScrumFilterWrite(resultOf(json[side]), errorText(json[side]), groupId!, plainGroupId!)
      const batchError = field(field(resultOf(batch[side]), 'result_error'), 'g')
      const b = detectScrumFilterWrite(field(field(resultOf(batch[side]), 'result'), 'g'), batchError === undefined ? undefined : String(field(batchError, 'error_description')), groupId!, plainGroupId!)
      return mergeProbes(a, b)
    }
    ctx.answer('scrumFilterWrite', QUESTIONS.scrumFilterWrite, { target: detect('target'), reference: detect('reference') })
  },
}
