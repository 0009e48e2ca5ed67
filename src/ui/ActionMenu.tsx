import type { ComponentType, ReactNode } from 'react'
import { deferredModule, useOnDemand } from '@/lib/lazy-component'
import { PlainButton } from './PlainButton'

export interface MenuAction {
  id: string
  label: string
  onAction?: () => void
  isDisabled?: boolean
  /** A line above this entry (it starts a new group). */
  separatorBefore?: boolean
}

export interface ActionMenuProps {
  /** Names the button and the menu ("Actions for “Fix login”"). */
  label: string
  /** What the button shows (an icon). */
  content: ReactNode
  className: string
  /** The entries, worked out when the menu opens (not on every render of every row). */
  actions: () => MenuAction[]
}

const fullMenu = deferredModule<{ default: ComponentType<ActionMenuProps> }>(() => import('./ActionMenuPopover'))

/**
 * A "⋯" menu that costs a button until it is opened: the menu and its popover load on the first
 * press, replace the button, take the focus and open. Hovering starts the download early.
 */
export function ActionMenu(props: ActionMenuProps) {
  const { Full, opening, open, preload } = useOnDemand(fullMenu)
  if (Full) return <Full {...props} />
  return (
    // A native button: a list shows one in every row, and React Aria's follows every change of the
    // input modality (a key pressed after a click redraws each of them).
    <PlainButton
      className={props.className}
      aria-label={props.label}
      aria-haspopup="menu"
      // A list around it waits before rebuilding its rows (drag and drop arriving) while this opens.
      data-opening={opening || undefined}
      onPress={open}
      // Pointing at it or tabbing to it fetches the code, so that it is here when pressed.
      onPointerEnter={preload}
      onFocus={preload}
    >
      {props.content}
    </PlainButton>
  )
}
