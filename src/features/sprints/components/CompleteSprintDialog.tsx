import { useState } from 'react'
import { Label } from 'react-aria-components/Label'
import { Radio, RadioGroup } from 'react-aria-components/RadioGroup'
import { useI18n } from '@/i18n'
import type { ChangeReport } from '@/lib/items/change-items'
import type { Sprint } from '@/lib/sprints/sprint-fields'
import type { ContainerStats } from '@/lib/sprints/sprint-stats'
import { ConfirmButtons } from '@/ui/ConfirmButtons'
import { Dialog } from '@/ui/Dialog'
import { ErrorNotice } from '@/ui/ErrorNotice'
import { notify } from '@/ui/toast-queue'
import { useCompleteSprint } from '../api/complete-sprint'
import './sprint-dialogs.css'

interface CompleteSprintDialogProps {
  sprint: Sprint
  stats: ContainerStats
  unfinished: number
  backlogId: number
  /** Planned sprints the unfinished items could go to instead of the backlog. */
  planned: readonly Sprint[]
  onClose: () => void
  /** What moving the unfinished items on did, item by item (only when a planned sprint was chosen). */
  onMoved: (report: ChangeReport) => void
}

/** Complete the active sprint; its unfinished items go to the backlog, or to a planned sprint the person picks. */
export function CompleteSprintDialog({ sprint, stats, unfinished, backlogId, planned, onClose, onMoved }: CompleteSprintDialogProps) {
  const { t } = useI18n()
  const complete = useCompleteSprint()
  const [target, setTarget] = useState('backlog')
  const confirm = () =>
    complete.mutate(
      { sprint, unfinishedTo: target === 'backlog' ? { backlogId } : { sprintId: Number(target) } },
      {
        onSuccess: (report) => {
          notify({ tone: 'success', title: t('sprints.completed', { sprint: sprint.name }) })
          if (report) onMoved(report)
          onClose()
        },
      },
    )
  return (
    <Dialog title={t('sprints.completeTitle', { sprint: sprint.name })} isOpen onOpenChange={(open) => !open && onClose()} role="alertdialog">
      <p>{t('sprints.completeDone', { done: stats.count - unfinished, count: stats.count, points: stats.done })}</p>
      {unfinished > 0 ? (
        <RadioGroup className="radio-group" value={target} onChange={setTarget}>
          <Label className="ui-field__label">{t('sprints.unfinishedTo', { count: unfinished })}</Label>
          <Radio value="backlog" className="radio">
            {t('items.bulk.backlog')}
          </Radio>
          {planned.map((other) => (
            <Radio key={other.id} value={String(other.id)} className="radio">
              {other.name}
            </Radio>
          ))}
        </RadioGroup>
      ) : (
        <p>{t('sprints.allDone')}</p>
      )}
      {complete.isError && <ErrorNotice error={complete.error} title={t('sprints.notCompleted')} />}
      <ConfirmButtons
        confirmLabel={t('sprints.complete')}
        cancelLabel={t('backlog.cancel')}
        onConfirm={confirm}
        onCancel={onClose}
        pending={complete.isPending}
      />
    </Dialog>
  )
}
