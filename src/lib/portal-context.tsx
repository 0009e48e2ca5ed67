import { createContext, useContext } from 'react'
import type { PortalContext } from '@/bitrix'

export const PortalInfoContext = createContext<PortalContext | null>(null)

/** Where the app runs: portal domain, language, placement. Only available once connected. */
export function usePortal(): PortalContext {
  const portal = useContext(PortalInfoContext)
  if (!portal) throw new Error('usePortal() needs the portal connection (AppProviders)')
  return portal
}
