import { Button as AriaButton, Checkbox, GridListItem, Menu, MenuItem, MenuTrigger, Popover, Separator } from 'react-aria-components'
import { useI18n, type MessageKey } from '@/i18n'
import { Avatar } from '@/ui'
import type { EpicCatalogue } from '@/lib/epics/epic-fields'
import type { BacklogItem } from '@/lib/items/item-fields'
import type { Sprint } from '@/lib/sprints/sprint-fields'
import { EpicSelect } from '@/components/EpicSelect'
import { StoryPointsField } from './StoryPointsField'

export type MoveTarget = 'top' | 'up' | 'down' | 'bottom'

export interface ItemRowActions {
  setPoints: (item: BacklogItem, points: string) => void
  setEpic: (item: BacklogItem, epicId: number) => void
  move: (item: BacklogItem, target: MoveTarget) => void
  moveTo: (item: BacklogItem, entityId: number) => void
  open: (item: BacklogItem) => void
}

interface ItemRowProps {
  item: BacklogItem
  backlogId: number
  epics: EpicCatalogue
  sprints: readonly Sprint[]
  /** False while the sprints are loading or failed to load: no sprint can be offered. */
  sprintsReady: boolean
  reorderable: boolean
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

export function ItemRow({ item, backlogId, epics, sprints, sprintsReady, reorderable, actions }: ItemRowProps) {
  const { t } = useI18n()
  const inBacklog = item.entityId === backlogId
  const sprint = inBacklog ? undefined : sprints.find((candidate) => candidate.id === item.entityId)
  const targets = sprints.filter((candidate) => candidate.status !== 'completed' && candidate.id !== item.entityId)
  const statusKey = statusKeys[item.status]

  return (
    <GridListItem id={item.taskId} textValue={item.title} className="item-row">
      {reorderable && (
        <AriaButton slot="drag" className="item-row__drag" aria-label={t('items.drag', { title: item.title })}>
          ⠿
        </AriaButton>
      )}
      <Checkbox slot="selection" className="item-row__check">
        <span className="checkbox-box" aria-hidden="true" />
      </Checkbox>
      <AriaButton className="item-row__title" onPress={() => actions.open(item)}>
        {item.title}
      </AriaButton>
      {!inBacklog && (
        <span className="item-row__where">{sprint ? sprint.name : t('items.where.unknownSprint', { id: String(item.entityId) })}</span>
      )}
      <StoryPointsField value={item.storyPoints} taskTitle={item.title} onSave={(points) => actions.setPoints(item, points)} />
      <EpicSelect
        className="item-row__epic"
        catalogue={epics}
        value={item.epicId}
        onChange={(epicId) => actions.setEpic(item, epicId)}
        label={t('items.epic.label', { title: item.title })}
      />
      <span className="item-row__person">
        {item.responsible && (
          <>
            <Avatar name={item.responsible.name} url={item.responsible.photo} size={22} />
            <span className="item-row__person-name">{item.responsible.name}</span>
          </>
        )}
      </span>
      <span className="item-row__status">{statusKey ? t(statusKey) : item.status}</span>
      <MenuTrigger>
        <AriaButton className="item-row__menu" aria-label={t('items.actions', { title: item.title })}>
          ⋯
        </AriaButton>
        <Popover className="combo__popover item-menu" placement="bottom end">
          <Menu className="combo__list" aria-label={t('items.actions', { title: item.title })}>
            {reorderable && inBacklog && (
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
            {!sprintsReady && (
              <MenuItem className="combo__option" isDisabled>
                {t('sprints.unavailable')}
              </MenuItem>
            )}
            {targets.map((target) => (
              <MenuItem key={target.id} className="combo__option" onAction={() => actions.moveTo(item, target.id)}>
                {t('items.move.toSprint', { sprint: target.name })}
              </MenuItem>
            ))}
            {!inBacklog && (
              <MenuItem className="combo__option" onAction={() => actions.moveTo(item, backlogId)}>
                {t('items.move.toBacklog')}
              </MenuItem>
            )}
            <MenuItem className="combo__option" onAction={() => actions.open(item)}>
              {t('items.open')}
            </MenuItem>
          </Menu>
        </Popover>
      </MenuTrigger>
    </GridListItem>
  )
}
