// Web mode's exports wait here between the exportEvents call (over the WebSocket, which carries
// the selection) and the browser's GET /export?id=TICKET that downloads them. A ticket is random,
// good for one download, and expires soon; the request still needs the session's token or cookie.

import { randomBytes } from 'node:crypto'
import type { ExportShape } from '../services/export-runner'

export interface PendingDownload {
  /** The resolved selection, in the order it is written. */
  ids: Uint32Array
  shape: ExportShape
  fileName: string
}

/** A download not started within this long is dropped (the page starts it at once). */
export const TICKET_TTL_MS = 60_000
/** Tickets waiting at once; the oldest goes first. */
const MAX_PENDING = 8

export class DownloadTickets {
  private pending = new Map<string, PendingDownload & { expires: number }>()

  constructor(
    private readonly ttlMs = TICKET_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  add(download: PendingDownload): string {
    this.prune()
    while (this.pending.size >= MAX_PENDING) this.pending.delete(this.pending.keys().next().value as string)
    const ticket = randomBytes(24).toString('base64url')
    this.pending.set(ticket, { ...download, expires: this.now() + this.ttlMs })
    return ticket
  }

  /** The download for a ticket, once; null when unknown, used or expired. */
  take(ticket: string | null): PendingDownload | null {
    this.prune()
    if (!ticket) return null
    const found = this.pending.get(ticket)
    if (!found) return null
    this.pending.delete(ticket)
    return { ids: found.ids, shape: found.shape, fileName: found.fileName }
  }

  get size(): number {
    return this.pending.size
  }

  private prune(): void {
    const now = this.now()
    for (const [ticket, download] of this.pending) if (download.expires <= now) this.pending.delete(ticket)
  }
}
