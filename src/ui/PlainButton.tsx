import type { ButtonHTMLAttributes, KeyboardEvent } from 'react'

export interface PlainButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onClick' | 'type'> {
  onPress: () => void
}

/** Enter and Space belong to the button; the row around it would also take them (selection). */
const ownKey = (event: KeyboardEvent) => {
  if (event.key === 'Enter' || event.key === ' ') event.stopPropagation()
}

/**
 * A native button that keeps its presses to itself: inside a React Aria list row, a click or
 * Enter would otherwise also press the row and toggle its selection, and focus on it would be
 * moved to the row. Rows hold several of these,
 * and a native button costs a fraction of React Aria's (no hooks, no context to follow), which is
 * what lets a long list scroll and edit without redrawing every row.
 */
export function PlainButton({ onPress, onKeyDown, onFocus, ...props }: PlainButtonProps) {
  return (
    <button
      type="button"
      {...props}
      onPointerDown={(event) => event.stopPropagation()}
      onClick={(event) => {
        event.stopPropagation()
        onPress()
      }}
      onKeyDown={(event) => {
        onKeyDown?.(event)
        ownKey(event)
      }}
      onKeyUp={ownKey}
      // Focus coming to it stays its own too: a grid that has not had focus yet answers focus
      // inside it by moving it to a row.
      onFocus={(event) => {
        event.stopPropagation()
        onFocus?.(event)
      }}
    />
  )
}
