import { useState } from 'react'
import { Checkbox, ColorSwatch, ColorSwatchPicker, ColorSwatchPickerItem, FieldError, Label, TextArea, TextField } from 'react-aria-components'
import { useI18n } from '@/i18n'
import { Button, ConfirmButtons, Dialog, ErrorNotice, Field, Notice, notify } from '@/ui'
import { useAddEpic } from '../api/add-epic'
import { useDeleteEpic } from '../api/delete-epic'
import { EPIC_COLORS, type Epic } from '@/lib/epics/epic-fields'
import { EPIC_LIMITS } from '../api/epic-limits'
import { isEpicGone, useUpdateEpic } from '../api/update-epic'
import type { EpicCatalogue } from '@/lib/epics/epic-fields'
import { sumStoryPoints, type BacklogItem } from '@/lib/items/item-fields'
import { useItemChanges, type ChangeReport } from '@/lib/items/change-items'
import { useEpicDetachSupport } from '@/lib/items/epic-detach'

interface EpicsPanelProps {
  groupId: number
  catalogue: EpicCatalogue
  items: readonly BacklogItem[]
  /** What detaching items from an epic did, item by item. */
  onDetached: (report: ChangeReport, success?: string) => void
}

type Editing = { mode: 'create' } | { mode: 'edit'; epic: Epic } | { mode: 'delete'; epic: Epic } | null

/** The scrum's epics with their colour, item count and points; create, edit, delete. */
export function EpicsPanel({ groupId, catalogue, items, onDetached }: EpicsPanelProps) {
  const { t } = useI18n()
  const change = useItemChanges(groupId)
  const [editing, setEditing] = useState<Editing>(null)
  const [detaching, setDetaching] = useState(false)
  const detachSupport = useEpicDetachSupport()
  const own = catalogue.epics.filter((epic) => epic.groupId === groupId)

  const detachDangling = () => {
    if (detaching) return
    setDetaching(true)
    const count = catalogue.dangling.length
    void change(catalogue.dangling.map((item) => ({ taskId: item.taskId, fields: { epicId: 0 } })))
      .then((report) => onDetached(report, t('epics.detached', { count })))
      .finally(() => setDetaching(false))
  }

  return (
    <section className="epics-panel" aria-labelledby="epics-title">
      <div className="epics-panel__header">
        <h3 id="epics-title">{t('epics.title')}</h3>
        <Button size="s" onPress={() => setEditing({ mode: 'create' })}>
          {t('epics.new')}
        </Button>
      </div>
      {catalogue.status === 'error' ? (
        <ErrorNotice error={catalogue.error} title={t('epics.loadFailed')} onRetry={catalogue.retry} />
      ) : catalogue.status === 'loading' ? (
        <p className="muted" role="status">
          {t('epics.loading')}
        </p>
      ) : own.length === 0 ? (
        <p className="muted">{t('epics.empty')}</p>
      ) : (
        <ul className="epics-list">
          {own.map((epic) => {
            const marked = items.filter((item) => item.epicId === epic.id)
            const points = sumStoryPoints(marked)
            return (
              <li key={epic.id} className="epics-list__item">
                <span className="epic-chip__dot epic-chip__dot--big" style={{ background: epic.color }} aria-hidden="true" />
                <span className="epics-list__main">
                  <span className="epics-list__name">{epic.name}</span>
                  <span className="epics-list__meta">
                    {t('epics.items', { count: marked.length })} · {t('epics.points', { points: points.total })}
                  </span>
                </span>
                <Button size="s" variant="ghost" onPress={() => setEditing({ mode: 'edit', epic })} aria-label={t('epics.editNamed', { name: epic.name })}>
                  {t('epics.edit')}
                </Button>
                <Button size="s" variant="ghost" onPress={() => setEditing({ mode: 'delete', epic })} aria-label={t('epics.deleteNamed', { name: epic.name })}>
                  {t('epics.delete')}
                </Button>
              </li>
            )
          })}
        </ul>
      )}
      {catalogue.dangling.length > 0 && (
        <Notice
          tone="warning"
          title={t('epics.danglingTitle', { count: catalogue.dangling.length })}
          actions={
            detachSupport === 'refused'
              ? []
              : [{ label: t('epics.detachDangling', { count: catalogue.dangling.length }), onPress: detachDangling, isPending: detaching }]
          }
        >
          <p className="ui-alert__text">{t('epics.danglingWhy')}</p>
          {detachSupport === 'refused' && <p className="ui-alert__text">{t('epics.detachRefused')}</p>}
        </Notice>
      )}
      {(editing?.mode === 'create' || editing?.mode === 'edit') && (
        <EpicDialog groupId={groupId} epic={editing.mode === 'edit' ? editing.epic : null} onClose={() => setEditing(null)} />
      )}
      {editing?.mode === 'delete' && (
        <DeleteEpicDialog
          epic={editing.epic}
          attached={items.filter((item) => item.epicId === editing.epic.id).length}
          onClose={() => setEditing(null)}
          onDetached={onDetached}
        />
      )}
    </section>
  )
}

function EpicDialog({ groupId, epic, onClose }: { groupId: number; epic: Epic | null; onClose: () => void }) {
  const { t } = useI18n()
  const add = useAddEpic()
  const update = useUpdateEpic()
  const [name, setName] = useState(epic?.name ?? '')
  const [description, setDescription] = useState(epic?.description ?? '')
  const [color, setColor] = useState<string>(epic?.color ?? EPIC_COLORS[0])
  const [nameError, setNameError] = useState<string | undefined>()
  const [descriptionError, setDescriptionError] = useState<string | undefined>()
  const pending = add.isPending || update.isPending
  const error = add.error ?? update.error

  const save = () => {
    if (pending || add.isBusy() || update.isBusy()) return
    const trimmed = name.trim()
    const nameProblem = !trimmed
      ? t('epics.nameRequired')
      : trimmed.length > EPIC_LIMITS.name
        ? t('epics.nameTooLong', { count: trimmed.length, max: EPIC_LIMITS.name })
        : undefined
    const descriptionProblem =
      description.length > EPIC_LIMITS.description ? t('epics.descriptionTooLong', { count: description.length, max: EPIC_LIMITS.description }) : undefined
    setNameError(nameProblem)
    setDescriptionError(descriptionProblem)
    if (nameProblem || descriptionProblem) return
    const done = () => {
      notify({ tone: 'success', title: t('epics.saved', { name: trimmed }) })
      onClose()
    }
    if (epic) {
      update.mutate(
        { epic, changes: { name, description, color } },
        {
          onSuccess: done,
          onError: (failure) => {
            if (!isEpicGone(failure)) return
            notify({ tone: 'info', title: t('epics.goneElsewhere', { name: epic.name }) })
            onClose()
          },
        },
      )
    } else {
      add.mutate({ groupId, name, description, color }, { onSuccess: done })
    }
  }

  return (
    <Dialog title={epic ? t('epics.editTitle') : t('epics.newTitle')} isOpen onOpenChange={(open) => !open && onClose()} isDismissable={false}>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          save()
        }}
        noValidate
      >
        <Field
          label={t('epics.name')}
          value={name}
          onChange={(value) => {
            setName(value)
            if (value.trim() && value.trim().length <= EPIC_LIMITS.name) setNameError(undefined)
          }}
          errorMessage={nameError}
          autoFocus
        />
        <TextField
          className="ui-field"
          value={description}
          isInvalid={descriptionError !== undefined}
          onChange={(value) => {
            setDescription(value)
            if (value.length <= EPIC_LIMITS.description) setDescriptionError(undefined)
          }}
        >
          <Label className="ui-field__label">{t('epics.description')}</Label>
          <TextArea className="ui-field__input ui-field__textarea" rows={3} />
          <FieldError className="ui-field__error">{descriptionError}</FieldError>
        </TextField>
        <div className="ui-field">
          <span className="ui-field__label" id="epic-colour-label">
            {t('epics.colour')}
          </span>
          <ColorSwatchPicker
            aria-labelledby="epic-colour-label"
            className="swatches"
            value={color}
            onChange={(value) => setColor(value.toString('hex').toLowerCase())}
          >
            {EPIC_COLORS.map((swatch) => (
              <ColorSwatchPickerItem key={swatch} color={swatch} className="swatch">
                <ColorSwatch className="swatch__color" />
              </ColorSwatchPickerItem>
            ))}
          </ColorSwatchPicker>
        </div>
        {error && <ErrorNotice error={error} title={epic ? t('epics.notSaved') : t('epics.notCreated')} />}
        <div className="ui-dialog__actions">
          <Button type="submit" variant="primary" isPending={pending}>
            {t('epics.save')}
          </Button>
          <Button onPress={onClose} isDisabled={pending}>
            {t('backlog.cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}

interface DeleteEpicDialogProps {
  epic: Epic
  attached: number
  onClose: () => void
  onDetached: (report: ChangeReport, success?: string) => void
}

/** Delete first, then unmark its items; a partial unmarking leaves a repair in the panel. */
function DeleteEpicDialog({ epic, attached, onClose, onDetached }: DeleteEpicDialogProps) {
  const { t } = useI18n()
  const remove = useDeleteEpic()
  const [detach, setDetach] = useState(true)
  // A portal that refused to unmark an item once is not asked again for every item of the epic.
  const canDetach = useEpicDetachSupport() !== 'refused'
  const confirm = () => {
    remove.mutate(
      { epic, detach: canDetach && detach && attached > 0 },
      {
        onSuccess: (report) => {
          notify({ tone: 'success', title: t('epics.deleted', { name: epic.name }) })
          if (report) onDetached(report)
          onClose()
        },
      },
    )
  }
  return (
    <Dialog title={t('epics.deleteTitle', { name: epic.name })} isOpen onOpenChange={(open) => !open && onClose()} role="alertdialog">
      {attached > 0 ? (
        <>
          <p>{t('epics.dangling', { count: attached })}</p>
          {canDetach ? (
            <Checkbox className="filter-check" isSelected={detach} onChange={setDetach}>
              <span className="checkbox-box" aria-hidden="true" />
              {t('epics.detachAfter', { count: attached })}
            </Checkbox>
          ) : (
            <p>{t('epics.detachRefused')}</p>
          )}
        </>
      ) : (
        <p>{t('epics.noItems')}</p>
      )}
      {remove.isError && <ErrorNotice error={remove.error} title={t('epics.notDeleted')} />}
      <ConfirmButtons
        variant="danger"
        confirmLabel={t('epics.delete')}
        cancelLabel={t('backlog.cancel')}
        onConfirm={confirm}
        onCancel={onClose}
        pending={remove.isPending}
      />
    </Dialog>
  )
}
