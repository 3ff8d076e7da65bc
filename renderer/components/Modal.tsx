// The app's one modal dialog frame (S3, Export, Detections, Integrity, the account name): a native
// <dialog> opened with showModal(), so the browser does what a hand-written trap gets wrong:
// everything behind it is inert (focus, clicks and the accessibility tree stay inside), Escape
// fires `cancel` and closes it, and ::backdrop dims the page. On top of that, this component:
//   - labels the dialog by its visible title (aria-labelledby), with an optional × button;
//   - focuses [data-autofocus] once shown (React's autoFocus runs before showModal, which then
//     moves focus to the first control), selecting a text field's text so typing replaces it;
//   - gives focus back on close to what had it before the dialog opened (or to `restoreFocus`);
//   - keeps the owner's state in step: any way the dialog closes ends in `onClose`.
// The content is rendered only while open, so each opening starts from the stores' state.
import { useEffect, useId, useLayoutEffect, useRef, type MouseEvent, type ReactNode } from 'react'

export interface ModalProps {
  open: boolean
  /** Called however the dialog closes (Escape, ×, the backdrop when allowed, the owner's buttons). */
  onClose(): void
  /** The visible title; it also names the dialog for screen readers. */
  title: string
  /** Adds a × button to the title bar, with this accessible name. */
  closeLabel?: string
  closeTestId?: string
  /** Sizes and refinements (the shared frame is `.modal`, styles/modal.css). */
  className?: string
  testId: string
  /** A press on the backdrop closes too: for small dialogs where nothing is lost by it. */
  closeOnBackdrop?: boolean
  /** Where focus goes on close, instead of back to what had it before. */
  restoreFocus?: () => void
  children: ReactNode
}

/** The press was on the ::backdrop: a dialog's own box has no padding, so its content covers it. */
function onBackdrop(e: MouseEvent<HTMLDialogElement>): boolean {
  if (e.target !== e.currentTarget) return false
  const box = e.currentTarget.getBoundingClientRect()
  return e.clientX < box.left || e.clientX > box.right || e.clientY < box.top || e.clientY > box.bottom
}

export function Modal({ open, onClose, title, closeLabel, closeTestId, className, testId, closeOnBackdrop = false, restoreFocus, children }: ModalProps) {
  const ref = useRef<HTMLDialogElement | null>(null)
  const titleId = useId()
  // Read at close time, not captured when the dialog opened (the owner may re-render).
  const restore = useRef(restoreFocus)
  useLayoutEffect(() => {
    restore.current = restoreFocus
  })

  useEffect(() => {
    const dialog = ref.current
    if (!dialog || !open) return
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (!dialog.open) dialog.showModal()
    const first = dialog.querySelector<HTMLElement>('[data-autofocus]')
    if (first) {
      first.focus()
      if (first instanceof HTMLInputElement) first.select()
    }
    // Closing (open turned false) or unmounting while open: close, then give focus back.
    return () => {
      if (dialog.open) dialog.close()
      if (restore.current) restore.current()
      else if (before?.isConnected) before.focus()
    }
  }, [open])

  const classes = className ? `modal ${className}` : 'modal'
  return (
    <dialog
      ref={ref}
      className={classes}
      aria-labelledby={titleId}
      data-testid={testId}
      // Escape (the `cancel` event) closes a modal <dialog> by itself; every close lands here.
      onClose={() => {
        if (open) onClose()
      }}
      onMouseDown={
        closeOnBackdrop
          ? (e) => {
              if (!onBackdrop(e)) return
              // Not the press's own focus change: focus goes where restoreFocus or `before` says.
              e.preventDefault()
              onClose()
            }
          : undefined
      }
    >
      {open ? (
        <>
          <header className="modal__header">
            <h2 id={titleId} className="modal__title">
              {title}
            </h2>
            {closeLabel ? (
              <button type="button" className="icon-button" aria-label={closeLabel} onClick={onClose} data-testid={closeTestId}>
                ×
              </button>
            ) : null}
          </header>
          {children}
        </>
      ) : null}
    </dialog>
  )
}
