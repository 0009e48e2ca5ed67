import { create } from 'zustand'

/** UI state only: what the person has chosen on screen. Server data lives in the query cache. */
interface UiState {
  selectedGroupId: number | null
  groupSearch: string
  actions: {
    groupSelected: (groupId: number) => void
    groupCleared: () => void
    groupSearchChanged: (search: string) => void
  }
}

const useUiStore = create<UiState>()((set) => ({
  selectedGroupId: null,
  groupSearch: '',
  actions: {
    groupSelected: (groupId) => set({ selectedGroupId: groupId }),
    groupCleared: () => set({ selectedGroupId: null }),
    groupSearchChanged: (groupSearch) => set({ groupSearch }),
  },
}))

/** Before the first render: where the app starts (a placement's group, or the last one chosen). */
export function startUi(selectedGroupId: number | null): void {
  useUiStore.setState({ selectedGroupId })
}

export const useSelectedGroupId = () => useUiStore((state) => state.selectedGroupId)
export const useGroupSearch = () => useUiStore((state) => state.groupSearch)
export const useUiActions = () => useUiStore((state) => state.actions)
