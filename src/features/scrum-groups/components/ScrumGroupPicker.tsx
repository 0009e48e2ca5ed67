import { useEffect, useState } from 'react'
import { Input, Label, ListBox, ListBoxItem, SearchField } from 'react-aria-components'
import { usePortal } from '@/lib/portal-context'
import { useI18n } from '@/i18n'
import { useDebouncedValue } from '@/lib/use-debounced-value'
import { useGroupSearch, useUiActions } from '@/stores/ui-store'
import { Avatar, Button, ErrorNotice } from '@/ui'
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
      <SearchField className="group-search" value={typed} onChange={setTyped}>
        <Label className="ui-field__label">{t('groups.search')}</Label>
        <Input className="ui-field__input" placeholder={t('groups.searchPlaceholder')} />
      </SearchField>

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
          <ListBox
            aria-labelledby="group-picker-title"
            className="group-list"
            items={rows}
            selectionMode="none"
            onAction={(key) => onChoose(Number(key))}
          >
            {(group) => (
              <ListBoxItem id={group.id} textValue={group.name} className="group-row">
                <Avatar name={group.name} url={group.avatarUrl} size={36} />
                <span className="group-row__main">
                  {/* No label slot: the option's name is all it shows, so what is seen is what is announced. */}
                  <span className="group-row__name">{group.name}</span>
                  <span className="group-row__meta">
                    {t('groups.members', { count: group.memberCount })}
                    {' · '}
                    {t('groups.scrumMaster', { name: group.scrumMasterName ?? t('groups.unknownUser') })}
                    {group.isClosed ? ` · ${t('groups.archived')}` : ''}
                  </span>
                </span>
                <BacklogStatusBadge status={group.backlogStatus} />
              </ListBoxItem>
            )}
          </ListBox>
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
