import { Component, type ReactNode } from 'react'

interface Props {
  fallback: (reset: () => void) => ReactNode
  children: ReactNode
}

/** The last line: a render error shows a clear page instead of a blank frame. */
export class ErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false }

  static getDerivedStateFromError() {
    return { failed: true }
  }

  override componentDidCatch(error: unknown) {
    console.error('Unexpected error in the app', error)
  }

  override render() {
    if (this.state.failed) return this.props.fallback(() => this.setState({ failed: false }))
    return this.props.children
  }
}
