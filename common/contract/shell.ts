// What the page tells the shell about itself (part of the contract, see common/ipc-contract.ts):
// the desktop shell translates its menu and message boxes into the language chosen in the page.

import * as v from 'valibot'
import { answer, arg, call } from './define-call'

export const SHELL_CALLS = {
  /** The UI's language, when the page starts and when the user changes it: the desktop shell's menu follows it (web mode: nothing to do). */
  setShellLanguage: call({ args: [arg('language', v.picklist(['en', 'ja']))], returns: answer(), scope: 'session', by: 'shell' }),
}
