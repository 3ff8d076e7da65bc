// The errors the services end a call with that the UI names in the user's language: each is a
// CallError with a code (common/call-errors.ts) and the values its translation fills in; the
// English text is what the CLI prints and the fallback for a code the UI does not know yet.

import { CallError } from '../../common/call-errors'

export const VIEW_EXPIRED = 'This view has expired; ask for it again.'

/** A view the cache has forgotten (views are kept for a while): the renderer asks again. */
export function viewExpired(): CallError {
  return new CallError('view-expired', VIEW_EXPIRED)
}

/** No event has this id in the loaded set (a cleared set, or an id from before). */
export function noEvent(id: number): CallError {
  return new CallError('no-event', `No event ${id} is loaded.`, { id })
}

/** The ids of a loaded event, or the no-event error. */
export function checkEventId(id: number, size: number): void {
  if (!Number.isInteger(id) || id < 0 || id >= size) throw noEvent(id)
}
