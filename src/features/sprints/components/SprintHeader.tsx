import { useI18n } from '@/i18n'
import type { Sprint } from '@/lib/sprints/sprint-fields'
import type { ContainerStats, Velocity } from '@/lib/sprints/sprint-stats'
import { Badge } from '@/ui/Badge'
import { ActionMenu } from '@/ui/ActionMenu'
import { Button } from '@/ui/Button'

export interface SprintHeaderActions {
  start: () => void
  complete: () => void
  edit: () => void
  remove: () => void
  addTask: () => void
}

interface SprintHeaderProps {
  sprint: Sprint
  stats: ContainerStats
  velocity: Velocity
  /** Starting and completing are for the team's owner and moderators and portal administrators. */
  canRun: boolean
  /** Another sprint of the team is active (a team runs one sprint at a time). */
  activeSprint: Sprint | null
  /** Unfinished items in this sprint: the portal does not start a sprint without any. */
  unfinished: number
  headingId: string
  pending: 'start' | 'complete' | null
  actions: SprintHeaderActions
}

const badgeTone = { active: 'success', planned: 'muted', completed: 'muted' } as const

/** The instant as a day in the person's time zone (the header needs no date library for that). */
function localDay(iso: string | null): Date | null {
  if (!iso) return null
  const instant = new Date(iso)
  return Number.isNaN(instant.getTime()) ? null : instant
}

/** Dates as the person reads them: "9 Mar – 22 Mar", with the year when it is not this one. */
function useDates(sprint: Sprint): string {
  const { locale } = useI18n()
  const start = localDay(sprint.dateStart)
  const end = localDay(sprint.dateEnd)
  if (!start || !end) return ''
  const thisYear = new Date().getFullYear()
  const format = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    ...(start.getFullYear() !== thisYear || end.getFullYear() !== thisYear ? { year: 'numeric' } : {}),
  })
  return format.formatRange(start, end)
}

/** A sprint's name, state, dates, goal, numbers and capacity, with what can be done to it. */
export function SprintHeader({ sprint, stats, velocity, canRun, activeSprint, unfinished, headingId, pending, actions }: SprintHeaderProps) {
  const { t } = useI18n()
  const dates = useDates(sprint)
  const otherActive = activeSprint && activeSprint.id !== sprint.id ? activeSprint : null
  const startBlocked = !canRun
    ? t('sprints.start.notAllowed')
    : otherActive
      ? t('sprints.start.otherActive', { sprint: otherActive.name })
      : unfinished === 0
        ? t('sprints.start.empty')
        : null
  return (
    <header className="container-head">
      <div className="container-head__main">
        <h3 id={headingId} className="container-head__title">
          <span className="container-head__name">{sprint.name}</span> <Badge tone={badgeTone[sprint.status]}>{t(`sprints.status.${sprint.status}`)}</Badge>
        </h3>
        <p className="container-head__meta">
          {[dates, t('items.count', { count: stats.count }), t('sprints.points', { done: stats.done, total: stats.total })]
            .filter(Boolean)
            .join(' · ')}
        </p>
        {sprint.goal && <p className="container-head__goal">{t('sprints.goal', { goal: sprint.goal })}</p>}
        {sprint.status !== 'completed' && <Capacity total={stats.total} velocity={velocity} />}
      </div>
      {sprint.status !== 'completed' && (
        <div className="container-head__actions">
          {sprint.status === 'planned' && (
            <Button size="s" variant="primary" isDisabled={startBlocked !== null} isPending={pending === 'start'} onPress={actions.start}>
              {t('sprints.start')}
            </Button>
          )}
          {sprint.status === 'active' && canRun && (
            <Button size="s" variant="primary" isPending={pending === 'complete'} onPress={actions.complete}>
              {t('sprints.complete')}
            </Button>
          )}
          <Button size="s" onPress={actions.addTask}>
            {t('sprints.addTask')}
          </Button>
          <ActionMenu
            className="item-row__menu"
            label={t('sprints.actions', { sprint: sprint.name })}
            content="⋯"
            actions={() => [
              { id: 'edit', label: t('sprints.edit'), onAction: actions.edit },
              ...(sprint.status === 'planned' ? [{ id: 'delete', label: t('sprints.delete'), onAction: actions.remove }] : []),
            ]}
          />
        </div>
      )}
      {sprint.status === 'planned' && startBlocked && <p className="container-head__note">{startBlocked}</p>}
      {sprint.status === 'active' && !canRun && <p className="container-head__note">{t('sprints.complete.notAllowed')}</p>}
    </header>
  )
}

/** The sprint's points against the team's velocity (average done points of its last three sprints). */
function Capacity({ total, velocity }: { total: number; velocity: Velocity }) {
  const { t } = useI18n()
  if (velocity.value === null) return <p className="capacity capacity--none">{t('sprints.capacity.noHistory')}</p>
  const over = total > velocity.value
  const label = over
    ? t('sprints.capacity.over', { total, velocity: velocity.value, over: Math.round((total - velocity.value) * 10) / 10 })
    : t('sprints.capacity.within', { total, velocity: velocity.value })
  return (
    <div className={`capacity${over ? ' capacity--over' : ''}`}>
      <meter className="capacity__bar" min={0} max={Math.max(velocity.value, 1)} value={Math.min(total, Math.max(velocity.value, 1))} aria-label={t('sprints.capacity.label')} />
      <span className="capacity__text">
        {label} <span className="muted">{t('sprints.capacity.basis', { count: velocity.basis })}</span>
      </span>
    </div>
  )
}
