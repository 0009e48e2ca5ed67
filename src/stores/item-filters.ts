import { create } from 'zustand'

export interface ItemFilters {
  text: string
  /** An epic id, or 'none' for items without an epic. */
  epic: number | 'none' | null
  responsibleId: number | null
  noPoints: boolean
}

const initial: ItemFilters = { text: '', epic: null, responsibleId: null, noPoints: false }

interface ItemFilterState {
  /** The team the filters belong to: an epic or sprint of one team means nothing in another. */
  groupId: number | null
  filters: ItemFilters
  actions: {
    filterChanged: (groupId: number, change: Partial<ItemFilters>) => void
    filterRemoved: (groupId: number, name: keyof ItemFilters) => void
    filtersCleared: () => void
  }
}

const useItemFilterStore = create<ItemFilterState>()((set) => ({
  groupId: null,
  filters: initial,
  actions: {
    filterChanged: (groupId, change) =>
      set((state) => ({ groupId, filters: { ...(state.groupId === groupId ? state.filters : initial), ...change } })),
    filterRemoved: (groupId, name) =>
      set((state) => ({ groupId, filters: { ...(state.groupId === groupId ? state.filters : initial), [name]: initial[name] } })),
    filtersCleared: () => set({ filters: initial }),
  },
}))

/** The backlog screen's filters for one team. */
export const useItemFilters = (groupId: number) =>
  useItemFilterStore((state) => (state.groupId === groupId ? state.filters : initial))
export const useItemFilterActions = () => useItemFilterStore((state) => state.actions)

/** Only the whole list can be reordered: a filtered view has no single right place to drop into. */
export function isReorderable(filters: ItemFilters): boolean {
  return !filters.text && filters.epic === null && filters.responsibleId === null && !filters.noPoints
}
