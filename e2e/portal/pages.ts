/**
 * Portal pages the app opens in the slider (`slider.openPath`): a user's profile, a workgroup,
 * a task card. Plain HTML in a Bitrix24-like look; every value is escaped, since seed names
 * contain `<`, `&` and quotes on purpose. Also serves the generated avatar pictures.
 */
import type { ServerResponse } from 'node:http'
import type { Store, Task, User } from './data/model'
import { escapeHtml, send, sendHtml } from './http/send'

const STATUS_NAMES: Record<Task['status'], string> = { '2': 'Pending', '3': 'In progress', '4': 'Awaiting control', '5': 'Completed', '6': 'Deferred', '7': 'Declined' }
const ROLE_NAMES = { A: 'Owner', E: 'Moderator', K: 'Member' } as const

const fullName = (u: User) => [u.name, u.lastName].filter(Boolean).join(' ')

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
  body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: #eef2f4; color: #333; }
  header { background: #0075ff; color: #fff; padding: 12px 24px; font-weight: 600; }
  main { max-width: 760px; margin: 24px auto; background: #fff; border-radius: 12px; padding: 24px 32px; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
  h1 { font-size: 22px; margin: 0 0 16px; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 6px 16px; margin: 0; }
  dt { color: #828b95; }
  dd { margin: 0; }
  ul { padding-left: 20px; }
  .muted { color: #828b95; }
</style>
</head>
<body>
<header>Bitrix24 · Scrum Dev Portal</header>
<main>
${body}
</main>
</body>
</html>
`
}

function fields(rows: Array<[string, string]>): string {
  return `<dl>${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${v}</dd>`).join('')}</dl>`
}

function notFound(res: ServerResponse, what: string): number {
  return sendHtml(res, 404, layout('Not found', `<h1>Not found</h1><p class="muted">${escapeHtml(what)}</p>`))
}

function userLink(store: Store, id: number): string {
  const u = store.user(id)
  return u ? `<a href="/company/personal/user/${u.id}/">${escapeHtml(fullName(u))}</a>` : `<span class="muted">user ${id}</span>`
}

function userPage(store: Store, res: ServerResponse, id: number): number {
  const u = store.user(id)
  if (!u) return notFound(res, `User ${id} does not exist.`)
  const groups = store.groupList().filter((g) => g.members.has(id))
  return sendHtml(res, 200, layout(fullName(u), `<h1>${escapeHtml(fullName(u))}</h1>${fields([
    ['Position', escapeHtml(u.workPosition || '—')],
    ['E-mail', escapeHtml(u.email)],
    ['Status', u.active ? 'Active' : 'Dismissed'],
    ['Groups', groups.map((g) => `<a href="/workgroups/group/${g.id}/">${escapeHtml(g.name)}</a>`).join(', ') || '—'],
  ])}`))
}

function groupPage(store: Store, res: ServerResponse, id: number): number {
  const g = store.group(id)
  if (!g) return notFound(res, `Workgroup ${id} does not exist.`)
  const members = [...g.members].sort(([a], [b]) => a - b).map(([uid, role]) => `<li>${userLink(store, uid)} <span class="muted">${ROLE_NAMES[role]}</span></li>`)
  return sendHtml(res, 200, layout(g.name, `<h1>${escapeHtml(g.name)}</h1>${fields([
    ['Type', escapeHtml(g.type)],
    ['Description', escapeHtml(g.description || '—')],
    ['Scrum master', g.scrumMasterId ? userLink(store, g.scrumMasterId) : '—'],
    ['Visible', g.visible ? 'Yes' : 'No'],
  ])}<h2>Members</h2><ul>${members.join('')}</ul>`))
}

function taskPage(store: Store, res: ServerResponse, id: number): number {
  const t = store.task(id)
  if (!t) return notFound(res, `Task ${id} does not exist.`)
  const group = store.group(t.groupId)
  const item = store.itemOf(id)
  const entity = item ? store.entity(item.entityId) : undefined
  return sendHtml(res, 200, layout(t.title, `<h1>${escapeHtml(t.title)}</h1>${fields([
    ['Status', STATUS_NAMES[t.status]],
    ['Responsible', userLink(store, t.responsibleId)],
    ['Created by', userLink(store, t.createdBy)],
    ['Group', group ? `<a href="/workgroups/group/${group.id}/">${escapeHtml(group.name)}</a>` : '—'],
    ['Story points', item ? escapeHtml(item.storyPoints || '—') : '—'],
    ['Placed in', entity ? (entity.entityType === 'backlog' ? 'Backlog' : escapeHtml(`Sprint “${entity.name}”`)) : '—'],
  ])}${t.description ? `<p>${escapeHtml(t.description)}</p>` : ''}`))
}

const PALETTE = ['#2fc6f6', '#ff5752', '#9dcf00', '#ffa900', '#a861ab', '#55d0e0', '#0075ff']

function initials(text: string): string {
  return text.split(/\s+/).filter(Boolean).slice(0, 2).map((w) => [...w][0] ?? '').join('').toUpperCase()
}

function avatar(res: ServerResponse, label: string, id: number, round: boolean): number {
  const color = PALETTE[id % PALETTE.length] ?? '#0075ff'
  const shape = round ? `<circle cx="50" cy="50" r="50" fill="${color}"/>` : `<rect width="100" height="100" rx="18" fill="${color}"/>`
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" viewBox="0 0 100 100">${shape}<text x="50" y="50" dy=".35em" text-anchor="middle" font-family="system-ui, sans-serif" font-size="40" fill="#fff">${escapeHtml(initials(label))}</text></svg>`
  return send(res, 200, svg, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'no-cache' })
}

/** Serve a portal page if `path` is one; false when it is not a page route. */
export function handlePage(store: Store, res: ServerResponse, path: string): boolean {
  let m: RegExpExecArray | null
  if ((m = /^\/(?:company\/personal\/user\/\d+|workgroups\/group\/\d+)\/tasks\/task\/view\/(\d+)\/?$/.exec(path))) {
    taskPage(store, res, Number(m[1]))
  } else if ((m = /^\/company\/personal\/user\/(\d+)\/?$/.exec(path))) {
    userPage(store, res, Number(m[1]))
  } else if ((m = /^\/workgroups\/group\/(\d+)\/?$/.exec(path))) {
    groupPage(store, res, Number(m[1]))
  } else if ((m = /^\/avatars\/user\/(\d+)\.svg$/.exec(path))) {
    const u = store.user(Number(m[1]))
    if (u) avatar(res, fullName(u), u.id, true)
    else notFound(res, 'No such user')
  } else if ((m = /^\/avatars\/group\/(\d+)\.svg$/.exec(path))) {
    const g = store.group(Number(m[1]))
    if (g) avatar(res, g.name, g.id, false)
    else notFound(res, 'No such group')
  } else {
    return false
  }
  return true
}

/** The portal's 404 for any other path. */
export function notFoundPage(res: ServerResponse, path: string): number {
  return notFound(res, `Nothing at ${path}`)
}
