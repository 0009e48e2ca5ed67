import { lazy, Suspense, useEffect, useRef } from 'react'
import { followContentHeight, setPortalTitle } from '@/bitrix'
import { ScrumGroupsScreen } from '@/features/scrum-groups/ScrumGroupsScreen'
import { useQuery } from '@tanstack/react-query'
import { currentUserQueryOptions } from '@/lib/users/get-current-user'
import { useI18n } from '@/i18n'
import { useSelectedGroupId, useUiActions } from '@/stores/ui-store'
import { usePortal } from '@/lib/portal-context'
import { rememberGroup } from './start-group'
import { SessionEnded } from './SessionEnded'
import './app.css'

// The planning screen (grids, drag and drop, dialogs) is most of the app: it loads when a team is chosen.
const PlanningScreen = lazy(() => import('@/features/planning/PlanningScreen').then((module) => ({ default: module.PlanningScreen })))

function LoadingScreen() {
  const { t } = useI18n()
  return (
    <p className="page-message" role="status" aria-busy="true">
      {t('backlog.loading')}
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
        {selectedGroupId === null ? (
          <ScrumGroupsScreen onChoose={choose} />
        ) : (
          <Suspense fallback={<LoadingScreen />}>
            <PlanningScreen key={selectedGroupId} groupId={selectedGroupId} onBack={groupCleared} onGroupChange={choose} />
          </Suspense>
        )}
      </main>
    </div>
  )
}
