// Focus targets that shortcuts and the menu move to.

let filterInput: HTMLInputElement | null = null
let listBox: HTMLElement | null = null

export function registerFilterInput(input: HTMLInputElement | null): void {
  filterInput = input
}

export function registerListBox(element: HTMLElement | null): void {
  listBox = element
}

export function focusFilter(): void {
  filterInput?.focus()
  filterInput?.select()
}

export function focusList(): void {
  listBox?.focus()
}

// The viewer's editor registers how to focus it (Enter or Right arrow on the list); Escape in
// the viewer comes back with focusList().
let viewerFocus: (() => void) | null = null

export function registerViewerFocus(focus: (() => void) | null): void {
  viewerFocus = focus
}

export function focusViewer(): void {
  viewerFocus?.()
}

/** A field the user types into (a shortcut's plain or Option key belongs to it there). */
export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT'
}

/**
 * A modal dialog (components/Modal.tsx, a native <dialog> shown with showModal) is open: the
 * window-wide keys that change the view wait, or a dialog opened on one view (Export) would act
 * on another one.
 */
export function isModalOpen(): boolean {
  return typeof document !== 'undefined' && document.querySelector('dialog:modal') !== null
}
