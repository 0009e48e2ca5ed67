import { useState, type FormEvent } from 'react'
import { usePortal } from '@/lib/portal-context'
import { useCurrentUser } from '@/lib/users/get-current-user'
import { useI18n } from '@/i18n'
import { describeError } from '@/lib/error-message'
import { Button } from '@/ui/Button'
import { ErrorNotice } from '@/ui/ErrorNotice'
import { Field } from '@/ui/Field'
import { Notice } from '@/ui/Notice'
import { notify } from '@/ui/toast-queue'
import type { EpicCatalogue } from '@/lib/epics/epic-fields'
import type { BacklogItem, ItemContainer } from '@/lib/items/item-fields'
import type { CreateUnconfirmedError } from '@/lib/changes/create-once'
import { useQuickAdd, type QuickAddDraft } from '../api/add-item'
import type { QueuedAdd } from '../api/add-queue'
import { checkTitle } from '../api/item-limits'
import { checkPoints, scaleListId, scaleValues, type Scale } from '@/lib/estimation/scale'
import { EpicSelect } from '@/components/EpicSelect'

interface QuickAddProps {
  groupId: number
  backlogId: number
  /** The backlog or sprint the new task goes into. */
  container: ItemContainer
  epics: EpicCatalogue
  /** The team's estimation scale: what the points field takes and offers. */
  scale: Scale
  /** Move the focus into the title field when the form appears (opened from a sprint's header). */
  autoFocus?: boolean
  /** A task was added (the form is already free for the next): bring it into view. */
  onAdded?: (item: BacklogItem) => void
}

/**
 * A task in a few keystrokes: title (required), optional points and epic; it lands in the backlog.
 * Titles can follow each other without waiting: each waits its turn under the form and is created
 * once, in order, whatever the portal or the network does.
 */
export function QuickAdd({ groupId, backlogId, container, epics, scale, autoFocus = false, onAdded }: QuickAddProps) {
  const { t } = useI18n()
  const portal = usePortal()
  const me = useCurrentUser()
  const add = useQuickAdd({ groupId, backlogId, entityId: container.id, portalOrigin: portal.origin, responsibleId: me.data?.id ?? 0 }, (draft, item) => {
    notify({
      tone: 'success',
      title: container.kind === 'backlog' ? t('items.add.done', { title: draft.title }) : t('items.add.doneSprint', { title: draft.title, sprint: container.name }),
    })
    onAdded?.(item)
  })
  const [title, setTitle] = useState('')
  const [points, setPoints] = useState('')
  const [epicId, setEpicId] = useState(0)
  const [titleError, setTitleError] = useState<string | undefined>()
  const [pointsError, setPointsError] = useState<string | undefined>()

  // The title joins the queue and the form is free for the next one at once; the epic stays, as
  // people add several tasks of one epic in a row.
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const titleCheck = checkTitle(title)
    const pointsCheck = checkPoints(points, scale)
    setTitleError(titleCheck.ok ? undefined : t(titleCheck.message.key, titleCheck.message.vars))
    setPointsError(pointsCheck.ok ? undefined : t(pointsCheck.message.key, pointsCheck.message.vars))
    if (!titleCheck.ok || !pointsCheck.ok || !me.data) return
    add.submit({ title: titleCheck.value, storyPoints: pointsCheck.value, epicId })
    setTitle('')
    setPoints('')
  }

  const queued = (entry: QueuedAdd<QuickAddDraft>) => {
    if (entry.status === 'failed') {
      return (
        <Notice
          tone="error"
          title={t('items.add.failed', { title: entry.draft.title })}
          actions={[
            { label: t('error.retry'), onPress: () => add.retry(entry.key), variant: 'primary' },
            { label: t('items.add.remove'), onPress: () => add.remove(entry.key) },
          ]}
        >
          <p className="ui-alert__text">{describeError(entry.error, t)}</p>
        </Notice>
      )
    }
    if (entry.status === 'unconfirmed') {
      return (
        <Notice
          tone="warning"
          urgent
          title={t('items.add.unconfirmed', { title: entry.draft.title })}
          actions={[{ label: t('items.add.checkAgain'), onPress: () => add.check(entry.key), variant: 'primary' }]}
        >
          <p className="ui-alert__text">{t('items.add.unconfirmedWhy', { reason: describeError((entry.error as CreateUnconfirmedError).cause, t) })}</p>
        </Notice>
      )
    }
    return (
      <div className="quick-add__pending" data-status={entry.status}>
        <span className="quick-add__spinner" aria-hidden="true" />
        <span className="quick-add__pending-title">{entry.draft.title}</span>
        <span className="quick-add__pending-state">
          {entry.status === 'saving' ? t('items.add.saving') : entry.status === 'checking' ? t('items.add.checking') : t('items.add.waiting')}
        </span>
      </div>
    )
  }

  return (
    <form
      className="quick-add"
      data-container={container.kind}
      onSubmit={submit}
      noValidate
      aria-label={container.kind === 'backlog' ? t('items.add.label') : t('items.add.labelSprint', { sprint: container.name })}
    >
      <Field
        className="quick-add__title"
        label={t('items.add.title')}
        value={title}
        onChange={(value) => {
          setTitle(value)
          if (titleError && checkTitle(value).ok) setTitleError(undefined)
          if (!value.trim()) setTitleError(undefined)
        }}
        errorMessage={titleError}
        placeholder={t('items.add.placeholder')}
        autoFocus={autoFocus}
      />
      <Field
        className="quick-add__points"
        label={t('items.add.points')}
        value={points}
        onChange={(value) => {
          setPoints(value)
          if (pointsError && checkPoints(value, scale).ok) setPointsError(undefined)
        }}
        errorMessage={pointsError}
        list={scaleValues(scale).length > 0 ? scaleListId(groupId) : undefined}
      />
      <EpicSelect className="quick-add__epic" catalogue={epics} value={epicId} onChange={setEpicId} label={t('items.add.epic')} showLabel />
      <Button
        type="submit"
        variant="primary"
        isDisabled={!me.data}
        className="quick-add__submit"
      >
        {t('items.add.submit')}
      </Button>
      {me.isError && (
        <div className="quick-add__error">
          <ErrorNotice error={me.error} title={t('items.add.whoFailed')} onRetry={() => void me.refetch()} />
        </div>
      )}
      {add.queue.length > 0 && (
        <ol className="quick-add__queue" aria-label={t('items.add.queue')} aria-live="polite">
          {add.queue.map((entry) => (
            <li key={entry.key}>{queued(entry)}</li>
          ))}
        </ol>
      )}
      {add.unfinished.map((entry) => (
        <div key={entry.task.id} className="quick-add__error">
          <Notice
            tone="error"
            title={t('items.add.partial', { title: entry.draft.title })}
            actions={[
              { label: t('items.add.finish'), onPress: () => void add.retryFinish(entry), variant: 'primary', isPending: entry.retrying },
              { label: t('changes.dismiss'), onPress: () => add.dismiss(entry) },
            ]}
          >
            <p className="ui-alert__text">
              {t('items.add.partialWhat', {
                what: [
                  entry.missing.points ? t('items.add.partialPoints', { points: entry.draft.storyPoints }) : '',
                  entry.missing.epic ? t('items.add.partialEpic', { epic: epics.epics.find((epic) => epic.id === entry.draft.epicId)?.name ?? `#${entry.draft.epicId}` }) : '',
                  !entry.missing.place ? '' : container.kind === 'sprint' ? t('items.add.partialSprint', { sprint: container.name }) : t('items.add.partialBacklog'),
                ]
                  .filter(Boolean)
                  .join(t('items.add.and')),
                reason: describeError(entry.error, t),
              })}
            </p>
          </Notice>
        </div>
      ))}
    </form>
  )
}
