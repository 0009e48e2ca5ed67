import { createContext, memo, useContext } from 'react'
import { Button as AriaButton, ButtonContext } from 'react-aria-components/Button'
import { GridListItem } from 'react-aria-components/GridList'
import { Text } from 'react-aria-components/Text'
import { EpicSelect } from '@/components/EpicSelect'
import { useI18n, type MessageKey } from '@/i18n'
import type { EpicCatalogue } from '@/lib/epics/epic-fields'
import { formatPoints, type Scale } from '@/lib/estimation/scale'
import type { BacklogItem, ItemContainer } from '@/lib/items/item-fields'
import { ActionMenu, type MenuAction } from '@/ui/ActionMenu'
import { Avatar } from '@/ui/Avatar'
import { PlainButton } from '@/ui/PlainButton'
import { StoryPointsField } from './StoryPointsField'

export type MoveTarget = 'top' | 'up' | 'down' | 'bottom'

export interface ItemRowActions {
  setPoints: (item: BacklogItem, points: string) => void
  setEpic: (item: BacklogItem, epicId: number) => void
  /** Within its own backlog or sprint. */
  move: (item: BacklogItem, target: MoveTarget) => void
  /** To the end of another backlog or sprint. */
  moveTo: (item: BacklogItem, entityId: number) => void
  open: (item: BacklogItem) => void
}

/** What every row of one list shares: a change here redraws the list's rows, nothing else does. */
export interface RowSettings {
  epics: EpicCatalogue
  /** The team's estimation scale: what the points field takes and offers. */
  scale: Scale
  /** The list of the scale's values the points field offers (none for free numbers). */
  scaleList: string | undefined
  /** Where an item could go instead (completed sprints excluded); null while the sprints are unknown. */
  targets: readonly ItemContainer[] | null
  readOnly: boolean
  /**
   * Whether the list can be reordered now (not while a filter is on), asked when a row's menu
   * opens: filtering must not redraw every row.
   */
  canReorder: () => boolean
  /**
   * Drag and drop has arrived: rows have their drag handle. It stays while a filter is on (the list
   * hides it and React Aria disables it), so that a first key in the search redraws no row.
   */
  draggable: boolean
  actions: ItemRowActions
}

/**
 * What the grid's collection holds for a row: its key and what type-ahead matches. The same object
 * for as long as these stay, so a change to an item's other fields (its points, its epic) leaves
 * the collection alone and redraws only that row.
 */
export interface RowKey {
  id: number
  title: string
}

/** The list's items by task id; each row reads its own. */
export const RowItemsContext = createContext<ReadonlyMap<number, BacklogItem>>(new Map())
export const RowSettingsContext = createContext<RowSettings | null>(null)
/** The item just added (marked for a moment), if any. */
export const RowFreshContext = createContext<number | null>(null)

const statusKeys: Record<string, MessageKey> = {
  '1': 'items.status.new',
  '2': 'items.status.waiting',
  '3': 'items.status.inProgress',
  '4': 'items.status.review',
  '5': 'items.status.done',
  '6': 'items.status.deferred',
  '7': 'items.status.declined',
}

/**
 * One item as a row of the planning grid. Every row has the same columns as the header above the
 * list; at narrow widths the person and status fold into the line under the title (CSS).
 */
const RowCells = memo(function RowCells({ item, settings }: { item: BacklogItem; settings: RowSettings }) {
  const { epics, scale, scaleList, targets, readOnly, canReorder, draggable, actions } = settings
  const { t, locale } = useI18n()
  const statusKey = statusKeys[item.status]
  const status = statusKey ? t(statusKey) : item.status
  // Worked out when the menu opens, not for every row on every render.
  const menuActions = (): MenuAction[] => {
    const entries: MenuAction[] = []
    if (canReorder() && !readOnly) {
      entries.push(
        { id: 'top', label: t('items.move.top'), onAction: () => actions.move(item, 'top') },
        { id: 'up', label: t('items.move.up'), onAction: () => actions.move(item, 'up') },
        { id: 'down', label: t('items.move.down'), onAction: () => actions.move(item, 'down') },
        { id: 'bottom', label: t('items.move.bottom'), onAction: () => actions.move(item, 'bottom') },
      )
    }
    const first = entries.length
    if (!readOnly && targets === null) entries.push({ id: 'unavailable', label: t('sprints.unavailable'), isDisabled: true })
    if (!readOnly) {
      for (const target of targets ?? []) {
        if (target.id === item.entityId || target.readOnly) continue
        entries.push({
          id: `to-${target.id}`,
          label: target.kind === 'backlog' ? t('items.move.toBacklog') : t('items.move.toSprint', { sprint: target.name }),
          onAction: () => actions.moveTo(item, target.id),
        })
      }
    }
    entries.push({ id: 'open', label: t('items.open'), onAction: () => actions.open(item) })
    if (first > 0 && entries[first]) entries[first] = { ...entries[first], separatorBefore: true }
    return entries
  }

  return (
    <>
      <span className="item-row__cell item-row__cell--drag">
        {draggable && !readOnly && (
          <AriaButton slot="drag" className="item-row__drag" aria-label={t('items.drag', { title: item.title })}>
            ⠿
          </AriaButton>
        )}
      </span>
      {/* The row hands its buttons new props whenever it redraws (the drag handle's description
          follows the input modality, so a key pressed after a click redraws every row): the
          row's other buttons take nothing from it, and are spared those redraws. */}
      <ButtonContext.Provider value={null}>
      <span className="item-row__cell item-row__cell--check">
        {/* The row itself is the selectable element (aria-selected, Space, a click toggles it): the
            box only shows its state, so it costs the row no control of its own. */}
        {!readOnly && (
          <span className="item-row__check" aria-hidden="true">
            <span className="checkbox-box" />
          </span>
        )}
      </span>
      <span className="item-row__main">
        {/* The whole title on hover when the column cuts it short (a native tooltip costs the row nothing). */}
        <PlainButton className="item-row__title" onPress={() => actions.open(item)}>
          <span title={item.title}>{item.title}</span>
        </PlainButton>
        {/* The row's description for screen readers (its task number, and what a narrow list folds
            under the title). Filling React Aria's description slot also spares every new row a
            second render (the grid checks after mounting whether the slot is used). */}
        <Text slot="description" className="item-row__meta">
          <span className="item-row__id">#{item.taskId}</span>
          {item.responsible && <span className="item-row__meta-person">{item.responsible.name}</span>}
          <span className="item-row__meta-status">{status}</span>
        </Text>
      </span>
      <span className="item-row__cell item-row__cell--points">
        {readOnly ? (
          <span className="item-row__points-text">{item.storyPoints ? formatPoints(item.storyPoints, locale) : '–'}</span>
        ) : (
          <StoryPointsField
            value={item.storyPoints}
            scale={scale}
            list={scaleList}
            taskTitle={item.title}
            onSave={(points) => actions.setPoints(item, points)}
          />
        )}
      </span>
      <span className="item-row__cell item-row__cell--epic">
        <EpicSelect
          className="item-row__epic"
          catalogue={epics}
          value={item.epicId}
          isDisabled={readOnly}
          onChange={(epicId) => actions.setEpic(item, epicId)}
          label={t('items.epic.label', { title: item.title })}
        />
      </span>
      <span className="item-row__cell item-row__cell--person">
        {item.responsible && (
          <>
            <Avatar name={item.responsible.name} url={item.responsible.photo} size={22} />
            <span className="item-row__person-name">{item.responsible.name}</span>
          </>
        )}
      </span>
      <span className="item-row__cell item-row__cell--status" title={status}>
        {status}
      </span>
      <span className="item-row__cell item-row__cell--menu">
        <ActionMenu className="item-row__menu" label={t('items.actions', { title: item.title })} content="⋯" actions={menuActions} />
      </span>
      </ButtonContext.Provider>
    </>
  )
})

/** The cells of one row, redrawn when its own item or the list's settings change. */
function RowContent({ taskId }: { taskId: number }) {
  const item = useContext(RowItemsContext).get(taskId)
  const settings = useContext(RowSettingsContext)
  const fresh = useContext(RowFreshContext) === taskId
  if (!item || !settings) return null
  return (
    <>
      <RowCells item={item} settings={settings} />
      {fresh && <span className="item-row__fresh" aria-hidden="true" />}
    </>
  )
}

/**
 * A row of the grid. A windowed list places each row at its index itself (only the rows near the
 * view are in the page); a short list lets them flow.
 */
export function renderItemRow(row: RowKey, readOnly: boolean) {
  return (
    <GridListItem id={row.id} textValue={row.title} className="item-row" data-readonly={readOnly || undefined}>
      <RowContent taskId={row.id} />
    </GridListItem>
  )
}
