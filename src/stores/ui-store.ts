import { create } from 'zustand'

/** UI state only: what the person has chosen on screen. Server data lives in the query cache. */
interface UiState {
  selectedGroupId: number | null
  actions: {
    groupSelected: (groupId: number) => void
    groupCleared: () => void
  }
}

const useUiStore = create<UiState>()((set) => ({
  selectedGroupId: null,
  actions: {
    groupSelected: (groupId) => set({ selectedGroupId: groupId }),
    groupCleared: () => set({ selectedGroupId: null }),
  },
}))

export const useSelectedGroupId = () => useUiStore((state) => state.selectedGroupId)
export const useUiActions = () => useUiStore((state) => state.actions)
