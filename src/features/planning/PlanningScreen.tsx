import { Suspense, useState } from 'react'
import { RestError } from '@/bitrix'
import { useI18n } from '@/i18n'
import { useGroup } from '@/lib/groups/get-group'
import { usePortal } from '@/lib/portal-context'
import { useUsers } from '@/lib/users/get-users'
import { Avatar } from '@/ui/Avatar'
import { Badge } from '@/ui/Badge'
import { Button } from '@/ui/Button'
import { ErrorNotice } from '@/ui/ErrorNotice'
import { useBacklog } from '@/features/backlog-settings/api/get-backlog'
import { useItems } from '@/features/items/api/get-items'
import { usePlanningBootstrap } from './api/get-planning'
import { Board } from './components/Board'
import { lazyComponent, usePreloadWhenIdle } from '@/lib/lazy-component'
import './planning.css'

// The backlog's dialogs load when one opens, or when the browser is idle after the screen is shown.
const BacklogSettingsDialog = lazyComponent(() =>
  import('@/features/backlog-settings/components/BacklogSettingsDialog').then((module) => module.BacklogSettingsDialog),
)
const EditBacklogDialog = lazyComponent(() => import('@/features/backlog-settings/components/EditBacklogDialog').then((module) => module.EditBacklogDialog))
const DeleteBacklogDialog = lazyComponent(() =>
  import('@/features/backlog-settings/components/DeleteBacklogDialog').then((module) => module.DeleteBacklogDialog),
)

// What a team without a usable backlog sees instead of the board (and the board never needs).
const BacklogNotFound = lazyComponent(() => import('@/features/backlog-settings/components/BacklogNotFound').then((module) => module.BacklogNotFound))
const BacklogDetails = lazyComponent(() => import('@/features/backlog-settings/components/BacklogDetails').then((module) => module.BacklogDetails))
const StrayBacklog = lazyComponent(() => import('@/features/backlog-settings/components/StrayBacklog').then((module) => module.StrayBacklog))
const BacklogAccessDenied = lazyComponent(() => import('./components/BacklogAccessDenied').then((module) => module.BacklogAccessDenied))
const GroupNotFound = lazyComponent(() => import('./components/GroupGuard').then((module) => module.GroupNotFound))
const NotAScrum = lazyComponent(() => import('./components/GroupGuard').then((module) => module.NotAScrum))

interface PlanningScreenProps {
  groupId: number
  onBack: () => void
  onGroupChange: (groupId: number) => void
}

type Dialog = 'settings' | 'edit' | 'delete' | null

/**
 * One scrum team's planning: its sprints and backlog side by side. What the group is comes first:
 * nothing is offered until the app knows it is a scrum (a workgroup tab opens in any group).
 */
export function PlanningScreen({ groupId, onBack, onGroupChange }: PlanningScreenProps) {
  const { t } = useI18n()
  const portal = usePortal()
  const boot = usePlanningBootstrap(groupId, portal.origin)
  const ready = boot.settled
  const group = useGroup(groupId, portal.origin, ready)
  const backlog = useBacklog(groupId, ready)
  const items = useItems(groupId, portal.origin, ready && Boolean(backlog.data) && Boolean(group.data?.isScrum))
  const scrumMasterId = group.data?.scrumMasterId ?? 0
  const people = useUsers(backlog.data ? [backlog.data.createdBy, backlog.data.modifiedBy, scrumMasterId] : [scrumMasterId])
  const [dialog, setDialog] = useState<Dialog>(null)
  const groupName = group.data?.name ?? `#${groupId}`
  const itemCount = backlog.data && items.data ? items.data.filter((item) => item.entityId === backlog.data!.id).length : undefined

  usePreloadWhenIdle(Boolean(items.data), [BacklogSettingsDialog, EditBacklogDialog, DeleteBacklogDialog])

  const denied = backlog.error instanceof RestError && backlog.error.is('Access denied')
  const scrumMaster = scrumMasterId > 0 ? people.data?.get(scrumMasterId) : undefined

  const loading = <p role="status">{t('backlog.loading')}</p>
  const body = () => {
    if (!ready || group.isPending || backlog.isPending) return loading
    if (group.isError) return <ErrorNotice error={group.error} title={t('group.loadFailed')} onRetry={() => void group.refetch()} />
    if (group.data === null) return <Suspense fallback={loading}><GroupNotFound groupId={groupId} onBack={onBack} /></Suspense>
    if (!group.data.isScrum) {
      if (!backlog.data) return <Suspense fallback={loading}><NotAScrum group={group.data} onBack={onBack} /></Suspense>
      return (
        <Suspense fallback={loading}>
          <StrayBacklog group={group.data} backlog={backlog.data} onDelete={() => setDialog('delete')} />
          <BacklogDetails backlog={backlog.data} group={group.data} />
          {dialog === 'delete' && (
            <Suspense fallback={null}>
              <DeleteBacklogDialog backlog={backlog.data} groupName={groupName} isOpen onOpenChange={(open) => setDialog(open ? 'delete' : null)} />
            </Suspense>
          )}
        </Suspense>
      )
    }
    if (denied) return <Suspense fallback={loading}><BacklogAccessDenied onBack={onBack} /></Suspense>
    if (backlog.isError) return <ErrorNotice error={backlog.error} onRetry={() => void backlog.refetch()} />
    if (backlog.data === null) return <Suspense fallback={loading}><BacklogNotFound groupId={groupId} group={group.data} /></Suspense>
    return (
      <>
        <Board group={group.data} backlogId={backlog.data.id} ready={ready} />
        <Suspense fallback={null}>
        {dialog === 'settings' && (
          <BacklogSettingsDialog
            backlog={backlog.data}
            group={group.data}
            itemCount={itemCount}
            onClose={() => setDialog(null)}
            onEdit={() => setDialog('edit')}
            onDelete={() => setDialog('delete')}
          />
        )}
        {dialog === 'edit' && (
          <EditBacklogDialog
            backlog={backlog.data}
            group={group.data}
            users={people.data}
            knownItemCount={itemCount}
            isOpen
            onOpenChange={(open) => !open && setDialog(null)}
            onMoved={onGroupChange}
          />
        )}
        {dialog === 'delete' && (
          <DeleteBacklogDialog
            backlog={backlog.data}
            groupName={groupName}
            knownItemCount={itemCount}
            isOpen
            onOpenChange={(open) => setDialog(open ? 'delete' : null)}
          />
        )}
        </Suspense>
      </>
    )
  }

  const isScrumWithBacklog = Boolean(group.data?.isScrum && backlog.data)
  return (
    <section className="planning" aria-labelledby="backlog-title">
      <header className="planning-head">
        <Button variant="ghost" size="s" onPress={onBack} className="planning-head__back">
          ← {t('backlog.back')}
        </Button>
        <div className="planning-head__team">
          <Avatar name={groupName} url={group.data?.avatarUrl} size={36} />
          <div className="planning-head__text">
            <h2 id="backlog-title" className="planning-head__title">
              {group.data === null ? t('backlog.titleUnknown', { id: String(groupId) }) : groupName}
              {group.data?.isClosed && (
                <>
                  {' '}
                  <Badge tone="muted">{t('groups.archived')}</Badge>
                </>
              )}
            </h2>
            {group.data && (
              <p className="planning-head__subtitle">
                {group.data.isScrum
                  ? t('groups.scrumMaster', { name: scrumMaster?.fullName ?? (people.isError ? t('backlog.userId', { id: String(scrumMasterId) }) : '…') })
                  : t('group.notScrum.subtitle')}
              </p>
            )}
          </div>
        </div>
        {isScrumWithBacklog && (
          <Button size="s" onPress={() => setDialog('settings')} className="planning-head__settings">
            {t('backlog.settings.open')}
          </Button>
        )}
      </header>
      {body()}
    </section>
  )
}
