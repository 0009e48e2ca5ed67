import { useState } from 'react'
import { Input, TextField } from 'react-aria-components'
import { useI18n } from '../../../../i18n'

export const MAX_POINTS_LENGTH = 20

/** Inline story points: Enter or leaving the field saves, Escape puts the old value back. */
export function StoryPointsField({ value, taskTitle, onSave }: { value: string; taskTitle: string; onSave: (points: string) => void }) {
  const { t } = useI18n()
  const [draft, setDraft] = useState(value)
  const [editing, setEditing] = useState(false)
  const [saved, setSaved] = useState(value)
  // The saved value changed under us (our own save, or a rollback after the portal refused): show it.
  if (value !== saved) {
    setSaved(value)
    setDraft(value)
    setEditing(false)
  }
  const shown = editing ? draft : value
  const commit = () => {
    setEditing(false)
    const next = draft.trim()
    if (next !== value && next.length <= MAX_POINTS_LENGTH) onSave(next)
    else setDraft(value)
  }
  return (
    <TextField
      className="points-field"
      aria-label={t('items.points.label', { title: taskTitle })}
      value={shown}
      maxLength={MAX_POINTS_LENGTH}
      onChange={(next) => {
        setEditing(true)
        setDraft(next)
      }}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit()
        if (event.key === 'Escape') {
          setDraft(value)
          setEditing(false)
        }
      }}
    >
      <Input className="points-field__input" placeholder="–" />
    </TextField>
  )
}
