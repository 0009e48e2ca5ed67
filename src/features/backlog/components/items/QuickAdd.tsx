import { useState, type FormEvent } from 'react'
import { usePortal } from '../../../../app/PortalContext'
import { useCurrentUser } from '../../../../lib/users/get-current-user'
import { useI18n } from '../../../../i18n'
import { Button, ErrorNotice, Field, notify } from '../../../../ui'
import type { Epic } from '../../api/epics/epic-fields'
import { useQuickAdd } from '../../api/items/add-item'
import { EpicSelect } from './EpicSelect'
import { MAX_POINTS_LENGTH } from './StoryPointsField'

/** A task in a few keystrokes: title (required), optional points and epic; it lands in the backlog. */
export function QuickAdd({ groupId, epics }: { groupId: number; epics: readonly Epic[] }) {
  const { t } = useI18n()
  const portal = usePortal()
  const me = useCurrentUser()
  const add = useQuickAdd()
  const [title, setTitle] = useState('')
  const [points, setPoints] = useState('')
  const [epicId, setEpicId] = useState(0)
  const [titleError, setTitleError] = useState<string | undefined>()

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (add.isPending) return
    if (!title.trim()) {
      setTitleError(t('items.add.titleRequired'))
      return
    }
    if (!me.data) return
    add.mutate(
      { groupId, portalOrigin: portal.origin, title, responsibleId: me.data.id, storyPoints: points, epicId },
      {
        onSuccess: (item) => {
          notify({ tone: 'success', title: t('items.add.done', { title: item.title }) })
          // Keep the epic for the next one: people add several tasks of one epic in a row.
          setTitle('')
          setPoints('')
        },
      },
    )
  }

  return (
    <form className="quick-add" onSubmit={submit} noValidate aria-label={t('items.add.label')}>
      <Field
        className="quick-add__title"
        label={t('items.add.title')}
        value={title}
        onChange={(value) => {
          setTitle(value)
          if (value.trim()) setTitleError(undefined)
        }}
        errorMessage={titleError}
        placeholder={t('items.add.placeholder')}
      />
      <Field
        className="quick-add__points"
        label={t('items.add.points')}
        value={points}
        maxLength={MAX_POINTS_LENGTH}
        onChange={setPoints}
      />
      <EpicSelect className="quick-add__epic" epics={epics} value={epicId} onChange={setEpicId} label={t('items.add.epic')} showLabel />
      <Button type="submit" variant="primary" isPending={add.isPending} className="quick-add__submit">
        {t('items.add.submit')}
      </Button>
      {add.isError && (
        <div className="quick-add__error">
          <ErrorNotice error={add.error} title={t('items.add.failed')} />
        </div>
      )}
    </form>
  )
}
