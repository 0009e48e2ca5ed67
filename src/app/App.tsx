import { Suspense, useEffect, useRef } from 'react'
import { followContentHeight, setPortalTitle } from '@/bitrix'
import { useQuery } from '@tanstack/react-query'
import { currentUserQueryOptions } from '@/lib/users/get-current-user'
import { useI18n } from '@/i18n'
import { useSelectedGroupId, useUiActions } from '@/stores/ui-store'
import { usePortal } from '@/lib/portal-context'
import { lazyScreen } from '@/lib/lazy-component'
import { rememberGroup } from './start-group'
import { SessionEnded } from './SessionEnded'
import './app.css'

// Each screen loads when it is opened: the planning screen (grids, drag and drop, dialogs) when a
// team is chosen, the team picker when none is. Boot fetches the first one while it connects.
export const PlanningScreen = lazyScreen(() => import('@/features/planning/PlanningScreen').then((module) => module.PlanningScreen))
export const ScrumGroupsScreen = lazyScreen(() => import('@/features/scrum-groups/ScrumGroupsScreen').then((module) => module.ScrumGroupsScreen))

function LoadingScreen({ picker }: { picker: boolean }) {
  const { t } = useI18n()
  return (
    <p className="page-message" role="status" aria-busy="true">
      {t(picker ? 'groups.loading' : 'backlog.loading')}
    </p>
  )
}

/** Who is here comes with each screen's first request (the picker's, the planning screen's): the greeting only reads it. */
function Greeting() {
  const { t } = useI18n()
  const portal = usePortal()
  const me = useQuery({ ...currentUserQueryOptions(), enabled: false })
  return (
    <p className="app-greeting">
      {me.data ? t('home.greeting', { name: me.data.firstName }) : null} {t('home.portal', { domain: portal.domain })}
    </p>
  )
}

export function App() {
  const { t } = useI18n()
  const root = useRef<HTMLDivElement>(null)
  const selectedGroupId = useSelectedGroupId()
  const { groupSelected, groupCleared } = useUiActions()

  useEffect(() => {
    void setPortalTitle(t('app.name'))
  }, [t])

  useEffect(() => (root.current ? followContentHeight(root.current) : undefined), [])

  const choose = (groupId: number) => {
    groupSelected(groupId)
    rememberGroup(groupId)
  }

  return (
    <div ref={root} className="app">
      <header className="app-header">
        {/* The portal shows the app's title above the frame; the heading is for screen readers. */}
        <h1 className="visually-hidden">{t('app.name')}</h1>
        <Greeting />
      </header>
      <SessionEnded />
      <main>
        <Suspense fallback={<LoadingScreen picker={selectedGroupId === null} />}>
          {selectedGroupId === null ? (
            <ScrumGroupsScreen onChoose={choose} />
          ) : (
            <PlanningScreen key={selectedGroupId} groupId={selectedGroupId} onBack={groupCleared} onGroupChange={choose} />
          )}
        </Suspense>
      </main>
    </div>
  )
}
