import { Suspense, useId, useRef, useState } from 'react'
import { useI18n } from '@/i18n'
import { lazyComponent } from '@/lib/lazy-component'
import { checkPoints, formatPoints, type Scale } from '@/lib/estimation/scale'

/** The message beside a refused value: a popover, loaded the first time a value is refused. */
const PointsProblem = lazyComponent(() => import('./PointsProblem').then((module) => module.PointsProblem))

/**
 * Inline story points: Enter or leaving the field saves, Escape puts the old value back. Text the
 * totals could not use is kept in the field with the reason next to it, and nothing is sent.
 * A plain input: every row of the list has one, so it must cost next to nothing to render.
 */
export function StoryPointsField({
  value,
  scale,
  list,
  taskTitle,
  onSave,
}: {
  value: string
  scale: Scale
  /** The id of the scale's values, offered as the person types. */
  list: string | undefined
  taskTitle: string
  onSave: (points: string) => void
}) {
  const { t, locale } = useI18n()
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
  const shown = editing ? draft : formatPoints(value, locale)
  const commit = () => {
    if (!editing) return
    const check = checkPoints(draft, scale)
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
    <span className="points-field">
      <input
        ref={input}
        className="points-field__input"
        type="text"
        aria-label={t('items.points.label', { title: taskTitle })}
        placeholder="–"
        list={list}
        value={shown}
        aria-invalid={problem !== null || undefined}
        aria-describedby={problem ? errorId : undefined}
        onChange={(event) => {
          const next = event.target.value
          setEditing(true)
          setDraft(next)
          if (problem && checkPoints(next, scale).ok) setProblem(null)
        }}
        onBlur={commit}
        // Keys typed here are the field's: the list around it would take arrows, Space and letters
        // (row moves, selection, type-ahead). Focus entering the field is kept from the list too: a
        // grid that has never had focus answers it by focusing its first row, taking the typing away.
        onKeyDown={(event) => {
          event.stopPropagation()
          if (event.key === 'Enter') commit()
          if (event.key === 'Escape') {
            setDraft(formatPoints(value, locale))
            setEditing(false)
            setProblem(null)
          }
        }}
        onFocus={(event) => event.stopPropagation()}
      />
      {problem !== null && (
        <Suspense fallback={null}>
          <PointsProblem triggerRef={input} id={errorId} message={problem} />
        </Suspense>
      )}
    </span>
  )
}
