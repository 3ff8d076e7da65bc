// Loading: the running load's progress and every file's report. Fed by pushes, subscribed once
// here at module scope; the full report list is fetched again when a load ends (pushes only
// carry problems, and a tab that connects late missed them).
import { create } from 'zustand'
import type { FileReport, LoadProgress } from '../../common/ipc-contract'
import { getApi } from '../api/get-api'
import { errorText } from '../api/error-text'
import { loadRate, rateBase, type LoadRate, type RateBase } from './load-rate'

interface LoadState {
  progress: LoadProgress | null
  /** True from a load's start until its last progress (done). */
  loading: boolean
  reports: FileReport[]
  /** The running load's rate and time left, once measured (load-rate.ts). */
  rate: LoadRate | null
  /** The last error a call returned (shown in the top bar until the next action). */
  callError: string | null
  setCallError(message: string | null): void
}

export const useLoad = create<LoadState>()((set) => ({
  progress: null,
  loading: false,
  reports: [],
  rate: null,
  callError: null,
  setCallError: (callError) => set({ callError }),
}))

const set = useLoad.setState

/** Reports that name a problem: failed files, and files read only in part. */
export function problemReports(reports: FileReport[]): FileReport[] {
  return reports.filter((r) => r.kind === 'error' || r.reason !== '')
}

function reportKey(r: FileReport): string {
  return `${r.kind}\u0000${r.file}\u0000${r.reason}`
}

/** Keys of the reports in the store, to drop repeated pushes in O(1). */
let known = new Set<string>()

export async function refreshReports(): Promise<void> {
  try {
    const reports = await getApi().fileReports()
    flushIncoming()
    // Keep problems that only came as pushes (a load that failed as a whole is not in the list).
    const listed = new Set(reports.map(reportKey))
    const pushedOnly = useLoad.getState().reports.filter((r) => r.kind === 'error' && !listed.has(reportKey(r)))
    const merged = [...reports, ...pushedOnly]
    known = new Set(merged.map(reportKey))
    set({ reports: merged })
  } catch (error) {
    set({ callError: errorText(error) })
  }
}

export function noteLoadStarted(): void {
  set({ loading: true, progress: null, callError: null })
}

export function forgetReports(): void {
  known = new Set()
  incoming = []
  set({ reports: [], progress: null, loading: false })
}

let incoming: FileReport[] = []
function flushIncoming(): void {
  if (incoming.length === 0) return
  set({ reports: [...useLoad.getState().reports, ...incoming] })
  incoming = []
}

/** Where the running load's rate is measured from. */
let base: RateBase | null = null

let subscribed = false
/** Subscribes to the load pushes (once). */
export function subscribeLoadPushes(): void {
  if (subscribed) return
  subscribed = true
  const api = getApi()
  api.onLoadProgress((progress) => {
    base = rateBase(base, progress)
    set({ progress, loading: !progress.done, rate: loadRate(base, progress) })
    if (progress.done) void refreshReports()
  })
  api.onFileReport((report) => {
    const key = reportKey(report)
    if (known.has(key)) return
    known.add(key)
    // A folder of broken files pushes thousands: add them to the list a batch at a time.
    incoming.push(report)
    if (incoming.length === 1) setTimeout(flushIncoming, 100)
  })
}
