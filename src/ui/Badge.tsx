import './ui.css'

export function Badge({ tone, children, id }: { tone: 'success' | 'warning' | 'muted'; children: string; id?: string }) {
  return (
    <span id={id} className={`ui-badge ui-badge--${tone}`}>
      {children}
    </span>
  )
}
