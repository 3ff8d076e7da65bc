// The time zone times are shown in: UTC (the default, CloudTrail's own), the machine's local zone,
// or any IANA zone. Kept in localStorage. Everything that shows a time reads it:
//
//   const zone = useTimeZone()            // 'UTC', 'Asia/Tokyo', or the local zone's IANA name
//   formatInZone(ms, zone)                // "2020-05-05 12:33:28"   (renderer/format/zoned-time)
//   isoInZone(ms, zone)                   // "2020-05-05T12:33:28+09:00"
//
// Queries do not depend on it: a time in the filter text without a zone is always UTC.
import { create } from 'zustand'
import { isValidZone, localZone, UTC } from '../../common/time'

export { formatInZone, formatOffset, isoInZone, zonedParts, zoneOffsetMs, UTC } from '../../common/time'

const STORAGE_KEY = 'ashiato.timeZone'

/** What the user picked: 'UTC', 'local' (whatever the machine's zone is), or an IANA name. */
export type ZoneChoice = string

export const LOCAL = 'local'

function storedChoice(): ZoneChoice | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY)
    return value === LOCAL || (value !== null && isValidZone(value)) ? value : null
  } catch {
    return null
  }
}

/** The IANA zone a choice stands for. */
export function resolveZone(choice: ZoneChoice): string {
  if (choice === LOCAL) return localZone()
  return isValidZone(choice) ? choice : UTC
}

interface TimeZoneState {
  choice: ZoneChoice
  /** resolveZone(choice), kept beside it so components select a plain string. */
  zone: string
}

const initial = storedChoice() ?? UTC

export const useTimeZoneStore = create<TimeZoneState>()(() => ({ choice: initial, zone: resolveZone(initial) }))

/** The zone to show times in (an IANA name; 'UTC' by default). */
export function useTimeZone(): string {
  return useTimeZoneStore((s) => s.zone)
}

/** What was picked ('UTC', 'local' or an IANA name), for the picker. */
export function useTimeZoneChoice(): ZoneChoice {
  return useTimeZoneStore((s) => s.choice)
}

/** The zone now, outside React. */
export function currentTimeZone(): string {
  return useTimeZoneStore.getState().zone
}

export function setTimeZone(choice: ZoneChoice): void {
  const valid = choice === LOCAL || isValidZone(choice) ? choice : UTC
  try {
    localStorage.setItem(STORAGE_KEY, valid)
  } catch {
    // not persisted; the choice still holds for this session
  }
  useTimeZoneStore.setState({ choice: valid, zone: resolveZone(valid) })
}

/** Every IANA zone the platform knows, UTC first. */
export function allZones(): string[] {
  let zones: string[]
  try {
    zones = Intl.supportedValuesOf('timeZone')
  } catch {
    zones = [] // an old engine: UTC and local only
  }
  return [UTC, ...zones.filter((z) => z !== UTC)]
}
