// The time zone times are shown in: UTC (the default, CloudTrail's own), the machine's local zone,
// or any IANA zone. Kept in localStorage (renderer/state/persisted.ts). Everything that shows a time reads it:
//
//   const zone = useTimeZone()            // 'UTC', 'Asia/Tokyo', or the local zone's IANA name
//   formatInZone(ms, zone)                // "2020-05-05 12:33:28"   (renderer/format/zoned-time)
//   isoInZone(ms, zone)                   // "2020-05-05T12:33:28+09:00"
//
// Queries do not depend on it: a time in the filter text without a zone is always UTC.
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { kept } from './persisted'
import { isValidZone, localZone, UTC } from '../../common/time'

export { formatInZone, formatOffset, isoInZone, zonedParts, zoneOffsetMs, UTC } from '../../common/time'

export const TIME_ZONE_KEY = 'ashiato.timeZone'

/** What the user picked: 'UTC', 'local' (whatever the machine's zone is), or an IANA name. */
export type ZoneChoice = string

export const LOCAL = 'local'

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

const isChoice = (value: unknown): value is ZoneChoice => value === LOCAL || (typeof value === 'string' && isValidZone(value))

export const useTimeZoneStore = create<TimeZoneState>()(
  persist(
    () => ({ choice: UTC, zone: UTC }),
    kept<TimeZoneState, { choice: ZoneChoice }>({
      name: TIME_ZONE_KEY,
      keep: (s) => ({ choice: s.choice }),
      clean: (stored) => (isChoice(stored.choice) ? { choice: stored.choice, zone: resolveZone(stored.choice) } : {}),
      // Before persist: the bare choice, "local" or an IANA name.
      fromLegacy: (raw) => ({ choice: raw }),
    }),
  ),
)

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
  const valid = isChoice(choice) ? choice : UTC
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
