import type { BacklogStatus } from '@/lib/backlog/backlog-fields'
import { useI18n } from '@/i18n'
import { Badge } from '@/ui/Badge'

export function BacklogStatusBadge({ status, id }: { status: BacklogStatus; id?: string }) {
  const { t } = useI18n()
  if (status === 'present') return <Badge id={id} tone="success">{t('groups.badge.present')}</Badge>
  if (status === 'missing') return <Badge id={id} tone="warning">{t('groups.badge.missing')}</Badge>
  return <Badge id={id} tone="muted">{t('groups.badge.unknown')}</Badge>
}
