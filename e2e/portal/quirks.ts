/**
 * Behaviours the project cannot settle without a real portal (the docs and the module source
 * disagree, and nobody has tried it on a live Bitrix24 yet). Each switch plays one of the two
 * answers; the defaults are the documented answer where the docs are newer than the source, and
 * the stricter answer where they are not, so an app that relies on the lenient one fails here.
 * Set with `POST /control/quirks`, read with `GET /control/quirks`, reset by `POST /control/reset`.
 */
export interface Quirks {
  /**
   * `tasks.api.scrum.task.update` with `fields.epicId: 0`. true (default): detaches the epic, as
   * the newer docs say ("To detach a task, pass epicId: 0", digest §3.2, §13). false: the older
   * server that looks epic 0 up and answers `Epic not found` (400, code "0") without changing anything.
   */
  epicZeroDetaches: boolean
  /**
   * `{"!SCRUM_MASTER_ID": false}` in `socialnetwork.api.workgroup.list` (and `sonet_group.get`, the
   * same `CSocNetGroup::GetList`). 'applied' (default): only scrums come back, the official scrum
   * filter (digest §6.1). 'ignored': a portal whose group list has no SCRUM_MASTER_ID column, so the
   * key is skipped like any unknown one and non-scrum groups come back too (`total` counts them).
   */
  scrumMasterFilter: 'applied' | 'ignored'
  /**
   * `tasks.api.scrum.task.update` without `fields.entityId` on a task that has no scrum item.
   * false (default): `Entity id not found`, as the controller source answers (digest §3.2, §13).
   * true: the task is added to its scrum's backlog when there is one, as the task.update page says.
   */
  taskUpdateAutoAdd: boolean
}

export const DEFAULT_QUIRKS: Readonly<Quirks> = Object.freeze({ epicZeroDetaches: true, scrumMasterFilter: 'applied', taskUpdateAutoAdd: false })

/** The values each switch takes, for checking `POST /control/quirks`. */
export const QUIRK_VALUES: { readonly [K in keyof Quirks]: readonly Quirks[K][] } = {
  epicZeroDetaches: [true, false],
  scrumMasterFilter: ['applied', 'ignored'],
  taskUpdateAutoAdd: [true, false],
}

/**
 * `current` with the switches in `body` changed; anything else in `body` is an error (the message
 * says what is wrong). Unchanged switches keep their value.
 */
export function mergeQuirks(current: Readonly<Quirks>, body: Record<string, unknown>): Quirks | string {
  const next: Quirks = { ...current }
  for (const [name, value] of Object.entries(body)) {
    if (!Object.hasOwn(QUIRK_VALUES, name)) return `unknown quirk "${name}"; known: ${Object.keys(QUIRK_VALUES).join(', ')}`
    const allowed = QUIRK_VALUES[name as keyof Quirks] as readonly unknown[]
    if (!allowed.includes(value)) return `"${name}" must be ${allowed.map((v) => JSON.stringify(v)).join(' or ')}`
    Object.assign(next, { [name]: value })
  }
  return next
}
