// The decoded JSON of a string (embedded-children.ts) shown as a child of its line: a Monaco view
// zone, a block between the string's line and the next. A zone is not part of the model, so the
// editor's text, its find, "Copy JSON" and every export keep the event as it was written.
// The text goes in with textContent: it is the caller's text, never markup.
import type { Messages } from '../../common/i18n'
import { formatMessage } from '../../common/i18n'
import type { EmbeddedChild } from './embedded-children'
import type { monaco } from './monaco-setup'

/** The zones each editor shows now, and what they show (removed before the next event's are added). */
const shownZones = new WeakMap<monaco.editor.ICodeEditor, { ids: string[]; children: readonly EmbeddedChild[]; t: Messages }>()

/** Room for the block's horizontal scrollbar and padding, in pixels. */
const CHROME_PX = 18

function zoneNode(child: EmbeddedChild, t: Messages): HTMLElement {
  const node = document.createElement('div')
  node.className = 'json-embedded'
  node.dataset.testid = 'embedded-json'
  node.dataset.path = child.path
  const title = document.createElement('div')
  title.className = 'json-embedded__title'
  title.textContent = { json: t.embeddedJsonTitle, url: t.embeddedJsonUrl, base64: t.embeddedJsonBase64 }[child.encoding]
  const body = document.createElement('pre')
  body.className = 'json-embedded__body'
  body.textContent = child.text
  node.append(title, body)
  if (child.hiddenLines > 0) {
    const more = document.createElement('div')
    more.className = 'json-embedded__more'
    more.textContent = formatMessage(t.embeddedJsonMore, { n: child.hiddenLines })
    node.append(more)
  }
  return node
}

/**
 * Replaces the editor's decoded-string zones with these (none: removes them). The same children
 * in the same language are left as they are, unless `renew` (the model's text was just replaced):
 * a new event then builds its zones once, not once for its text and again for its children.
 */
export function showEmbeddedZones(editor: monaco.editor.ICodeEditor, children: readonly EmbeddedChild[], t: Messages, lineHeight: number, renew = false): void {
  const shown = shownZones.get(editor)
  if (!renew && shown && shown.children === children && shown.t === t) return
  editor.changeViewZones((zones) => {
    for (const id of shown?.ids ?? []) zones.removeZone(id)
    const ids: string[] = []
    for (const child of children) {
      const lines = child.text.split('\n').length + 1 + (child.hiddenLines > 0 ? 1 : 0)
      ids.push(
        zones.addZone({
          afterLineNumber: child.line,
          heightInPx: lines * lineHeight + CHROME_PX,
          domNode: zoneNode(child, t),
          // Clicks in the block do not move the editor's cursor (the block is not text of the event).
          suppressMouseDown: true,
        }),
      )
    }
    shownZones.set(editor, { ids, children, t })
  })
}
