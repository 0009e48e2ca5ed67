import { Button as AriaButton } from 'react-aria-components/Button'
import { Checkbox } from 'react-aria-components/Checkbox'
import { GridListItem } from 'react-aria-components/GridList'
import { Menu, MenuItem, MenuTrigger } from 'react-aria-components/Menu'
import { Popover } from 'react-aria-components/Popover'
import { Separator } from 'react-aria-components/Separator'
import { Tooltip, TooltipTrigger } from 'react-aria-components/Tooltip'
import { EpicSelect } from '@/components/EpicSelect'
import { useI18n, type MessageKey } from '@/i18n'
import type { EpicCatalogue } from '@/lib/epics/epic-fields'
import type { BacklogItem, ItemContainer } from '@/lib/items/item-fields'
import { Avatar } from '@/ui/Avatar'
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

interface ItemRowProps {
  item: BacklogItem
  epics: EpicCatalogue
  /** Where it could go instead (completed sprints excluded); null while the sprints are unknown. */
  targets: readonly ItemContainer[] | null
  readOnly: boolean
  reorderable: boolean
  /** Drag and drop has arrived: the row shows its drag handle. */
  draggable: boolean
  actions: ItemRowActions
}

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
export function ItemRow({ item, epics, targets, readOnly, reorderable, draggable, actions }: ItemRowProps) {
  const { t } = useI18n()
  const statusKey = statusKeys[item.status]
  const status = statusKey ? t(statusKey) : item.status
  const elsewhere = targets?.filter((target) => target.id !== item.entityId && !target.readOnly) ?? []

  return (
    <GridListItem id={item.taskId} textValue={item.title} className="item-row" data-readonly={readOnly || undefined}>
      <span className="item-row__cell item-row__cell--drag">
        {draggable && !readOnly && (
          <AriaButton slot="drag" className="item-row__drag" aria-label={t('items.drag', { title: item.title })}>
            ⠿
          </AriaButton>
        )}
      </span>
      <span className="item-row__cell item-row__cell--check">
        {!readOnly && (
          <Checkbox slot="selection" className="item-row__check">
            <span className="checkbox-box" aria-hidden="true" />
          </Checkbox>
        )}
      </span>
      <span className="item-row__main">
        <TooltipTrigger delay={400}>
          <AriaButton className="item-row__title" onPress={() => actions.open(item)}>
            {item.title}
          </AriaButton>
          <Tooltip className="ui-tooltip" placement="top start">
            {item.title}
          </Tooltip>
        </TooltipTrigger>
        <span className="item-row__meta">
          <span className="item-row__id">#{item.taskId}</span>
          {item.responsible && <span className="item-row__meta-person">{item.responsible.name}</span>}
          <span className="item-row__meta-status">{status}</span>
        </span>
      </span>
      <span className="item-row__cell item-row__cell--points">
        {readOnly ? (
          <span className="item-row__points-text">{item.storyPoints || '–'}</span>
        ) : (
          <StoryPointsField value={item.storyPoints} taskTitle={item.title} onSave={(points) => actions.setPoints(item, points)} />
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
      <span className="item-row__cell item-row__cell--status">{status}</span>
      <span className="item-row__cell item-row__cell--menu">
        <MenuTrigger>
          <AriaButton className="item-row__menu" aria-label={t('items.actions', { title: item.title })}>
            ⋯
          </AriaButton>
          <Popover className="combo__popover item-menu" placement="bottom end">
            <Menu className="combo__list" aria-label={t('items.actions', { title: item.title })}>
              {reorderable && !readOnly && (
                <>
                  <MenuItem className="combo__option" onAction={() => actions.move(item, 'top')}>
                    {t('items.move.top')}
                  </MenuItem>
                  <MenuItem className="combo__option" onAction={() => actions.move(item, 'up')}>
                    {t('items.move.up')}
                  </MenuItem>
                  <MenuItem className="combo__option" onAction={() => actions.move(item, 'down')}>
                    {t('items.move.down')}
                  </MenuItem>
                  <MenuItem className="combo__option" onAction={() => actions.move(item, 'bottom')}>
                    {t('items.move.bottom')}
                  </MenuItem>
                  <Separator className="menu-separator" />
                </>
              )}
              {!readOnly && targets === null && (
                <MenuItem className="combo__option" isDisabled>
                  {t('sprints.unavailable')}
                </MenuItem>
              )}
              {!readOnly &&
                elsewhere.map((target) => (
                  <MenuItem key={target.id} className="combo__option" onAction={() => actions.moveTo(item, target.id)}>
                    {target.kind === 'backlog' ? t('items.move.toBacklog') : t('items.move.toSprint', { sprint: target.name })}
                  </MenuItem>
                ))}
              <MenuItem className="combo__option" onAction={() => actions.open(item)}>
                {t('items.open')}
              </MenuItem>
            </Menu>
          </Popover>
        </MenuTrigger>
      </span>
    </GridListItem>
  )
}
