import { useId, useRef, useState } from 'react'
import { Input } from 'react-aria-components/Input'
import { Popover } from 'react-aria-components/Popover'
import { TextField } from 'react-aria-components/TextField'
import { useI18n } from '@/i18n'
import { checkStoryPoints } from '../api/item-limits'

/**
 * Inline story points: Enter or leaving the field saves, Escape puts the old value back. Text the
 * totals could not use is kept in the field with the reason next to it, and nothing is sent.
 */
export function StoryPointsField({ value, taskTitle, onSave }: { value: string; taskTitle: string; onSave: (points: string) => void }) {
  const { t } = useI18n()
  const errorId = useId()
  const input = useRef<HTMLInputElement>(null)
  const [draft, setDraft] = useState(value)
  const [editing, setEditing] = useState(false)
  const [saved, setSaved] = useState(value)
  const [problem, setProblem] = useState<string | null>(null)
  // The saved value changed under us (our own save, a newer choice, or what the portal kept): show it.
  if (value !== saved) {
    setSaved(value)
    if (!problem) {
      setDraft(value)
      setEditing(false)
    }
  }
  const shown = editing ? draft : value
  const commit = () => {
    if (!editing) return
    const check = checkStoryPoints(draft)
    if (!check.ok) {
      setProblem(t(check.message.key, check.message.vars))
      return
    }
    setProblem(null)
    setEditing(false)
    if (check.value !== value) onSave(check.value)
    else setDraft(value)
  }
  return (
    <TextField
      className="points-field"
      aria-label={t('items.points.label', { title: taskTitle })}
      value={shown}
      isInvalid={problem !== null}
      aria-describedby={problem ? errorId : undefined}
      onChange={(next) => {
        setEditing(true)
        setDraft(next)
        if (problem && checkStoryPoints(next).ok) setProblem(null)
      }}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit()
        if (event.key === 'Escape') {
          setDraft(value)
          setEditing(false)
          setProblem(null)
        }
      }}
    >
      {/*
        Focus entering the field is kept from the list: a grid that has never had focus answers it by
        focusing its first row, which would take the focus (and the typing) away from the field.
      */}
      <Input ref={input} className="points-field__input" placeholder="–" onFocus={(event) => event.stopPropagation()} />
      {/* Outside the row (a list row has no room), next to the field, without taking focus. */}
      <Popover triggerRef={input} isOpen={problem !== null} isNonModal placement="bottom start" className="points-field__popover">
        <span id={errorId} role="alert">
          {problem}
        </span>
      </Popover>
    </TextField>
  )
}
