import { ScrumGroupPicker } from './components/ScrumGroupPicker'

/** The start: pick the scrum team whose backlog to manage. */
export function ScrumGroupsScreen({ onChoose }: { onChoose: (groupId: number) => void }) {
  return <ScrumGroupPicker onChoose={onChoose} />
}
