import { useState } from 'react'
import { RestError } from '../../bitrix'
import { usePortal } from '../../app/PortalContext'
import { useGroup } from '../../lib/groups/get-group'
import { useUsers } from '../../lib/users/get-users'
import { useI18n } from '../../i18n'
import { Avatar, Button, ErrorNotice } from '../../ui'
import { useBacklog } from './api/get-backlog'
import { BacklogAccessDenied } from './components/BacklogAccessDenied'
import { BacklogDetails } from './components/BacklogDetails'
import { BacklogNotFound } from './components/BacklogNotFound'
import { DeleteBacklogDialog } from './components/DeleteBacklogDialog'
import { EditBacklogDialog } from './components/EditBacklogDialog'
import { ItemsPanel } from './components/items/ItemsPanel'
import './backlog.css'

interface BacklogScreenProps {
  groupId: number
  onBack: () => void
  onGroupChange: (groupId: number) => void
}

/** One scrum's backlog: see it, create it when missing, edit or delete it. */
export function BacklogScreen({ groupId, onBack, onGroupChange }: BacklogScreenProps) {
  const { t } = useI18n()
  const portal = usePortal()
  const group = useGroup(groupId, portal.origin, portal.isAdmin)
  const backlog = useBacklog(groupId)
  const users = useUsers(backlog.data ? [backlog.data.createdBy, backlog.data.modifiedBy] : [])
  const [dialog, setDialog] = useState<'edit' | 'delete' | null>(null)
  const groupName = group.data?.name ?? `#${groupId}`

  const denied = backlog.error instanceof RestError && backlog.error.is('Access denied')

  return (
    <section className="backlog-screen" aria-labelledby="backlog-title">
      <Button variant="ghost" size="s" onPress={onBack}>
        ← {t('backlog.back')}
      </Button>
      <header className="backlog-header">
        <Avatar name={groupName} url={group.data?.avatarUrl} size={40} />
        <div>
          <h2 id="backlog-title" className="backlog-header__title">
            {group.data === null ? t('backlog.titleUnknown', { id: groupId }) : groupName}
          </h2>
          <p className="backlog-header__subtitle">{t('backlog.subtitle')}</p>
        </div>
      </header>

      {backlog.isPending ? (
        <p role="status">{t('backlog.loading')}</p>
      ) : denied ? (
        <BacklogAccessDenied onBack={onBack} />
      ) : backlog.isError ? (
        <ErrorNotice error={backlog.error} onRetry={() => void backlog.refetch()} />
      ) : backlog.data === null ? (
        <BacklogNotFound groupId={groupId} group={group.data} />
      ) : (
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
      )}
    </section>
  )
}
