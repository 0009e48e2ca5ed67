import { Button as AriaButton, type ButtonProps as AriaButtonProps } from 'react-aria-components/Button'
import './ui.css'

export interface ButtonProps extends AriaButtonProps {
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost'
  size?: 'm' | 's'
}

/** A button that announces "busy" while its action runs and cannot be pressed twice meanwhile. */
export function Button({ variant = 'secondary', size = 'm', className, ...props }: ButtonProps) {
  return (
    <AriaButton
      {...props}
      className={['ui-button', `ui-button--${variant}`, `ui-button--${size}`, className].filter(Boolean).join(' ')}
    />
  )
}
