// The Open from S3 dialog: the form (s3-form.ts: its connection fields are kept), the profiles
// and buckets it offers, the discovered layout with what is picked in it, and the running open
// (its s3Progress and the problems of its objects). Credentials never reach the renderer: only
// profile names go back and forth.
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { FileReport, S3BucketInfo, S3Layout, S3OpenProgress, S3OpenRequest, S3ProfileInfo } from '../../common/ipc-contract'
import { getApi } from '../api/get-api'
import { errorText } from '../api/error-text'
import { noteLoadStarted } from './load-store'
import { checkRange, presetRange, type RangePreset } from './s3-range'
import { initialForm, keptS3Form, LOCATION_FIELDS, type S3Form } from './s3-form'

export { DEFAULT_CONCURRENCY, type S3Form } from './s3-form'

/** Problems kept for the dialog's list. */
export const LISTED_PROBLEMS = 200

export interface S3Run {
  loadId: number | null
  progress: S3OpenProgress | null
  /** Objects of this open that failed or were only partly read (fileReport pushes). */
  problems: FileReport[]
  /** The call itself failed (arguments refused). */
  error: string | null
}

interface S3State {
  open: boolean
  form: S3Form
  /** Plain http to a non-loopback endpoint, confirmed in the dialog; never remembered. */
  allowPlainHttp: boolean
  profiles: S3ProfileInfo[] | null
  profilesError: string | null
  buckets: S3BucketInfo[] | null
  bucketsBusy: boolean
  bucketsError: string | null
  layout: S3Layout | null
  discoverBusy: boolean
  discoverError: string | null
  accounts: string[]
  regions: string[]
  includeInsight: boolean
  /** Download the digest files too (for the Integrity panel); on by default when the trail has them. */
  includeDigests: boolean
  run: S3Run | null
  cacheResult: { objects: number; bytes: number } | null
  cacheError: string | null
}

export const useS3 = create<S3State>()(
  persist(
    () => ({
      open: false,
      allowPlainHttp: false,
      form: initialForm(),
      profiles: null,
      profilesError: null,
      buckets: null,
      bucketsBusy: false,
      bucketsError: null,
      layout: null,
      discoverBusy: false,
      discoverError: null,
      accounts: [],
      regions: [],
      includeInsight: false,
      includeDigests: false,
      run: null,
      cacheResult: null,
      cacheError: null,
    }),
    keptS3Form<S3State>(),
  ),
)

const set = useS3.setState
const get = useS3.getState
const message = (error: unknown) => errorText(error)

/** Whether the running open (if any) has finished. */
export function runFinished(run: S3Run | null): boolean {
  return !run || run.error !== null || run.progress?.done === true
}

export function openS3Dialog(): void {
  const { run } = get()
  // A finished open's result stays until the dialog is opened again; a running one stays shown.
  set({ open: true, cacheResult: null, cacheError: null, ...(runFinished(run) ? { run: null } : {}) })
  void loadProfiles()
}

export function closeS3Dialog(): void {
  set({ open: false })
}

export async function loadProfiles(): Promise<void> {
  try {
    set({ profiles: await getApi().s3Profiles(), profilesError: null })
  } catch (error) {
    set({ profiles: [], profilesError: message(error) })
  }
}

export function setS3Field(field: keyof S3Form, value: string): void {
  const form = { ...get().form, [field]: value }
  const stale = LOCATION_FIELDS.includes(field)
  set({
    form,
    ...(stale ? { layout: null, discoverError: null } : {}),
    ...(field === 'bucket' ? {} : stale ? { bucketsError: null } : {}),
  })
}

export function applyPreset(preset: RangePreset): void {
  const form = { ...get().form, ...presetRange(preset, Date.now()) }
  set({ form })
}

function connection() {
  const { profile, region, endpointUrl } = get().form
  const allowPlainHttp = get().allowPlainHttp || undefined
  return { profile: profile || undefined, region: region.trim() || undefined, endpointUrl: endpointUrl.trim() || undefined, allowPlainHttp }
}

/** The dialog's confirmation that a plain-http endpoint may carry the signed requests (this session only). */
export function setAllowPlainHttp(allowPlainHttp: boolean): void {
  set({ allowPlainHttp })
}

function location() {
  const { bucket, prefix } = get().form
  return { ...connection(), bucket: bucket.trim(), prefix: prefix.trim() || undefined }
}

export async function listBuckets(): Promise<void> {
  set({ bucketsBusy: true, bucketsError: null })
  try {
    set({ buckets: await getApi().s3Buckets(connection()), bucketsBusy: false })
  } catch (error) {
    set({ buckets: null, bucketsBusy: false, bucketsError: message(error) })
  }
}

export async function discover(): Promise<void> {
  const asked = location()
  set({ discoverBusy: true, discoverError: null, layout: null })
  try {
    const layout = await getApi().s3Discover(asked)
    set({ layout, discoverBusy: false, accounts: layout.accounts, regions: layout.regions, includeInsight: false, includeDigests: layout.hasDigest })
  } catch (error) {
    set({ discoverBusy: false, discoverError: message(error) })
  }
}

export function toggleAccount(account: string, on: boolean): void {
  const accounts = get().accounts.filter((a) => a !== account)
  set({ accounts: on ? [...accounts, account].sort() : accounts })
}

export function toggleRegion(region: string, on: boolean): void {
  const regions = get().regions.filter((r) => r !== region)
  set({ regions: on ? [...regions, region].sort() : regions })
}

export function setIncludeInsight(includeInsight: boolean): void {
  set({ includeInsight })
}

export function setIncludeDigests(includeDigests: boolean): void {
  set({ includeDigests })
}

/** The request the form describes, or why it cannot be sent yet. */
export function openRequest(state: Pick<S3State, 'form' | 'layout' | 'accounts' | 'regions' | 'includeInsight' | 'includeDigests'>): S3OpenRequest | null {
  const { form, layout } = state
  if (!form.bucket.trim()) return null
  const range = checkRange(form.from, form.to)
  if (!range.ok) return null
  const concurrency = Number(form.concurrency)
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 512) return null
  const request: S3OpenRequest = { ...location(), from: range.from, to: range.to, concurrency }
  if (layout) {
    // All picked is the same as none: later folders (a new account) are then included too.
    if (state.accounts.length < layout.accounts.length) request.accounts = state.accounts
    if (state.regions.length < layout.regions.length) request.regions = state.regions
    if (layout.hasInsight && state.includeInsight) request.includeInsight = true
    if (layout.hasDigest && state.includeDigests) request.includeDigests = true
  }
  return request
}

export async function startS3Open(): Promise<void> {
  const request = openRequest(get())
  if (!request || !runFinished(get().run)) return
  const run: S3Run = { loadId: null, progress: null, problems: [], error: null }
  set({ run, cacheResult: null, cacheError: null })
  try {
    const { loadId } = await getApi().openS3Trail(request)
    noteLoadStarted()
    const current = get().run
    // Pushes can arrive before the answer: keep what came, now tied to this load.
    if (current) set({ run: { ...current, loadId, progress: current.progress?.loadId === loadId ? current.progress : null } })
  } catch (error) {
    set({ run: { ...run, error: message(error) } })
  }
}

export function cancelS3Open(): void {
  getApi()
    .cancelLoad()
    .catch((error: unknown) => {
      const run = get().run
      if (run) set({ run: { ...run, error: message(error) } })
    })
}

export async function clearS3Cache(): Promise<void> {
  set({ cacheResult: null, cacheError: null })
  try {
    set({ cacheResult: await getApi().clearS3Cache() })
  } catch (error) {
    set({ cacheError: message(error) })
  }
}

let subscribed = false
/** Subscribes to the pushes an open reports through (once, at start-up). */
export function subscribeS3Pushes(): void {
  if (subscribed) return
  subscribed = true
  const api = getApi()
  api.onS3Progress((progress) => {
    const run = get().run
    if (!run || run.error !== null) return
    if (run.loadId !== null && progress.loadId !== run.loadId) return
    set({ run: { ...run, progress } })
  })
  api.onFileReport((report) => {
    const run = get().run
    if (!run || runFinished(run) || !report.file.startsWith('s3://')) return
    if (!(report.kind === 'error' || report.reason)) return
    // The list stays short; progress.failed and the problems panel count them all.
    if (run.problems.length >= LISTED_PROBLEMS) return
    set({ run: { ...run, problems: [...run.problems, report] } })
  })
}
