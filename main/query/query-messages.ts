// Messages between the query dispatcher (main thread) and its query worker.

import type { QueryError, ViewSpec } from '../../common/ipc-contract'
import type { MirrorUpdate } from '../store/mirror-update'

export interface ViewJob {
  id: number
  spec: ViewSpec
  update: MirrorUpdate
}

export type ViewJobResult = { id: number; ids: Uint32Array; error?: QueryError } | { id: number; failure: string }
