import { useEffect, useState, type KeyboardEvent } from 'react'
import { usePortal } from '@/lib/portal-context'
import { useI18n } from '@/i18n'
import { useDebouncedValue } from '@/lib/use-debounced-value'
import { useGroupSearch, useUiActions } from '@/stores/ui-store'
import { Avatar } from '@/ui/Avatar'
import { Button } from '@/ui/Button'
import { ErrorNotice } from '@/ui/ErrorNotice'
import { SearchInput } from '@/ui/SearchInput'
import { useScrumGroups } from '../api/get-scrum-groups'
import { BacklogStatusBadge } from './BacklogStatusBadge'
import './scrum-groups.css'

function LoadingRows() {
  const { t } = useI18n()
  return (
    <div className="group-list" role="status">
      <span className="visually-hidden">{t('groups.loading')}</span>
      {Array.from({ length: 5 }, (_, index) => (
        <div key={index} className="group-row group-row--skeleton" aria-hidden="true">
          <span className="ui-skeleton" style={{ width: 36, height: 36, borderRadius: '50%' }} />
          <span className="ui-skeleton" style={{ width: '40%', height: 14 }} />
        </div>
      ))}
    </div>
  )
}

/**
 * Arrow keys, Home and End move between the teams' buttons, as in a list of options; Tab still
 * leaves the list. Each row is an action (open this team), so it is a button, not a listbox option
 * to select: that is what screen readers announce and what Enter and Space do.
 */
function moveBetweenRows(event: KeyboardEvent<HTMLUListElement>) {
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('.group-row__name')]
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement)
  const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 }[event.key]
  if (at < 0 || to === undefined) return
  event.preventDefault()
  buttons[Math.max(0, Math.min(buttons.length - 1, to))]?.focus()
}

/** Scrum teams the user can see, searchable by name on the server, with each one's backlog status. */
export function ScrumGroupPicker({ onChoose }: { onChoose: (groupId: number) => void }) {
  const { t } = useI18n()
  const portal = usePortal()
  const savedSearch = useGroupSearch()
  const { groupSearchChanged } = useUiActions()
  const [typed, setTyped] = useState(savedSearch)
  const search = useDebouncedValue(typed.trim(), 300)
  useEffect(() => groupSearchChanged(search), [search, groupSearchChanged])

  const groups = useScrumGroups({ search, portalOrigin: portal.origin, isAdmin: portal.isAdmin })
  const rows = groups.data?.pages.flatMap((page) => page.groups) ?? []
  // Null: the portal's count is of every group, not of scrums (it ignored the scrum filter).
  const total = groups.data?.pages[0]?.total ?? null
  // A failed "more" keeps the rows already shown; only a failed first page replaces them.
  const moreError = groups.isFetchNextPageError ? groups.error : null

  return (
    <section className="group-picker" aria-labelledby="group-picker-title">
      <h2 id="group-picker-title" className="group-picker__title">
        {t('groups.title')}
      </h2>
      <SearchInput className="group-search" label={t('groups.search')} placeholder={t('groups.searchPlaceholder')} value={typed} onChange={setTyped} />

      {groups.isPending ? (
        <LoadingRows />
      ) : groups.isError && !groups.data ? (
        <ErrorNotice error={groups.error} onRetry={() => void groups.refetch()} />
      ) : rows.length === 0 ? (
        <p className="group-picker__empty" role="status">
          {search ? t('groups.emptySearch', { search }) : t('groups.empty')}
        </p>
      ) : (
        <>
          <p className="group-picker__count" role="status">
            {total === null ? t('groups.shown', { count: rows.length }) : t('groups.count', { count: total })}
          </p>
          <ul className="group-list" aria-labelledby="group-picker-title" onKeyDown={moveBetweenRows}>
            {rows.map((group) => (
              <li key={group.id} className="group-row">
                <Avatar name={group.name} url={group.avatarUrl} size={36} />
                <span className="group-row__main">
                  {/* The team's name is the button (its click area covers the row); the rest describes it. */}
                  <button
                    type="button"
                    className="group-row__name"
                    aria-describedby={`group-${group.id}-meta group-${group.id}-status`}
                    onClick={() => onChoose(group.id)}
                  >
                    {group.name}
                  </button>
                  <span id={`group-${group.id}-meta`} className="group-row__meta">
                    {t('groups.members', { count: group.memberCount })}
                    {' · '}
                    {t('groups.scrumMaster', { name: group.scrumMasterName ?? t('groups.unknownUser') })}
                    {group.isClosed ? ` · ${t('groups.archived')}` : ''}
                  </span>
                </span>
                <BacklogStatusBadge id={`group-${group.id}-status`} status={group.backlogStatus} />
              </li>
            ))}
          </ul>
          {groups.hasNextPage && (
            <Button
              className="group-picker__more"
              isPending={groups.isFetchingNextPage}
              onPress={() => void groups.fetchNextPage()}
            >
              {total === null ? t('groups.moreUncounted') : t('groups.more', { count: total - rows.length })}
            </Button>
          )}
          {moreError !== null && <ErrorNotice error={moreError} onRetry={() => void groups.fetchNextPage()} />}
        </>
      )}
    </section>
  )
}
