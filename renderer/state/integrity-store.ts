// The Integrity panel's state (the report, asked for when the panel opens and after each load
// or key file), and the per-event markers: rows and the viewer ask for their event's status,
// gathered into one eventIntegrity call per frame and cached until the loaded set changes.
import { create } from 'zustand'
import type { IntegrityInfo, IntegrityLogStatus } from '../../common/ipc-contract'
import { errorText } from '../api/error-text'
import { getApi } from '../api/get-api'
import { markBatcher } from './row-marks'

interface IntegrityState {
  open: boolean
  info: IntegrityInfo | null
  busy: boolean
  error: string | null
  /** Per event id: its status when not valid, 'ok' when valid or unknown. */
  marks: Map<number, IntegrityLogStatus | 'ok'>
}

export const useIntegrity = create<IntegrityState>()(() => ({ open: false, info: null, busy: false, error: null, marks: new Map() }))

const message = (error: unknown): string => errorText(error)

export async function refreshIntegrity(): Promise<void> {
  useIntegrity.setState({ busy: true, error: null })
  try {
    useIntegrity.setState({ info: await getApi().integrityReport(), busy: false })
  } catch (error) {
    useIntegrity.setState({ busy: false, error: message(error) })
  }
}

export function openIntegrity(): void {
  useIntegrity.setState({ open: true })
  void refreshIntegrity()
}

export function closeIntegrity(): void {
  useIntegrity.setState({ open: false })
}

/** A list-public-keys JSON file picked by the user. */
export async function addKeyFiles(files: File[]): Promise<void> {
  try {
    for (const file of files) await getApi().addPublicKeys(await file.text())
    await refreshIntegrity()
  } catch (error) {
    useIntegrity.setState({ error: message(error) })
  }
}

/** cloudtrail:ListPublicKeys with a profile of the machine running the services. */
export async function fetchKeys(profile: string): Promise<void> {
  useIntegrity.setState({ busy: true, error: null })
  try {
    await getApi().fetchPublicKeys({ profile })
    await refreshIntegrity()
  } catch (error) {
    useIntegrity.setState({ busy: false, error: message(error) })
  }
}

/** Asks (batched) for an event's mark if it is not known yet. */
export const wantMark = markBatcher<IntegrityLogStatus | 'ok'>(useIntegrity, 'ok', async (ids) =>
  (await getApi().eventIntegrity(ids)).map((f) => ({ id: f.id, mark: f.status })),
)

/** New events (a load, a clear) can change any file's verdict: forget the marks, refresh an open panel. */
export function loadedSetChanged(): void {
  useIntegrity.setState({ marks: new Map() })
  if (useIntegrity.getState().open) void refreshIntegrity()
}
