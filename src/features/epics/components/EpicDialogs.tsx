import { useState } from 'react'
import { ColorSwatch } from 'react-aria-components/ColorSwatch'
import { FieldError } from 'react-aria-components/FieldError'
import { Label } from 'react-aria-components/Label'
import { Radio, RadioGroup } from 'react-aria-components/RadioGroup'
import { TextArea } from 'react-aria-components/TextArea'
import { TextField } from 'react-aria-components/TextField'
import { useI18n } from '@/i18n'
import { Check } from '@/ui/Check'
import { Button } from '@/ui/Button'
import { ConfirmButtons } from '@/ui/ConfirmButtons'
import { Dialog } from '@/ui/Dialog'
import { ErrorNotice } from '@/ui/ErrorNotice'
import { Field } from '@/ui/Field'
import { notify } from '@/ui/toast-queue'
import { useAddEpic } from '../api/add-epic'
import { useDeleteEpic } from '../api/delete-epic'
import { EPIC_COLORS, nextEpicColor, type Epic } from '@/lib/epics/epic-fields'
import { EPIC_LIMITS } from '../api/epic-limits'
import { isEpicGone, useUpdateEpic } from '../api/update-epic'
import type { ChangeReport } from '@/lib/items/change-items'
import { useEpicDetachSupport } from '@/lib/items/epic-detach'
import './epic-dialogs.css'

// The epic dialogs load when one opens (the colour picker and text area are not on the first screen).

export function EpicDialog({ groupId, epic, usedColors = [], onClose }: { groupId: number; epic: Epic | null; usedColors?: readonly string[]; onClose: () => void }) {
  const { t } = useI18n()
  const add = useAddEpic()
  const update = useUpdateEpic()
  const [name, setName] = useState(epic?.name ?? '')
  const [description, setDescription] = useState(epic?.description ?? '')
  const [color, setColor] = useState<string>(epic?.color ?? nextEpicColor(usedColors))
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
        {/* One choice among a few swatches: a radio group, each swatch named by its colour. */}
        <RadioGroup className="ui-field" orientation="horizontal" value={color.toLowerCase()} onChange={setColor}>
          <Label className="ui-field__label">{t('epics.colour')}</Label>
          <div className="swatches">
            {EPIC_COLORS.map((swatch) => (
              <Radio key={swatch} value={swatch} className="swatch">
                <ColorSwatch color={swatch} className="swatch__color" />
              </Radio>
            ))}
          </div>
        </RadioGroup>
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
export function DeleteEpicDialog({ epic, attached, onClose, onDetached }: DeleteEpicDialogProps) {
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
            <Check checked={detach} onChange={setDetach}>
              {t('epics.detachAfter', { count: attached })}
            </Check>
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
