import type { RefObject } from 'react'
import { Popover } from 'react-aria-components/Popover'

/** Why a story-point value was refused: outside the row (a list row has no room), next to the field, without taking focus. */
export function PointsProblem({ triggerRef, id, message }: { triggerRef: RefObject<HTMLInputElement | null>; id: string; message: string }) {
  return (
    <Popover triggerRef={triggerRef} isOpen isNonModal placement="bottom start" className="points-field__popover">
      <span id={id} role="alert">
        {message}
      </span>
    </Popover>
  )
}
