// The one Monaco internal the viewer reaches into (monaco-menu.ts): the menu registry its context
// menu reads. monaco-editor ships no types for it; this is the part used, as 0.57 has it.
declare module 'monaco-editor/platform/actions/common/actions' {
  export const MenuId: { readonly EditorContext: object }
  export const MenuRegistry: { getMenuItems(id: object): unknown[] }
}
