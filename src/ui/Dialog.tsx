import { useState, type ReactNode } from 'react'
import { Dialog as AriaDialog } from 'react-aria-components/Dialog'
import { Heading } from 'react-aria-components/Heading'
import { Modal, ModalOverlay } from 'react-aria-components/Modal'
import './ui.css'
import './dialog.css'

export interface DialogProps {
  title: string
  isOpen: boolean
  onOpenChange: (isOpen: boolean) => void
  /** Dismissable dialogs close with a click outside; Escape always closes. */
  isDismissable?: boolean
  role?: 'dialog' | 'alertdialog'
  children: ReactNode
}

/**
 * Where to put a dialog so the person sees it. The portal's iframe is as tall as the app and the
 * portal page scrolls, not the frame, so "the top of the frame" may be far off screen: open the
 * dialog next to whatever opened it.
 */
function anchorTop(): number {
  const opener = document.activeElement
  if (!(opener instanceof HTMLElement) || opener === document.body) return 48
  return Math.max(16, Math.round(opener.getBoundingClientRect().top + window.scrollY - 160))
}

/** A modal dialog: focus moves in and stays inside, and goes back where it was on close. */
export function Dialog({ title, isOpen, onOpenChange, isDismissable = true, role = 'dialog', children }: DialogProps) {
  const [top, setTop] = useState(48)
  const [wasOpen, setWasOpen] = useState(false)
  // Measured once as it opens (during render, before focus moves into the dialog).
  if (isOpen !== wasOpen) {
    setWasOpen(isOpen)
    if (isOpen) setTop(anchorTop())
  }
  return (
    <ModalOverlay className="ui-overlay" isOpen={isOpen} onOpenChange={onOpenChange} isDismissable={isDismissable}>
      <Modal className="ui-modal" style={{ marginTop: top }}>
        <AriaDialog className="ui-dialog" role={role}>
          <Heading slot="title" className="ui-dialog__title">
            {title}
          </Heading>
          {children}
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  )
}
