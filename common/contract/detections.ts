// Detections: Sigma rules run over the loaded set in main (part of the contract, see
// common/ipc-contract.ts; the answers' types are in common/detections.ts).

import type { DetectionLevel, DetectionsSummary, RuleDetail } from '../detections'
import { answer, arg, boundedList, call, eventIds, wholeNumber } from './define-call'
import { PathSchema } from './loading'

export const DETECTION_LIMITS = {
  /** Events asked about at once (a screenful, or a window of rows). */
  eventIds: 10_000,
  /** Rule folders set at once. */
  ruleFolders: 32,
} as const

/** The user's rule folders (run with the built-in pack) and what may be chosen. */
export interface RuleFoldersInfo {
  folders: string[]
  /**
   * Web mode: the only folders a client may choose (the server's --rules). null in the desktop
   * app: any folder, picked in the system's dialog (chooseRuleFolder).
   */
  choices: string[] | null
  /** Folders or files that could not be read, with why. */
  problems: { file: string; reason: string }[]
  /** The published rule sets "Update rules" downloaded (run with the folders above). */
  downloaded: DownloadedRuleSet[]
  /** Whether updateRules can run here (the desktop app; web mode only with --rules-update-dir). */
  canUpdateRules: boolean
}

/** A rule set downloaded by "Update rules", as its source.json records it. */
export interface DownloadedRuleSet {
  id: string
  name: string
  /** The tarball it came from, and the repository's page (its authors and licence). */
  url: string
  home: string
  /** The folder of its rules, run with the user's rule folders. */
  folder: string
  /** ISO time of the download. */
  fetchedAt: string
  files: number
  /** The licence's name; its text is the LICENSE file beside the rules. */
  licence: string
}

export const DETECTION_CALLS = {
  /** Detections over the loaded set: rules with hits (by level then count), and the rules that could not run. */
  detectionsSummary: call({ args: [], returns: answer<DetectionsSummary>(), scope: 'session', by: 'service' }),
  /** The highest detection level of each of these events that matched a rule (for the list's markers). */
  eventDetectionLevels: call({ args: [arg('ids', eventIds(DETECTION_LIMITS.eventIds))], returns: answer<{ id: number; level: DetectionLevel }[]>(), scope: 'session', by: 'service' }),
  /** The rules an event matched, highest level first, each with its author (for the viewer). */
  eventDetections: call({ args: [arg('id', wholeNumber())], returns: answer<RuleDetail[]>(), scope: 'session', by: 'service' }),
  /** The user's rule folders in use, and the choices a web client has. */
  ruleFolders: call({ args: [], returns: answer<RuleFoldersInfo>(), scope: 'session', by: 'service' }),
  /**
   * Uses these rule folders (with the built-in pack): the rules are read again and every loaded
   * event matched again. A web client may name only the server's --rules folders (the service
   * checks: 'rule-folder-not-allowed').
   */
  setRuleFolders: call({ args: [arg('folders', boundedList(PathSchema, DETECTION_LIMITS.ruleFolders))], returns: answer<RuleFoldersInfo>(), scope: 'session', by: 'service' }),
  /**
   * "Update rules": downloads SigmaHQ's and Suzaku's current CloudTrail rule sets into the user
   * data folder (progress as rulesUpdateProgress pushes), then matches everything again. Web
   * mode refuses it ('rules-update-unavailable') unless the server's command line names where
   * the sets go (--rules-update-dir).
   */
  updateRules: call({ args: [], returns: answer<RuleFoldersInfo>(), scope: 'session', by: 'service' }),
  /** The desktop app's folder dialog for a rule folder; null when cancelled, and always in web mode. */
  chooseRuleFolder: call({ args: [], returns: answer<string | null>(), scope: 'session', by: 'shell' }),
}
