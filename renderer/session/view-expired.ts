// Views are forgotten in main after a while (main/services/view-cache.ts); a call naming one
// then fails and the renderer asks for the view again. The one place that recognises that error.
export function isViewExpired(error: unknown): boolean {
  return /expired/i.test(String(error))
}
