import './ui.css'

export function Badge({ tone, children }: { tone: 'success' | 'warning' | 'muted'; children: string }) {
  return <span className={`ui-badge ui-badge--${tone}`}>{children}</span>
}
