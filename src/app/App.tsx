import { useEffect, useRef } from 'react'
import { followContentHeight, setPortalTitle } from '../bitrix'
import { HomeScreen } from '../features/home/HomeScreen'
import { useI18n } from '../i18n'
import './app.css'

export function App() {
  const { t } = useI18n()
  const root = useRef<HTMLDivElement>(null)

  useEffect(() => {
    void setPortalTitle(t('app.name'))
  }, [t])

  useEffect(() => (root.current ? followContentHeight(root.current) : undefined), [])

  return (
    <div ref={root} className="app">
      <HomeScreen />
    </div>
  )
}
