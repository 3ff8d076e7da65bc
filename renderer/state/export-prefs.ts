// The export dialog's choices kept between sessions (renderer/state/persisted.ts): the format,
// and gzip per format (a CSV export does not inherit gzip from a JSON one). The export itself
// (scope, progress, notices) is the view session's (renderer/session/export-logic.ts).
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { EXPORT_FORMATS, type ExportFormat } from '../../common/ipc-contract'
import { kept, legacyJson } from './persisted'

export const EXPORT_PREFS_KEY = 'ashiato.export'
export { EXPORT_FORMATS }

const DEFAULT_GZIP: Readonly<Record<ExportFormat, boolean>> = { records: true, jsonl: true, csv: false }

interface ExportPrefs {
  format: ExportFormat
  /** Gzip for the format shown. */
  gzip: boolean
  /** The gzip choice per format. */
  gzipByFormat: Record<ExportFormat, boolean>
}

function cleanPrefs(value: Record<string, unknown>): ExportPrefs {
  const format = EXPORT_FORMATS.includes(value.format as ExportFormat) ? (value.format as ExportFormat) : 'records'
  const stored = (typeof value.gzipByFormat === 'object' && value.gzipByFormat !== null ? value.gzipByFormat : {}) as Record<string, unknown>
  const gzipByFormat = { ...DEFAULT_GZIP }
  for (const f of EXPORT_FORMATS) if (typeof stored[f] === 'boolean') gzipByFormat[f] = stored[f]
  // Before per-format choices, one gzip flag was kept for the format last used. It was shared by
  // every format, so under CSV it may be a JSON choice carried over: CSV keeps its plain default.
  if (typeof value.gzip === 'boolean' && typeof stored[format] !== 'boolean' && format !== 'csv') gzipByFormat[format] = value.gzip
  return { format, gzipByFormat, gzip: gzipByFormat[format] }
}

export const useExportPrefs = create<ExportPrefs>()(
  persist(() => ({ format: 'records' as ExportFormat, gzip: true, gzipByFormat: { ...DEFAULT_GZIP } }), {
    ...kept<ExportPrefs, ExportPrefs>({
      name: EXPORT_PREFS_KEY,
      keep: (s) => ({ format: s.format, gzip: s.gzip, gzipByFormat: s.gzipByFormat }),
      clean: cleanPrefs,
      fromLegacy: legacyJson, // the same fields, as a bare object
    }),
  }),
)

/** The dialog's format or gzip box changed. */
export function setExportChoice(patch: { format?: ExportFormat; gzip?: boolean }): void {
  const { gzipByFormat, format: shown } = useExportPrefs.getState()
  const format = patch.format ?? shown
  if (patch.gzip !== undefined) {
    useExportPrefs.setState({ format, gzip: patch.gzip, gzipByFormat: { ...gzipByFormat, [format]: patch.gzip } })
  } else if (patch.format !== undefined) {
    // Each format has its own gzip choice (CSV is plain text unless gzip was chosen for CSV).
    useExportPrefs.setState({ format, gzip: gzipByFormat[format] })
  }
}
