import type { CalendarDate } from '@internationalized/date'
import { useState } from 'react'
import { DateField, DateInput, DateSegment } from 'react-aria-components/DateField'
import { FieldError } from 'react-aria-components/FieldError'
import { Label } from 'react-aria-components/Label'
import { Text } from 'react-aria-components/Text'
import { useI18n } from '@/i18n'
import type { Sprint } from '@/lib/sprints/sprint-fields'
import { Button } from '@/ui/Button'
import { Dialog } from '@/ui/Dialog'
import { ErrorNotice } from '@/ui/ErrorNotice'
import { Field } from '@/ui/Field'
import { notify } from '@/ui/toast-queue'
import { useAddSprint } from '../api/add-sprint'
import { nextSprintDates, nextSprintName, toDay, toPortalDate } from '../api/sprint-dates'
import { isSprintGone } from '../api/sprint-changes'
import { useUpdateSprint } from '../api/update-sprint'
import './sprint-dialogs.css'

interface SprintDialogProps {
  groupId: number
  /** null: a new sprint. */
  sprint: Sprint | null
  sprints: readonly Sprint[]
  sprintDays: number
  createdBy: number
  onClose: () => void
}

/** The longest sprint name the portal stores. */
const NAME_MAX = 255

function DayField({ label, value, onChange, error }: { label: string; value: CalendarDate | null; onChange: (day: CalendarDate | null) => void; error?: string }) {
  return (
    <DateField className="ui-field" value={value} onChange={onChange} isInvalid={error !== undefined} granularity="day">
      <Label className="ui-field__label">{label}</Label>
      <DateInput className="ui-field__input date-input">{(segment) => <DateSegment segment={segment} className="date-input__segment" />}</DateInput>
      <FieldError className="ui-field__error">{error}</FieldError>
    </DateField>
  )
}

/** Create a sprint (the next number, starting after the last one, as long as the team's sprints) or edit one. */
export function SprintDialog({ groupId, sprint, sprints, sprintDays, createdBy, onClose }: SprintDialogProps) {
  const { t } = useI18n()
  const add = useAddSprint()
  const update = useUpdateSprint()
  const suggested = nextSprintDates(sprints, sprintDays)
  const [name, setName] = useState(sprint?.name ?? nextSprintName(sprints, t('sprints.word')))
  const [start, setStart] = useState<CalendarDate | null>(sprint ? toDay(sprint.dateStart) : suggested.start)
  const [end, setEnd] = useState<CalendarDate | null>(sprint ? toDay(sprint.dateEnd) : suggested.end)
  const [errors, setErrors] = useState<{ name?: string; start?: string; end?: string }>({})
  const pending = add.isPending || update.isPending
  const error = add.error ?? update.error

  const save = () => {
    if (pending || add.isBusy() || update.isBusy()) return
    const trimmed = name.trim()
    const problems = {
      name: !trimmed ? t('sprints.nameRequired') : trimmed.length > NAME_MAX ? t('sprints.nameTooLong', { count: trimmed.length, max: NAME_MAX }) : undefined,
      start: start ? undefined : t('sprints.dateRequired'),
      end: !end ? t('sprints.dateRequired') : start && end.compare(start) < 0 ? t('sprints.endBeforeStart') : undefined,
    }
    setErrors(problems)
    if (problems.name || problems.start || problems.end || !start || !end) return
    const dates = { dateStart: toPortalDate(start), dateEnd: toPortalDate(end, true) }
    const done = (saved: Sprint) => {
      notify({ tone: 'success', title: t('sprints.saved', { sprint: saved.name }) })
      onClose()
    }
    if (sprint) {
      update.mutate(
        { sprint, changes: { name: trimmed, ...dates } },
        {
          onSuccess: done,
          onError: (failure) => {
            if (!isSprintGone(failure)) return
            notify({ tone: 'info', title: t('sprints.goneElsewhere', { sprint: sprint.name }) })
            onClose()
          },
        },
      )
    } else {
      const sort = Math.max(0, ...sprints.map((other) => other.sort)) + 1
      add.mutate({ groupId, name: trimmed, ...dates, createdBy, sort }, { onSuccess: done })
    }
  }

  return (
    <Dialog title={sprint ? t('sprints.editTitle', { sprint: sprint.name }) : t('sprints.newTitle')} isOpen onOpenChange={(open) => !open && onClose()} isDismissable={false}>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          save()
        }}
        noValidate
      >
        <Field label={t('sprints.name')} value={name} onChange={setName} errorMessage={errors.name} autoFocus />
        <div className="sprint-dates">
          <DayField label={t('sprints.dateStart')} value={start} onChange={setStart} error={errors.start} />
          <DayField label={t('sprints.dateEnd')} value={end} onChange={setEnd} error={errors.end} />
        </div>
        <Text className="ui-field__description">{t('sprints.goalHint')}</Text>
        {error && <ErrorNotice error={error} title={sprint ? t('sprints.notSaved') : t('sprints.notCreated')} />}
        <div className="ui-dialog__actions">
          <Button type="submit" variant="primary" isPending={pending}>
            {sprint ? t('sprints.save') : t('sprints.create')}
          </Button>
          <Button onPress={onClose} isDisabled={pending}>
            {t('backlog.cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
