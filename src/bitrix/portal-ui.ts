import { connectToPortal, type B24Frame } from './frame'

/** What the portal told the app about where and for whom it runs. */
export interface PortalContext {
  /** `http(s)://domain`: portal pages and relative image paths live here. */
  origin: string
  domain: string
  lang: string
  isAdmin: boolean
  isInstallMode: boolean
  placement: string
  /** Placement options with upper-case keys; values as strings (`GROUP_ID`, `URI`, …). */
  placementOptions: Record<string, string>
}

function normalisePlacementOptions(raw: unknown): Record<string, string> {
  let value = raw
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value)
    } catch {
      return {}
    }
  }
  if (!value || typeof value !== 'object') return {}
  // Key case is not guaranteed across placements.
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key.toUpperCase(), String(item)]))
}

export function readPortalContext(b24: B24Frame): PortalContext {
  const origin = b24.getTargetOrigin()
  return {
    origin,
    domain: new URL(origin).host,
    lang: String(b24.getLang()),
    isAdmin: b24.auth.isAdmin,
    isInstallMode: b24.isInstallMode,
    placement: b24.placement.placement,
    placementOptions: normalisePlacementOptions(b24.placement.options),
  }
}

/** The portal's title above the app frame. */
export async function setPortalTitle(title: string): Promise<void> {
  const b24 = await connectToPortal()
  await b24.parent.setTitle(title)
}

/**
 * Keep the portal's iframe as tall as the app's content, so the portal page scrolls, not the frame.
 * Modal dialogs float above the content; the frame grows to hold them too, or they would be cut off.
 */
export function followContentHeight(element: HTMLElement, overlaySelector = '.ui-modal', minHeight = 400): () => void {
  let last = 0
  const measure = () => {
    let height = Math.max(minHeight, Math.ceil(element.scrollHeight))
    for (const overlay of document.querySelectorAll<HTMLElement>(overlaySelector)) {
      height = Math.max(height, Math.ceil(overlay.getBoundingClientRect().bottom + window.scrollY + 32))
    }
    if (height === last) return
    last = height
    void connectToPortal().then((b24) => b24.parent.resizeWindow(document.body.clientWidth || 0, height))
  }
  const resizes = new ResizeObserver(measure)
  resizes.observe(element)
  // Only a dialog coming or going matters here: the content's own size is the ResizeObserver's.
  // Rows added and removed while a long list scrolls must not read the layout.
  const touchesOverlay = (nodes: NodeList) => {
    for (const node of nodes) if (node instanceof Element && (node.matches(overlaySelector) || node.querySelector(overlaySelector))) return true
    return false
  }
  const mutations = new MutationObserver((records) => {
    if (!records.some((record) => touchesOverlay(record.addedNodes) || touchesOverlay(record.removedNodes))) return
    for (const overlay of document.querySelectorAll(overlaySelector)) resizes.observe(overlay)
    measure()
  })
  mutations.observe(document.body, { childList: true, subtree: true })
  return () => {
    resizes.disconnect()
    mutations.disconnect()
  }
}

export interface PortalUser {
  id: number
  name: string
  photo: string
  position: string
}

/** The portal's own employee picker. Resolves only when someone is chosen (Bitrix24 never answers a cancel). */
export async function pickPortalUser(): Promise<PortalUser | null> {
  const b24 = await connectToPortal()
  const user = await b24.dialog.selectUser()
  if (!user) return null
  return { id: Number(user.id), name: user.name, photo: user.photo, position: user.position }
}

export async function pickPortalUsers(): Promise<PortalUser[]> {
  const b24 = await connectToPortal()
  const users = await b24.dialog.selectUsers()
  return users.map((user) => ({ id: Number(user.id), name: user.name, photo: user.photo, position: user.position }))
}

/** Open a portal page (a task, a profile) in the portal's slider. Resolves when the slider closes. */
export async function openInPortalSlider(path: string): Promise<void> {
  const b24 = await connectToPortal()
  await b24.slider.openPath(b24.slider.getUrl(path))
}

/** Per-user settings kept by the portal (they come back in the init data next time). */
export async function readUserOption(name: string): Promise<unknown> {
  const b24 = await connectToPortal()
  try {
    return b24.options.userGet(name)
  } catch {
    return undefined // the SDK throws for options never set
  }
}

export async function writeUserOption(name: string, value: unknown): Promise<void> {
  const b24 = await connectToPortal()
  await b24.options.userSet(name, value)
}

/** The app's own settings, shared by everyone on the portal (they came with the init data). */
export async function readAppOption(name: string): Promise<unknown> {
  const b24 = await connectToPortal()
  try {
    return b24.options.appGet(name)
  } catch {
    return undefined // the SDK throws for options never set
  }
}

/**
 * Bitrix24 keeps an app option only when an administrator sets it (others are silently ignored,
 * and the frame does not answer either way): call this for administrators only.
 */
export async function writeAppOption(name: string, value: unknown): Promise<void> {
  const b24 = await connectToPortal()
  await b24.options.appSet(name, value)
}

/** Finish the install step when the portal opened the app in install mode. */
export async function finishInstall(): Promise<void> {
  const b24 = await connectToPortal()
  if (b24.isInstallMode) await b24.installFinish()
}
