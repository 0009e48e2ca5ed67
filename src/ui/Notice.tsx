import type { ReactNode } from 'react'
import { Button } from './Button'
import './ui.css'

export interface NoticeAction {
  label: string
  onPress: () => void
  isPending?: boolean
  variant?: 'primary' | 'secondary'
}

interface NoticeProps {
  tone: 'error' | 'warning' | 'info'
  title: string
  children?: ReactNode
  actions?: readonly NoticeAction[]
  /** Assertive (role=alert) for failures the user must know about now; polite otherwise. */
  urgent?: boolean
  className?: string
}

/** A message that stays where its subject is until it is dealt with (a toast can scroll out of the frame). */
export function Notice({ tone, title, children, actions = [], urgent = tone === 'error', className }: NoticeProps) {
  return (
    <div role={urgent ? 'alert' : 'status'} className={['ui-alert', `ui-alert--${tone}`, className].filter(Boolean).join(' ')}>
      <h2 className="ui-alert__title">{title}</h2>
      {children}
      {actions.length > 0 && (
        <div className="ui-alert__actions">
          {actions.map((action) => (
            <Button key={action.label} size="s" variant={action.variant} isPending={action.isPending} onPress={action.onPress}>
              {action.label}
            </Button>
          ))}
        </div>
      )}
    </div>
  )
}
