import { create } from 'zustand'

/** Where items are: the backlog, every place, or one sprint (its id). */
export type Location = 'backlog' | 'all' | number

export interface ItemFilters {
  text: string
  /** An epic id, or 'none' for items without an epic. */
  epic: number | 'none' | null
  responsibleId: number | null
  noPoints: boolean
  location: Location
}

const initial: ItemFilters = { text: '', epic: null, responsibleId: null, noPoints: false, location: 'backlog' }

interface ItemFilterState {
  filters: ItemFilters
  actions: {
    filterChanged: (change: Partial<ItemFilters>) => void
    filterRemoved: (name: keyof ItemFilters) => void
    filtersCleared: () => void
  }
}

/** The backlog screen's filters: UI state, kept while the person moves between teams. */
const useItemFilterStore = create<ItemFilterState>()((set) => ({
  filters: initial,
  actions: {
    filterChanged: (change) => set((state) => ({ filters: { ...state.filters, ...change } })),
    filterRemoved: (name) => set((state) => ({ filters: { ...state.filters, [name]: initial[name] } })),
    filtersCleared: () => set({ filters: initial }),
  },
}))

export const useItemFilters = () => useItemFilterStore((state) => state.filters)
export const useItemFilterActions = () => useItemFilterStore((state) => state.actions)

/** Only the backlog in its own order can be reordered: a filtered view has no single right place to drop into. */
export function isReorderable(filters: ItemFilters): boolean {
  return filters.location === 'backlog' && !filters.text && filters.epic === null && filters.responsibleId === null && !filters.noPoints
}
