import { useState } from 'react'
import { ColorSwatch, ColorSwatchPicker, ColorSwatchPickerItem, Label, TextArea, TextField, Checkbox } from 'react-aria-components'
import { useI18n } from '../../../../i18n'
import { describeError } from '../../../../lib/error-message'
import { Button, Dialog, ErrorNotice, Field, notify } from '../../../../ui'
import { useAddEpic } from '../../api/epics/add-epic'
import { useDeleteEpic } from '../../api/epics/delete-epic'
import { EPIC_COLORS, type Epic } from '../../api/epics/epic-fields'
import { useUpdateEpic } from '../../api/epics/update-epic'
import { sumStoryPoints, type BacklogItem } from '../../api/items/item-fields'

interface EpicsPanelProps {
  groupId: number
  epics: readonly Epic[]
  items: readonly BacklogItem[]
}

type Editing = { mode: 'create' } | { mode: 'edit'; epic: Epic } | { mode: 'delete'; epic: Epic } | null

/** The scrum's epics with their colour, item count and points; create, edit, delete. */
export function EpicsPanel({ groupId, epics, items }: EpicsPanelProps) {
  const { t } = useI18n()
  const [editing, setEditing] = useState<Editing>(null)
  return (
    <section className="epics-panel" aria-labelledby="epics-title">
      <div className="epics-panel__header">
        <h3 id="epics-title">{t('epics.title')}</h3>
        <Button size="s" onPress={() => setEditing({ mode: 'create' })}>
          {t('epics.new')}
        </Button>
      </div>
      {epics.length === 0 ? (
        <p className="muted">{t('epics.empty')}</p>
      ) : (
        <ul className="epics-list">
          {epics.map((epic) => {
            const own = items.filter((item) => item.epicId === epic.id)
            const points = sumStoryPoints(own)
            return (
              <li key={epic.id} className="epics-list__item">
                <span className="epic-chip__dot epic-chip__dot--big" style={{ background: epic.color }} aria-hidden="true" />
                <span className="epics-list__main">
                  <span className="epics-list__name">{epic.name}</span>
                  <span className="epics-list__meta">
                    {t('epics.items', { count: own.length })} · {t('epics.points', { points: points.total })}
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
      {(editing?.mode === 'create' || editing?.mode === 'edit') && (
        <EpicDialog groupId={groupId} epic={editing.mode === 'edit' ? editing.epic : null} onClose={() => setEditing(null)} />
      )}
      {editing?.mode === 'delete' && (
        <DeleteEpicDialog
          epic={editing.epic}
          attached={items.filter((item) => item.epicId === editing.epic.id)}
          onClose={() => setEditing(null)}
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
  const pending = add.isPending || update.isPending
  const error = add.error ?? update.error

  const save = () => {
    if (pending) return
    if (!name.trim()) {
      setNameError(t('epics.nameRequired'))
      return
    }
    const done = () => {
      notify({ tone: 'success', title: t('epics.saved', { name: name.trim() }) })
      onClose()
    }
    if (epic) update.mutate({ epic, changes: { name, description, color } }, { onSuccess: done })
    else add.mutate({ groupId, name, description, color }, { onSuccess: done })
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
        <Field label={t('epics.name')} value={name} onChange={(value) => {
          setName(value)
          if (value.trim()) setNameError(undefined)
        }} errorMessage={nameError} autoFocus />
        <TextField className="ui-field" value={description} onChange={setDescription}>
          <Label className="ui-field__label">{t('epics.description')}</Label>
          <TextArea className="ui-field__input ui-field__textarea" rows={3} />
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
        {error && <ErrorNotice error={error} title={describeError(error, t)} />}
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

function DeleteEpicDialog({ epic, attached, onClose }: { epic: Epic; attached: readonly BacklogItem[]; onClose: () => void }) {
  const { t } = useI18n()
  const remove = useDeleteEpic()
  const [detach, setDetach] = useState(true)
  const confirm = () => {
    if (remove.isPending) return
    remove.mutate(
      { epic, detach: detach ? attached : [] },
      {
        onSuccess: () => {
          notify({ tone: 'success', title: t('epics.deleted', { name: epic.name }) })
          onClose()
        },
      },
    )
  }
  return (
    <Dialog title={t('epics.deleteTitle', { name: epic.name })} isOpen onOpenChange={(open) => !open && onClose()} role="alertdialog">
      {attached.length > 0 ? (
        <>
          <p>{t('epics.dangling', { count: attached.length })}</p>
          <Checkbox className="filter-check" isSelected={detach} onChange={setDetach}>
            <span className="checkbox-box" aria-hidden="true" />
            {t('epics.detachFirst', { count: attached.length })}
          </Checkbox>
        </>
      ) : (
        <p>{t('epics.noItems')}</p>
      )}
      {remove.isError && <ErrorNotice error={remove.error} />}
      <div className="ui-dialog__actions">
        <Button variant="danger" isPending={remove.isPending} onPress={confirm}>
          {t('epics.delete')}
        </Button>
        <Button onPress={onClose} isDisabled={remove.isPending} autoFocus>
          {t('backlog.cancel')}
        </Button>
      </div>
    </Dialog>
  )
}
