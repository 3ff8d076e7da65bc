// What an export from the app is called and served as. Pure, so it is tested directly.

import type { ExportFormat } from './encode-events'

const EXTENSIONS: Record<ExportFormat, string> = { records: '.json', jsonl: '.jsonl', csv: '.csv' }

const CONTENT_TYPES: Record<ExportFormat, string> = {
  records: 'application/json',
  jsonl: 'application/x-ndjson',
  csv: 'text/csv; charset=utf-8',
}

/** '.json', '.jsonl' or '.csv', then '.gz' when gzipped. */
export function exportExtension(format: ExportFormat, gzip: boolean): string {
  return EXTENSIONS[format] + (gzip ? '.gz' : '')
}

const pad = (n: number): string => String(n).padStart(2, '0')

/** ashiato-export-YYYYMMDD-HHmm.json.gz, in the machine's local time. */
export function defaultExportName(format: ExportFormat, gzip: boolean, now: Date = new Date()): string {
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`
  return `ashiato-export-${stamp}${exportExtension(format, gzip)}`
}

/** The Content-Type of a download (gzip wins: the bytes are a gzip stream). */
export function exportContentType(format: ExportFormat, gzip: boolean): string {
  return gzip ? 'application/gzip' : CONTENT_TYPES[format]
}

/** A save dialog's file type filter for the format. */
export function exportFilter(format: ExportFormat, gzip: boolean): { name: string; extensions: string[] } {
  const names: Record<ExportFormat, string> = { records: 'CloudTrail JSON', jsonl: 'JSON Lines', csv: 'CSV' }
  const extension = exportExtension(format, gzip).slice(1)
  // Dialogs match the last dot only ('gz'); the full name is kept in the default file name.
  return { name: `${names[format]} (.${extension})`, extensions: [gzip ? 'gz' : extension] }
}

/** The path with the format's extension, unless it already ends with it (the dialog may drop it). */
export function withExportExtension(file: string, format: ExportFormat, gzip: boolean): string {
  const extension = exportExtension(format, gzip)
  const lower = file.toLowerCase()
  if (lower.endsWith(extension)) return file
  if (gzip && lower.endsWith(EXTENSIONS[format])) return `${file}.gz`
  return file + extension
}
