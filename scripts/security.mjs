// `npm run security`: Electronegativity (Doyensec's Electron security linter) over the app's own
// sources (main/, preload/, renderer/, common/ and package.json, copied to a temporary folder so
// the scan never walks node_modules, dist or the benchmark corpus). It fails on any finding above
// informational that .electronegativity.json does not list, with a reason, for that check and file,
// pinned to the exact code it accepts; and on a source file it could not parse (a file it cannot
// read is a file it did not check).
//
// Pins: an allowed entry lists one "sha256:..." per occurrence it accepts, the hash of the flagged
// snippet (Electronegativity's sample and the two source lines above it, each trimmed, so the
// guard before a shell.openExternal is part of what was reviewed). A new occurrence in the same
// file, or an edit to an accepted one, no longer matches and fails the run until reviewed again.
//   node scripts/security.mjs [--root DIR] [--print-pins]
// --root scans another copy of the repository (tests/unit/security-scan.test.ts); --print-pins
// prints the pin of every finding, for a reviewer to copy into .electronegativity.json.
import { createHash } from 'node:crypto'
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import run from '@doyensec/electronegativity'

const argv = process.argv.slice(2)
const rootAt = argv.indexOf('--root')
const root = rootAt >= 0 ? path.resolve(argv[rootAt + 1]) : path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const printPins = argv.includes('--print-pins')
const SCANNED = ['main', 'preload', 'renderer', 'common', 'package.json']
const SEVERITY = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3 }

function fail(message) {
  console.error(`security: ${message}`)
  process.exit(1)
}

function readPolicy() {
  const file = path.join(root, '.electronegativity.json')
  let policy
  try {
    policy = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    fail(`cannot read ${file}: ${error.message}`)
  }
  // Excluded checks are named as Electronegativity's -x option takes them: by class (AvailableSecurityFixesGlobalCheck).
  const excluded = policy.excludedChecks ?? []
  const allowed = policy.allowed ?? []
  for (const entry of [...excluded, ...allowed]) {
    if (typeof entry.check !== 'string' || typeof entry.reason !== 'string' || entry.reason.trim().length < 20) {
      fail(`every entry of .electronegativity.json needs a check and a reason that explains it: ${JSON.stringify(entry)}`)
    }
  }
  for (const entry of allowed) {
    if (typeof entry.file !== 'string') fail(`an allowed finding names its file: ${JSON.stringify(entry)}`)
    if (printPins) entry.pins ??= []
    else if (!Array.isArray(entry.pins) || entry.pins.length === 0 || !entry.pins.every((pin) => /^sha256:[0-9a-f]{64}$/.test(pin))) {
      fail(`an allowed finding is pinned to the code it accepts ("pins": ["sha256:..."], see node scripts/security.mjs --print-pins): ${entry.check} in ${entry.file}`)
    }
  }
  return { excluded, allowed }
}

const { excluded, allowed } = readPolicy()
const electronVersion = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).devDependencies.electron

const input = mkdtempSync(path.join(os.tmpdir(), 'ashiato-electronegativity-'))
let result
try {
  for (const entry of SCANNED) cpSync(path.join(root, entry), path.join(input, entry), { recursive: true })
  result = await run({
    input,
    isRelative: true,
    electronVersionOverride: electronVersion,
    excludeFromScan: excluded.map((entry) => entry.check),
    customScan: [],
    parserPlugins: [],
    isSarif: false,
  })
} catch (error) {
  rmSync(input, { recursive: true, force: true })
  throw error
}

const unparsed = result.errors.filter((error) => !error.tolerable)
for (const error of unparsed) console.error(`security: could not parse ${path.relative(input, error.file)}: ${error.message}`)

/** The pin of a finding: its sample and the two lines above it in the scanned copy, trimmed. */
function pinOf(issue, file) {
  let lines = []
  try {
    lines = readFileSync(path.join(input, file), 'utf8').split('\n')
  } catch {
    // a global finding ('N/A') has no source: its sample alone
  }
  const at = issue.location?.line ?? 0
  const context = lines.slice(Math.max(0, at - 3), at).map((line) => line.trim())
  const snippet = [...context, String(issue.sample ?? '').replace(/\s+/g, ' ').trim()].join('\n')
  return `sha256:${createHash('sha256').update(`${issue.id}\n${file}\n${snippet}`).digest('hex')}`
}

const relevant = result.issues.filter((issue) => issue.severity.value > SEVERITY.INFORMATIONAL)
const used = new Set()
/** Each pin accepts one occurrence: a second identical snippet in the file is a new finding. */
const spent = new Map()
const findings = []
for (const issue of relevant) {
  const file = issue.file === 'N/A' ? 'N/A' : issue.file.split(path.sep).join('/')
  const pin = pinOf(issue, file)
  if (printPins) console.log(`${issue.id} ${file}:${issue.location?.line ?? 0} ${pin}`)
  const entry = allowed.find((a) => a.check === issue.id && a.file === file && a.pins.filter((p) => p === pin).length > (spent.get(`${a.file}\0${pin}`) ?? 0))
  if (entry) {
    used.add(entry)
    spent.set(`${entry.file}\0${pin}`, (spent.get(`${entry.file}\0${pin}`) ?? 0) + 1)
  } else findings.push({ ...issue, file, pin })
}
rmSync(input, { recursive: true, force: true })

console.log(
  `security: Electronegativity ${result.globalChecks + result.atomicChecks} checks (Electron ${electronVersion}) over ${SCANNED.join(', ')}: ` +
    `${relevant.length} finding(s) above informational, ${relevant.length - findings.length} allowed with a reason in .electronegativity.json`,
)
for (const entry of allowed) if (!used.has(entry)) console.warn(`security: allowed but not found any more (remove it?): ${entry.check} in ${entry.file}`)
for (const f of findings) {
  console.error(`  ${f.id} ${f.severity.name}/${f.confidence.name} ${f.file}:${f.location.line}:${f.location.column}  ${f.description}  ${f.shortenedURL}  (${f.pin})`)
}
if (findings.length > 0) fail(`${findings.length} finding(s): fix them, or list each in .electronegativity.json with the reason it is safe and its pin`)
if (unparsed.length > 0) fail(`${unparsed.length} file(s) could not be parsed, so they were not checked`)
console.log('security: no unexplained findings')
