import { useState } from 'react'
import { RestError } from '@/bitrix'
import { usePortal } from '@/lib/portal-context'
import { useGroup } from '@/lib/groups/get-group'
import { useUsers } from '@/lib/users/get-users'
import { useI18n } from '@/i18n'
import { Avatar, Badge, Button, ErrorNotice } from '@/ui'
import { useBacklog } from '@/features/backlog-settings/api/get-backlog'
import { BacklogAccessDenied } from './components/BacklogAccessDenied'
import { BacklogDetails } from '@/features/backlog-settings/components/BacklogDetails'
import { BacklogNotFound } from '@/features/backlog-settings/components/BacklogNotFound'
import { DeleteBacklogDialog } from '@/features/backlog-settings/components/DeleteBacklogDialog'
import { EditBacklogDialog } from '@/features/backlog-settings/components/EditBacklogDialog'
import { GroupNotFound, NotAScrum } from './components/GroupGuard'
import { StrayBacklog } from '@/features/backlog-settings/components/StrayBacklog'
import { ItemsPanel } from './components/ItemsPanel'
import './planning.css'

interface PlanningScreenProps {
  groupId: number
  onBack: () => void
  onGroupChange: (groupId: number) => void
}

/**
 * One scrum's backlog: see it, create it when missing, edit or delete it. What the group is comes
 * first: nothing is offered until the app knows it is a scrum (a workgroup tab opens in any group).
 */
export function PlanningScreen({ groupId, onBack, onGroupChange }: PlanningScreenProps) {
  const { t } = useI18n()
  const portal = usePortal()
  const group = useGroup(groupId, portal.origin, portal.isAdmin)
  const backlog = useBacklog(groupId)
  const users = useUsers(backlog.data ? [backlog.data.createdBy, backlog.data.modifiedBy] : [])
  const [dialog, setDialog] = useState<'edit' | 'delete' | null>(null)
  const groupName = group.data?.name ?? `#${groupId}`

  const denied = backlog.error instanceof RestError && backlog.error.is('Access denied')

  const body = () => {
    if (group.isPending || backlog.isPending) return <p role="status">{t('backlog.loading')}</p>
    if (group.isError) return <ErrorNotice error={group.error} title={t('group.loadFailed')} onRetry={() => void group.refetch()} />
    if (group.data === null) return <GroupNotFound groupId={groupId} onBack={onBack} />
    if (!group.data.isScrum) {
      if (!backlog.data) return <NotAScrum group={group.data} onBack={onBack} />
      return (
        <>
          <StrayBacklog group={group.data} backlog={backlog.data} onDelete={() => setDialog('delete')} />
          <BacklogDetails backlog={backlog.data} group={group.data} />
          <DeleteBacklogDialog
            backlog={backlog.data}
            groupName={groupName}
            isOpen={dialog === 'delete'}
            onOpenChange={(open) => setDialog(open ? 'delete' : null)}
          />
        </>
      )
    }
    if (denied) return <BacklogAccessDenied onBack={onBack} />
    if (backlog.isError) return <ErrorNotice error={backlog.error} onRetry={() => void backlog.refetch()} />
    if (backlog.data === null) return <BacklogNotFound groupId={groupId} group={group.data} />
    return (
      <>
        <BacklogDetails backlog={backlog.data} group={group.data} />
        <div className="backlog-actions">
          <Button onPress={() => setDialog('edit')}>{t('backlog.edit.open')}</Button>
          <Button variant="danger" onPress={() => setDialog('delete')}>
            {t('backlog.delete.open')}
          </Button>
        </div>
        {dialog === 'edit' && (
          <EditBacklogDialog
            backlog={backlog.data}
            group={group.data}
            users={users.data}
            isOpen
            onOpenChange={(open) => !open && setDialog(null)}
            onMoved={onGroupChange}
          />
        )}
        <DeleteBacklogDialog
          backlog={backlog.data}
          groupName={groupName}
          isOpen={dialog === 'delete'}
          onOpenChange={(open) => setDialog(open ? 'delete' : null)}
        />
        <ItemsPanel groupId={groupId} backlogId={backlog.data.id} />
      </>
    )
  }

  return (
    <section className="backlog-screen" aria-labelledby="backlog-title">
      <Button variant="ghost" size="s" onPress={onBack}>
        ← {t('backlog.back')}
      </Button>
      <header className="backlog-header">
        <Avatar name={groupName} url={group.data?.avatarUrl} size={40} />
        <div>
          <h2 id="backlog-title" className="backlog-header__title">
            {group.data === null ? t('backlog.titleUnknown', { id: String(groupId) }) : groupName}
            {group.data?.isClosed && (
              <>
                {' '}
                <Badge tone="muted">{t('groups.archived')}</Badge>
              </>
            )}
          </h2>
          {group.data && (
            <p className="backlog-header__subtitle">{group.data.isScrum ? t('backlog.subtitle') : t('group.notScrum.subtitle')}</p>
          )}
        </div>
      </header>
      {body()}
    </section>
  )
}
