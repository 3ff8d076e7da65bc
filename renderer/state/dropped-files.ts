// Files dropped on the page. Electron loads by path, so the dropped items (folders too) are
// enough. A web page cannot read a folder from its File; it walks the folder's entries instead
// (webkitGetAsEntry, supported by every current browser).

/** Entries must be taken while the drop event is being dispatched; reading them can come later. */
export function takeDropEntries(data: DataTransfer): { files: File[]; entries: FileSystemEntry[] } {
  const entries: FileSystemEntry[] = []
  for (const item of Array.from(data.items)) {
    if (item.kind !== 'file') continue
    const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null
    if (entry) entries.push(entry)
  }
  return { files: Array.from(data.files), entries }
}

function readAll(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  // readEntries returns at most ~100 entries per call: call until it returns none.
  return new Promise((resolve, reject) => {
    const all: FileSystemEntry[] = []
    const next = (): void => {
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(all)
        else {
          all.push(...batch)
          next()
        }
      }, reject)
    }
    next()
  })
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject))
}

/** Every file under the dropped entries (folders walked, depth first). */
export async function filesOfEntries(entries: FileSystemEntry[]): Promise<File[]> {
  const files: File[] = []
  const stack = [...entries].reverse()
  while (stack.length > 0) {
    const entry = stack.pop()!
    if (entry.isFile) files.push(await fileOf(entry as FileSystemFileEntry))
    else if (entry.isDirectory) {
      const children = await readAll((entry as FileSystemDirectoryEntry).createReader())
      children.sort((a, b) => a.name.localeCompare(b.name))
      stack.push(...children.reverse())
    }
  }
  return files
}
