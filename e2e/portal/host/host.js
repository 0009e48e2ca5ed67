// The portal side of an app page: it opens the app the way Bitrix24 does (a form POST into a named
// iframe) and answers the SDK's postMessage protocol (see shared/reference/b24jssdk-in-a-frame.md §1).
// Plain JS served as is: the dev portal has no build step of its own.

const $ = (id) => document.getElementById(id)

const query = new URLSearchParams(location.search)
const config = await (await fetch('/portal/config')).json()

const state = {
  userId: Number(query.get('user') ?? config.defaultUserId),
  lang: query.get('lang') ?? 'en',
  placement: query.get('placement') ?? 'DEFAULT',
  groupId: query.get('groupId') ?? '',
  install: query.get('install') === 'Y',
  appSid: crypto.randomUUID().replaceAll('-', ''),
  session: null,
  installed: false,
}

const currentUser = config.users.find((u) => u.id === state.userId) ?? config.users[0]
state.userId = currentUser.id

/** Every portal page keeps its controls in the URL, so a reload keeps the same situation. */
function navigate(changes) {
  const next = new URLSearchParams(location.search)
  for (const [key, value] of Object.entries(changes)) {
    if (value === '' || value === false || value == null) next.delete(key)
    else next.set(key, String(value))
  }
  location.search = next.toString()
}

function renderShell() {
  $('portal-name').textContent = config.portalName
  document.title = `${config.portalName} · Bitrix24`
  $('current-user').textContent = currentUser.fullName + (currentUser.isAdmin ? ' (admin)' : '')

  const userSelect = $('ctl-user')
  for (const user of config.users.filter((u) => u.active !== false)) {
    userSelect.add(new Option(`${user.fullName}${user.isAdmin ? ' — admin' : ''}`, String(user.id), false, user.id === state.userId))
  }
  userSelect.addEventListener('change', () => navigate({ user: userSelect.value }))

  const langSelect = $('ctl-lang')
  for (const lang of config.languages) langSelect.add(new Option(lang, lang, false, lang === state.lang))
  langSelect.addEventListener('change', () => navigate({ lang: langSelect.value }))

  const placementSelect = $('ctl-placement')
  const tab = (config.placements ?? []).find((b) => b.placement === 'SONET_GROUP_DETAIL_TAB')
  placementSelect.options[1].textContent = tab ? `Workgroup tab “${tab.title}”` : 'Workgroup tab (not bound)'
  placementSelect.value = state.placement
  placementSelect.addEventListener('change', () => {
    const isTab = placementSelect.value === 'SONET_GROUP_DETAIL_TAB'
    navigate({ placement: isTab ? placementSelect.value : '', groupId: isTab ? state.groupId || config.groups?.[0]?.id : '' })
  })

  const groupSelect = $('ctl-group')
  for (const group of config.groups ?? []) {
    groupSelect.add(new Option(group.name, String(group.id), false, String(group.id) === state.groupId))
  }
  $('ctl-group-wrap').hidden = state.placement !== 'SONET_GROUP_DETAIL_TAB'
  groupSelect.addEventListener('change', () => navigate({ groupId: groupSelect.value }))

  const install = $('ctl-install')
  install.checked = state.install
  install.addEventListener('change', () => navigate({ install: install.checked ? 'Y' : '' }))
  $('install-banner').hidden = !state.install
}

function placementOptions() {
  if (state.placement !== 'SONET_GROUP_DETAIL_TAB') return {}
  return { GROUP_ID: String(state.groupId), URI: `/workgroups/group/${state.groupId}/` }
}

/** Bitrix24 opens the handler with a POST: some values in the query string, the rest in the form body. */
async function launchApp() {
  const response = await fetch('/portal/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: state.userId }),
  })
  state.session = await response.json()

  // A fresh iframe carrying its name from the start: the SDK reads the portal from window.name.
  const frame = document.createElement('iframe')
  frame.id = 'app-frame'
  frame.title = 'Scrum Backlog application'
  frame.name = `${config.domain}|${config.protocol ?? 0}|${state.appSid}`
  $('app-frame').replaceWith(frame)

  // A placement opens the handler the app bound for it; without a binding there is no tab at all.
  let handler = config.appUrl
  if (state.placement !== 'DEFAULT') {
    const binding = (config.placements ?? []).find((b) => b.placement === state.placement)
    if (!binding) {
      frame.replaceWith(notBound())
      return
    }
    handler = binding.handler
  }
  const url = new URL(handler)
  url.searchParams.set('DOMAIN', config.domain)
  url.searchParams.set('PROTOCOL', String(config.protocol ?? 0))
  url.searchParams.set('LANG', state.lang)
  url.searchParams.set('APP_SID', state.appSid)

  const form = $('launch')
  form.replaceChildren()
  form.action = url.toString()
  form.target = frame.name
  const body = {
    AUTH_ID: state.session.AUTH_ID,
    AUTH_EXPIRES: String(state.session.AUTH_EXPIRES),
    REFRESH_ID: state.session.REFRESH_ID,
    SERVER_ENDPOINT: `${config.origin}/rest/`,
    APPLICATION_SCOPE: config.scopes,
    member_id: state.session.member_id,
    status: state.session.status,
    PLACEMENT: state.placement,
    PLACEMENT_OPTIONS: JSON.stringify(placementOptions()),
  }
  for (const [name, value] of Object.entries(body)) {
    const input = document.createElement('input')
    input.type = 'hidden'
    input.name = name
    input.value = value
    form.append(input)
  }
  form.submit()
}

function notBound() {
  const note = document.createElement('p')
  note.id = 'app-frame'
  note.className = 'banner'
  note.textContent = 'The app has no tab in workgroups: it has not bound SONET_GROUP_DETAIL_TAB (placement.bind). Reinstall it (install mode) as an administrator.'
  return note
}

function initData() {
  return {
    DOMAIN: config.domain,
    PROTOCOL: config.protocol ?? 0,
    LANG: state.lang,
    APP_SID: state.appSid,
    PATH: '/marketplace/app/1/',
    AUTH_ID: state.session.AUTH_ID,
    AUTH_EXPIRES: state.session.AUTH_EXPIRES,
    REFRESH_ID: state.session.REFRESH_ID,
    MEMBER_ID: state.session.member_id,
    IS_ADMIN: Boolean(state.session.IS_ADMIN),
    INSTALL: state.install && !state.installed,
    FIRST_RUN: state.install && !state.installed,
    PLACEMENT: state.placement,
    PLACEMENT_OPTIONS: placementOptions(),
    USER_OPTIONS: state.session.USER_OPTIONS ?? {},
    APP_OPTIONS: state.session.APP_OPTIONS ?? {},
  }
}

// --- portal-side dialogs -------------------------------------------------------------------------

function userToSelected(user) {
  return {
    id: String(user.id),
    name: user.fullName,
    photo: user.photo ?? '',
    position: user.workPosition ?? '',
    url: `/company/personal/user/${user.id}/`,
    sub: false,
    sup: false,
  }
}

/** The portal's employee picker. Like Bitrix24's, it answers only when someone is chosen. */
function openUserDialog(multiple, reply) {
  const dialog = $('user-dialog')
  const list = $('user-list')
  const search = $('user-search')
  const chosen = new Set()
  const users = config.users.filter((u) => u.active !== false)

  const render = () => {
    const needle = search.value.trim().toLocaleLowerCase()
    list.replaceChildren()
    for (const user of users) {
      if (needle && !`${user.fullName} ${user.workPosition ?? ''}`.toLocaleLowerCase().includes(needle)) continue
      const li = document.createElement('li')
      if (multiple) {
        const label = document.createElement('label')
        const box = document.createElement('input')
        box.type = 'checkbox'
        box.checked = chosen.has(user.id)
        box.addEventListener('change', () => (box.checked ? chosen.add(user.id) : chosen.delete(user.id)))
        label.append(box, ` ${user.fullName}`)
        li.append(label)
      } else {
        const button = document.createElement('button')
        button.type = 'button'
        button.className = 'user-choice'
        button.textContent = user.fullName
        if (user.workPosition) {
          const pos = document.createElement('small')
          pos.textContent = user.workPosition
          button.append(pos)
        }
        button.addEventListener('click', () => {
          dialog.close()
          reply(userToSelected(user))
        })
        li.append(button)
      }
      list.append(li)
    }
  }

  search.value = ''
  search.oninput = render
  $('user-dialog-ok').hidden = !multiple
  $('user-dialog-ok').onclick = () => {
    dialog.close()
    reply(users.filter((u) => chosen.has(u.id)).map(userToSelected))
  }
  $('user-dialog-cancel').onclick = () => dialog.close()
  render()
  dialog.showModal()
  search.focus()
}

function openSlider(path, reply) {
  const slider = $('slider')
  const frame = $('slider-frame')
  frame.src = new URL(path, config.origin).toString()
  slider.hidden = false
  $('slider-close').focus()
  const close = () => {
    slider.hidden = true
    frame.src = 'about:blank'
    document.removeEventListener('keydown', onKey)
    reply({ result: 'close' })
    $('app-frame').focus()
  }
  const onKey = (event) => event.key === 'Escape' && close()
  document.addEventListener('keydown', onKey)
  $('slider-close').onclick = close
}

async function saveOption(kind, name, value) {
  // Bitrix24 keeps an app option only from a user who may manage apps (BX24.isAdmin); anyone
  // else's is dropped without an answer, as the frame protocol gives none.
  if (kind === 'app' && !state.session.IS_ADMIN) return
  await fetch('/portal/options', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: state.userId, kind, name, value }),
  })
  const target = kind === 'app' ? 'APP_OPTIONS' : 'USER_OPTIONS'
  state.session[target] = { ...(state.session[target] ?? {}), [name]: value }
}

// --- the message protocol ------------------------------------------------------------------------

/** `command:params:callbackId:appSid`; the params JSON may itself contain `:`. */
function parseMessage(data) {
  if (typeof data === 'object' && data && 'method' in data) {
    return { command: data.method, params: data.params ?? {}, callbackId: data.callback, appSid: data.appSid }
  }
  if (typeof data !== 'string') return null
  const parts = data.split(':')
  if (parts.length < 3) return null
  const raw = parts.slice(1, -2).join(':')
  let params = {}
  if (raw) {
    try {
      params = JSON.parse(raw)
    } catch {
      params = { value: raw }
    }
  }
  return { command: parts[0], params, callbackId: parts.at(-2), appSid: parts.at(-1) }
}

window.portalLog = []

window.addEventListener('message', async (event) => {
  const frame = $('app-frame')
  if (event.source !== frame.contentWindow) return
  if (event.origin !== new URL(config.appUrl).origin) return
  const message = parseMessage(event.data)
  if (!message || message.appSid !== state.appSid) return
  window.portalLog.push({ command: message.command, params: message.params, at: Date.now() })

  const reply = (payload) => {
    const text = payload === undefined ? message.callbackId : `${message.callbackId}:${JSON.stringify(payload)}`
    frame.contentWindow?.postMessage(text, event.origin)
  }

  switch (message.command) {
    case 'getInitData':
      return reply(initData())
    case 'refreshAuth': {
      const response = await fetch('/portal/refresh', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken: state.session.REFRESH_ID }),
      }).catch(() => null)
      // A parent window whose portal session has ended never answers: the SDK gives up on its own
      // (JSSDK_FRAME_REFRESH_AUTH_TIMEOUT), which is what the app has to cope with.
      if (!response?.ok) return
      const fresh = await response.json()
      Object.assign(state.session, fresh)
      return reply({ AUTH_ID: fresh.AUTH_ID, REFRESH_ID: fresh.REFRESH_ID, AUTH_EXPIRES: fresh.AUTH_EXPIRES })
    }
    case 'setInstall':
      return reply({})
    case 'setInstallFinish':
      state.installed = true
      $('install-banner').textContent = 'Installation finished.'
      return reply({})
    case 'resizeWindow': {
      const height = message.params.height
      if (typeof height === 'number' && height > 0) frame.style.height = `${Math.ceil(height)}px`
      return reply({})
    }
    case 'setTitle':
      $('app-title').textContent = String(message.params.title ?? '')
      return reply({})
    case 'selectUser':
      return openUserDialog(Boolean(message.params.mult), reply)
    case 'openPath':
      return openSlider(String(message.params.path ?? '/'), reply)
    case 'setAppOption':
      await saveOption('app', message.params.name, message.params.value)
      return reply({})
    case 'setUserOption':
      await saveOption('user', message.params.name, message.params.value)
      return reply({})
    case 'closeApplication':
    case 'reloadWindow':
      if (message.command === 'reloadWindow') void launchApp()
      return reply()
    default:
      // Commands this dev portal does not play still get an answer, so nothing waits forever.
      return reply({})
  }
})

renderShell()
await launchApp()
