import { readUserOption, writeUserOption, type PortalContext } from '@/bitrix'

const LAST_GROUP_OPTION = 'lastGroupId'

/** Which team opens first: the workgroup tab's own group, else the last one this user chose. */
export async function findStartGroup(portal: PortalContext): Promise<number | null> {
  const fromPlacement = Number(portal.placementOptions.GROUP_ID ?? 0)
  if (fromPlacement > 0) return fromPlacement
  const saved = Number((await readUserOption(LAST_GROUP_OPTION)) ?? 0)
  return saved > 0 ? saved : null
}

/** Kept by the portal per user, so the choice follows them to any browser. */
export function rememberGroup(groupId: number): void {
  void writeUserOption(LAST_GROUP_OPTION, groupId)
}
