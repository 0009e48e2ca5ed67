/**
 * Everything the write checks create on a portal, and how to remove it. The checks delete what they
 * made as part of the flow (and mark it done); whatever is still registered when the run ends —
 * a check threw, a step failed, the user pressed Ctrl+C — is removed here, in dependency order:
 * tasks before the backlog (a backlog with items cannot be deleted), the group last.
 */
import type { Exchange } from './http'

export type ResourceKind = 'task' | 'epic' | 'sprint' | 'backlog' | 'group'

const ORDER: Record<ResourceKind, number> = { task: 0, epic: 1, sprint: 2, backlog: 3, group: 4 }

export interface Resource {
  kind: ResourceKind
  id: number
  label: string
  /** Sends the delete. */
  remove(): Promise<Exchange>
  /** The delete's answer meaning "already gone" (it counts as removed). */
  gone?: (ex: Exchange) => boolean
}

export interface RemovalOutcome {
  label: string
  ok: boolean
  detail: string
}

const key = (kind: ResourceKind, id: number) => `${kind}:${id}`

export class Cleanup {
  private readonly items = new Map<string, Resource & { seq: number }>()
  private seq = 0

  add(resource: Resource): void {
    this.items.set(key(resource.kind, resource.id), { ...resource, seq: this.seq++ })
  }

  /** The flow removed it itself. */
  done(kind: ResourceKind, id: number): void {
    this.items.delete(key(kind, id))
  }

  pending(): Resource[] {
    return [...this.items.values()].sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || b.seq - a.seq)
  }

  /** Remove everything still registered; a failure does not stop the others. */
  async removeAll(): Promise<RemovalOutcome[]> {
    const out: RemovalOutcome[] = []
    for (const resource of this.pending()) {
      let ex: Exchange
      try {
        ex = await resource.remove()
      } catch (error) {
        out.push({ label: resource.label, ok: false, detail: (error as Error).message })
        continue
      }
      const body = ex.body as { error?: unknown; error_description?: unknown } | null
      const ok = (ex.status === 200 && !(body && 'error' in body)) || resource.gone?.(ex) === true
      if (ok) this.items.delete(key(resource.kind, resource.id))
      const detail = ex.status === 0 ? `no answer (${ex.networkError ?? 'network'})` : ok ? 'removed' : `${ex.status} ${String(body?.error)}: ${String(body?.error_description)}`
      out.push({ label: resource.label, ok, detail })
    }
    return out
  }
}
