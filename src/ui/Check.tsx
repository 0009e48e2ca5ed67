import type { ReactNode } from 'react'
import './ui.css'

interface CheckProps {
  checked: boolean
  onChange: (checked: boolean) => void
  children: ReactNode
  className?: string
}

/**
 * A checkbox with the app's look, built on the browser's own: its keyboard and screen-reader
 * behaviour come with it, and it costs the screen no code. (React Aria's checkbox would bring its
 * form validation along to the board's first download.)
 */
export function Check({ checked, onChange, children, className }: CheckProps) {
  return (
    <label className={className ? `ui-check ${className}` : 'ui-check'}>
      <input type="checkbox" className="ui-check__box" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      {children}
    </label>
  )
}
