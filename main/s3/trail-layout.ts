// The shape of a CloudTrail bucket, as pure functions over key names:
//   [prefix/]AWSLogs/[o-ORGID/]ACCOUNT/CloudTrail|CloudTrail-Insight|CloudTrail-Digest/REGION/YYYY/MM/DD/file
// Discovery walks that tree one level at a time with delimiter listings (never the whole bucket),
// through a listChildren function passed in, so the same walk runs over S3 or over the cache folder.

import { mapLimit } from './task-pool'
import { isAccountId, isRegion } from '../../common/aws-names'

export type TrailKind = 'CloudTrail' | 'CloudTrail-Insight' | 'CloudTrail-Digest'
export const TRAIL_KINDS: readonly TrailKind[] = ['CloudTrail', 'CloudTrail-Insight', 'CloudTrail-Digest']

export const DAY_MS = 86_400_000
/** A log file is written after its events happened; this margin absorbs clock and naming slack. */
export const FILE_TIME_MARGIN_MS = 60 * 60_000

export const isOrgId = (s: string): boolean => /^o-[a-z0-9]{10,32}$/.test(s)

/** A user's prefix as S3 wants it: no leading slash, '' or ending with '/'. */
export function normalizePrefix(prefix: string | undefined): string {
  const p = (prefix ?? '').replace(/^\/+/, '')
  return p === '' || p.endsWith('/') ? p : p + '/'
}

/** What a prefix already pins down, so "s3://b/AWSLogs/o-x/111122223333/" opens just that account. */
export interface PrefixPins {
  /** The AWSLogs/ folder: '<trail key prefix>/AWSLogs/'. */
  root: string
  orgId?: string
  account?: string
  kind?: TrailKind
  region?: string
}

export function splitPrefix(prefix: string | undefined): PrefixPins {
  const p = normalizePrefix(prefix)
  const at = p.startsWith('AWSLogs/') ? 0 : p.includes('/AWSLogs/') ? p.indexOf('/AWSLogs/') + 1 : -1
  // No AWSLogs/ in it: the prefix is the trail's own "S3 key prefix", and AWSLogs/ is below it.
  if (at < 0) return { root: p + 'AWSLogs/' }
  const root = p.slice(0, at + 'AWSLogs/'.length)
  const parts = p.slice(root.length).split('/').filter(Boolean)
  const pins: PrefixPins = { root }
  if (parts[0] && isOrgId(parts[0])) pins.orgId = parts.shift()
  if (parts[0] && isAccountId(parts[0])) pins.account = parts.shift()
  if (parts[0] && (TRAIL_KINDS as readonly string[]).includes(parts[0])) pins.kind = parts.shift() as TrailKind
  if (parts[0] && isRegion(parts[0])) pins.region = parts.shift()
  return pins
}

/**
 * The day folders ('YYYY/MM/DD') to list for events with from <= eventTime < to: every UTC day the
 * range touches, plus the day after it, because CloudTrail delivers a few minutes late and files
 * go into the folder of their delivery day.
 */
export function dayFolders(from: number, to: number): string[] {
  if (!(Number.isFinite(from) && Number.isFinite(to)) || to <= from) return []
  const first = Math.floor(from / DAY_MS)
  const last = Math.floor((to - 1) / DAY_MS) + 1
  const days: string[] = []
  for (let d = first; d <= last; d++) days.push(new Date(d * DAY_MS).toISOString().slice(0, 10).replaceAll('-', '/'))
  return days
}

/** The delivery time in a CloudTrail file name (..._20240310T1205Z_abc.json.gz), if it has one. */
export function fileTimeFromKey(key: string): number | undefined {
  const m = /_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})Z_[^/]*$/.exec(key)
  if (!m) return undefined
  const t = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5])
  return Number.isNaN(t) ? undefined : t
}

/**
 * True when a file cannot hold an event at or after `from`: it was written (named) more than an
 * hour before `from`, and events are always written after they happen. This saves most of the
 * first day when a range starts mid-day; files without a CloudTrail name are never skipped.
 */
export function endsBeforeRange(key: string, from: number): boolean {
  const t = fileTimeFromKey(key)
  return t !== undefined && t + FILE_TIME_MARGIN_MS < from
}

/** The range test the loader applies to each event: from inclusive, to exclusive. */
export function eventTimeInRange(from: number, to: number): (eventTime: number) => boolean {
  return (t) => t >= from && t < to
}

export interface TrailFolder {
  /** '<root>[o-ORG/]ACCOUNT/<kind>/' */
  prefix: string
  orgId?: string
  account: string
  kind: TrailKind
  /** Regions found under it (not listed for digests, which are never loaded). */
  regions: string[]
}

export interface TrailLayout {
  orgIds: string[]
  accounts: string[]
  regions: string[]
  hasInsight: boolean
  hasDigest: boolean
  /** One per account folder: '<root>[o-ORG/]ACCOUNT/'. */
  basePrefixes: string[]
  folders: TrailFolder[]
}

/** Lists the sub-folder names directly under a prefix (a delimiter '/' listing). */
export type ListChildren = (prefix: string) => Promise<string[]>

/** `digestRegions`: list the regions of digest folders too (integrity validation reads digests). */
export async function walkLayout(listChildren: ListChildren, prefix: string | undefined, concurrency = 8, digestRegions = false): Promise<TrailLayout> {
  const pins = splitPrefix(prefix)
  // Account folders: under the org folders and straight under AWSLogs/ (single-account trails).
  const accounts: { base: string; orgId?: string; account: string }[] = []
  const top = pins.orgId ? [pins.orgId] : pins.account ? [pins.account] : await listChildren(pins.root)
  await mapLimit(top, concurrency, async (name) => {
    if (isAccountId(name)) accounts.push({ base: `${pins.root}${name}/`, account: name })
    if (!isOrgId(name)) return
    const inOrg = pins.account ? [pins.account] : await listChildren(`${pins.root}${name}/`)
    for (const a of inOrg.filter(isAccountId)) accounts.push({ base: `${pins.root}${name}/${a}/`, orgId: name, account: a })
  })
  const folders: TrailFolder[] = []
  await mapLimit(accounts, concurrency, async (acc) => {
    const kinds = pins.kind ? [pins.kind] : (await listChildren(acc.base)).filter((k): k is TrailKind => (TRAIL_KINDS as readonly string[]).includes(k))
    await mapLimit(kinds, concurrency, async (kind) => {
      const folderPrefix = `${acc.base}${kind}/`
      let regions: string[] = []
      if (kind !== 'CloudTrail-Digest' || digestRegions) regions = pins.region ? [pins.region] : (await listChildren(folderPrefix)).filter(isRegion)
      folders.push({ prefix: folderPrefix, orgId: acc.orgId, account: acc.account, kind, regions: regions.sort() })
    })
  })
  folders.sort((a, b) => (a.prefix < b.prefix ? -1 : a.prefix > b.prefix ? 1 : 0))
  const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort()
  const withFolders = accounts.filter((a) => folders.some((f) => f.prefix.startsWith(a.base)))
  return {
    orgIds: sorted(accounts.flatMap((a) => (a.orgId ? [a.orgId] : []))),
    accounts: sorted(withFolders.map((a) => a.account)),
    regions: sorted(folders.flatMap((f) => f.regions)),
    hasInsight: folders.some((f) => f.kind === 'CloudTrail-Insight'),
    hasDigest: folders.some((f) => f.kind === 'CloudTrail-Digest'),
    basePrefixes: sorted(withFolders.map((a) => a.base)),
    folders,
  }
}

/** The day prefixes to list, for the chosen kinds, accounts and regions. */
export function dayPrefixes(
  layout: TrailLayout,
  sel: { from: number; to: number; accounts?: string[]; regions?: string[]; includeInsight?: boolean; includeDigests?: boolean },
): string[] {
  const days = dayFolders(sel.from, sel.to)
  const out: string[] = []
  for (const f of layout.folders) {
    if ((f.kind === 'CloudTrail-Digest' && !sel.includeDigests) || (f.kind === 'CloudTrail-Insight' && !sel.includeInsight)) continue
    if (sel.accounts?.length && !sel.accounts.includes(f.account)) continue
    for (const region of f.regions) {
      if (sel.regions?.length && !sel.regions.includes(region)) continue
      for (const day of days) out.push(`${f.prefix}${region}/${day}/`)
    }
  }
  return out
}
