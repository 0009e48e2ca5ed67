/**
 * A count of changes the app has started sending. Data kept from an earlier read (a load that
 * failed part-way) is only reused while it has not moved: any change may have made it stale.
 */
let epoch = 0

export function noteChange(): void {
  epoch++
}

export function changeEpoch(): number {
  return epoch
}
