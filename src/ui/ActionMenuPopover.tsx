import { Fragment, useEffect, useRef, useState } from 'react'
import { Button } from 'react-aria-components/Button'
import { Menu, MenuItem, MenuTrigger } from 'react-aria-components/Menu'
import { Popover } from 'react-aria-components/Popover'
import { Separator } from 'react-aria-components/Separator'
import type { ActionMenuProps } from './ActionMenu'
import './popover.css'

/** The menu behind ActionMenu's button: it opens as soon as it replaces that button. */
export default function ActionMenuPopover({ label, content, className, actions }: ActionMenuProps) {
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    // Focus first, then open: closing the menu gives the focus back to whatever had it at opening.
    // Again in the next frame: a list whose focused row lost its button takes the focus back to
    // the row in between.
    button.current?.focus()
    const frame = requestAnimationFrame(() => {
      button.current?.focus()
      setOpen(true)
    })
    return () => cancelAnimationFrame(frame)
  }, [])
  return (
    <MenuTrigger isOpen={open} onOpenChange={setOpen}>
      <Button ref={button} className={className} aria-label={label}>
        {content}
      </Button>
      <Popover className="combo__popover item-menu" placement="bottom end">
        <Menu className="combo__list" aria-label={label}>
          {open &&
            actions().map((action) => (
              <Fragment key={action.id}>
                {action.separatorBefore && <Separator className="menu-separator" />}
                <MenuItem id={action.id} className="combo__option" isDisabled={action.isDisabled} onAction={action.onAction}>
                  {action.label}
                </MenuItem>
              </Fragment>
            ))}
        </Menu>
      </Popover>
    </MenuTrigger>
  )
}
