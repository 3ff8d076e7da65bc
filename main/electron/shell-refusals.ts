// What the desktop shell refuses to do for the page, as coded errors (common/call-errors.ts) the
// UI says in its own language: a link that is not the AWS documentation, and "Show in folder" for
// a file this session did not export (a compromised page must not make the shell open or reveal
// arbitrary things). Pure, so the refusals are tested without Electron
// (tests/unit/shell-refusals.test.ts); shell-calls.ts asks these before it calls the OS.

import { CallError } from '../../common/call-errors'
import { isAllowedExternalUrl } from './external-links'

/** Throws link-not-allowed unless `url` is an https link to the AWS documentation. */
export function checkExternalLink(url: string): void {
  if (!isAllowedExternalUrl(url)) throw new CallError('link-not-allowed', 'Only https links to the AWS documentation open in the browser.', { url })
}

/** The files exported in this session: the only ones "Show in folder" reveals. */
export class ExportedFiles {
  private readonly files = new Set<string>()

  add(file: string): void {
    this.files.add(file)
  }

  /** Throws file-not-exported unless `file` was exported in this session. */
  check(file: string): void {
    if (!this.files.has(file)) throw new CallError('file-not-exported', 'Only a file exported in this session can be shown.', { file })
  }
}
