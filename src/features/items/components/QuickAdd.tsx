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
import type { ItemContainer } from '@/lib/items/item-fields'
import { useQuickAdd, type QuickAddDraft, type QuickAddResult } from '../api/add-item'
import { checkStoryPoints, checkTitle } from '../api/item-limits'
import { EpicSelect } from '@/components/EpicSelect'

interface QuickAddProps {
  groupId: number
  backlogId: number
  /** The backlog or sprint the new task goes into. */
  container: ItemContainer
  epics: EpicCatalogue
  /** Move the focus into the title field when the form appears (opened from a sprint's header). */
  autoFocus?: boolean
}

/**
 * A task in a few keystrokes: title (required), optional points and epic; it lands in the backlog.
 * One press of Add makes at most one task, whatever the portal or the network does.
 */
export function QuickAdd({ groupId, backlogId, container, epics, autoFocus = false }: QuickAddProps) {
  const { t } = useI18n()
  const portal = usePortal()
  const me = useCurrentUser()
  const add = useQuickAdd({ groupId, backlogId, entityId: container.id, portalOrigin: portal.origin, responsibleId: me.data?.id ?? 0 })
  const [title, setTitle] = useState('')
  const [points, setPoints] = useState('')
  const [epicId, setEpicId] = useState(0)
  const [titleError, setTitleError] = useState<string | undefined>()
  const [pointsError, setPointsError] = useState<string | undefined>()
  const { state } = add
  const saving = state.status === 'saving'

  /** The task exists now (fully, or waiting for Retry): the form is free for the next one. */
  const after = (draft: QuickAddDraft, result: QuickAddResult) => {
    if (result.outcome === 'added') {
      notify({
        tone: 'success',
        title: container.kind === 'backlog' ? t('items.add.done', { title: draft.title }) : t('items.add.doneSprint', { title: draft.title, sprint: container.name }),
      })
    }
    if (result.outcome === 'added' || result.outcome === 'partial') {
      // Keep the epic for the next one: people add several tasks of one epic in a row.
      setTitle('')
      setPoints('')
    }
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (saving || state.status === 'unconfirmed') return
    const titleCheck = checkTitle(title)
    const pointsCheck = checkStoryPoints(points)
    setTitleError(titleCheck.ok ? undefined : t(titleCheck.message.key, titleCheck.message.vars))
    setPointsError(pointsCheck.ok ? undefined : t(pointsCheck.message.key, pointsCheck.message.vars))
    if (!titleCheck.ok || !pointsCheck.ok || !me.data) return
    const draft = { title: titleCheck.value, storyPoints: pointsCheck.value, epicId }
    void add.submit(draft).then((result) => after(draft, result))
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
          if (pointsError && checkStoryPoints(value).ok) setPointsError(undefined)
        }}
        errorMessage={pointsError}
      />
      <EpicSelect className="quick-add__epic" catalogue={epics} value={epicId} onChange={setEpicId} label={t('items.add.epic')} showLabel />
      <Button
        type="submit"
        variant="primary"
        isPending={saving}
        isDisabled={state.status === 'unconfirmed' || !me.data}
        className="quick-add__submit"
      >
        {t('items.add.submit')}
      </Button>
      {me.isError && (
        <div className="quick-add__error">
          <ErrorNotice error={me.error} title={t('items.add.whoFailed')} onRetry={() => void me.refetch()} />
        </div>
      )}
      {state.status === 'failed' && (
        <div className="quick-add__error">
          <ErrorNotice error={state.error} title={t('items.add.failed')} />
        </div>
      )}
      {state.status === 'unconfirmed' && (
        <div className="quick-add__error">
          <Notice
            tone="warning"
            urgent
            title={t('items.add.unconfirmed', { title: state.draft.title })}
            actions={[{ label: t('items.add.checkAgain'), onPress: () => void add.check().then((result) => after(state.draft, result)), variant: 'primary' }]}
          >
            <p className="ui-alert__text">{t('items.add.unconfirmedWhy', { reason: describeError(state.error.cause, t) })}</p>
          </Notice>
        </div>
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
