// The counts (facets, timeline) of the view shown, asked again when main dropped them. One
// service answers every window and web tab, and a newer view's counts drop the older views'
// queued counts (main/query/count-dispatch.ts), answered as 'view-expired': for the window that
// typed, the dropped view is no longer shown, but another tab may still show it, and its counts
// must come anyway. A view truly forgotten is asked again at most COUNT_RETRIES times; by then
// the session has made a newer one and this view is no longer shown.
import { isViewExpired } from './view-expired'

/** Times the counts of the view still shown are asked again after main dropped them. */
export const COUNT_RETRIES = 3

/**
 * `ask()`'s answer; undefined when the view stopped being shown (`stillShown`) before an answer
 * came, or stayed expired. Other errors are thrown.
 */
export async function countsOfShownView<T>(ask: () => Promise<T>, stillShown: () => boolean, retries = COUNT_RETRIES): Promise<T | undefined> {
  for (let left = retries; ; left--) {
    try {
      return await ask()
    } catch (error) {
      if (!isViewExpired(error)) throw error
      if (left === 0 || !stillShown()) return undefined
    }
  }
}
