import type { Backlog } from '@/lib/backlog/backlog-fields'
import type { Group } from '@/lib/groups/workgroup-fields'
import { useI18n } from '@/i18n'
import { ErrorNotice } from '@/ui/ErrorNotice'
import { Notice } from '@/ui/Notice'
import { useBacklogItemCount } from '../api/count-backlog-items'
import './backlog-settings.css'

interface StrayBacklogProps {
  group: Group
  backlog: Backlog
  onDelete: () => void
}

/**
 * A backlog on a group that is not a scrum: Bitrix24 only uses backlogs in scrums, so it was added
 * by mistake. The repair (delete) is offered only when it can succeed: the backlog must be empty.
 */
export function StrayBacklog({ group, backlog, onDelete }: StrayBacklogProps) {
  const { t } = useI18n()
  const count = useBacklogItemCount(group.id, backlog.id)
  const actions =
    count.data === 0 ? [{ label: t('group.stray.delete'), onPress: onDelete, variant: 'primary' as const }] : []
  return (
    <Notice tone="warning" title={t('group.stray.title', { name: group.name })} actions={actions} urgent={false}>
      <p className="ui-alert__text">{t('group.stray.why')}</p>
      {count.isPending && <p className="ui-alert__text muted">{t('group.stray.counting')}</p>}
      {count.data === 0 && <p className="ui-alert__text">{t('group.stray.empty')}</p>}
      {count.data !== undefined && count.data > 0 && <p className="ui-alert__text">{t('group.stray.hasItems', { count: count.data })}</p>}
      {count.isError && <ErrorNotice error={count.error} onRetry={() => void count.refetch()} />}
    </Notice>
  )
}
