// What a row of "Files with problems" says, each fact once: the file's name, then only the folder
// it is in (the full path repeated the name), and the loader's reason without the count of events
// it ends with when the row already says that count in the UI's language ("26 events recovered:
// truncated gzip: recovered 26 events"). Pure.

/** The folder part of a shown file name, with its trailing separator; '' when there is none (an uploaded file). */
export function folderOf(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'))
  return cut > 0 ? file.slice(0, cut + 1) : ''
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * The reason without the loader's closing count of `events` (main/loader/extract-events.ts writes
 * "<damage>: recovered N events" and "<damage>; N events read"). Any other reason is kept whole.
 */
export function reasonWithoutCount(reason: string, events: number): string {
  const n = `(?:${escape(String(events))}|${escape(events.toLocaleString('en-US'))})`
  const tail = new RegExp(`(?::\\s*recovered ${n} events?|;\\s*${n} events? read)$`)
  const trimmed = reason.replace(tail, '')
  return trimmed === reason ? reason : trimmed.trim()
}
