import type { BacklogStatus } from '@/lib/backlog/backlog-fields'
import { useI18n } from '@/i18n'
import { Badge } from '@/ui'

export function BacklogStatusBadge({ status }: { status: BacklogStatus }) {
  const { t } = useI18n()
  if (status === 'present') return <Badge tone="success">{t('groups.badge.present')}</Badge>
  if (status === 'missing') return <Badge tone="warning">{t('groups.badge.missing')}</Badge>
  return <Badge tone="muted">{t('groups.badge.unknown')}</Badge>
}
