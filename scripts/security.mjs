// `npm run security`: Electronegativity (Doyensec's Electron security linter) over the app's own
// sources (main/, preload/, renderer/, common/ and package.json, copied to a temporary folder so
// the scan never walks node_modules, dist or the benchmark corpus). It fails on any finding above
// informational that .electronegativity.json does not list, with a reason, for that check and file;
// and on a source file it could not parse (a file it cannot read is a file it did not check).
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import run from '@doyensec/electronegativity'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
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
  for (const entry of allowed) if (typeof entry.file !== 'string') fail(`an allowed finding names its file: ${JSON.stringify(entry)}`)
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
} finally {
  rmSync(input, { recursive: true, force: true })
}

const unparsed = result.errors.filter((error) => !error.tolerable)
for (const error of unparsed) console.error(`security: could not parse ${path.relative(input, error.file)}: ${error.message}`)

const relevant = result.issues.filter((issue) => issue.severity.value > SEVERITY.INFORMATIONAL)
const used = new Set()
const findings = []
for (const issue of relevant) {
  const file = issue.file === 'N/A' ? 'N/A' : issue.file.split(path.sep).join('/')
  const entry = allowed.find((a) => a.check === issue.id && a.file === file)
  if (entry) used.add(entry)
  else findings.push({ ...issue, file })
}

console.log(
  `security: Electronegativity ${result.globalChecks + result.atomicChecks} checks (Electron ${electronVersion}) over ${SCANNED.join(', ')}: ` +
    `${relevant.length} finding(s) above informational, ${relevant.length - findings.length} allowed with a reason in .electronegativity.json`,
)
for (const entry of allowed) if (!used.has(entry)) console.warn(`security: allowed but not found any more (remove it?): ${entry.check} in ${entry.file}`)
for (const f of findings) {
  console.error(`  ${f.id} ${f.severity.name}/${f.confidence.name} ${f.file}:${f.location.line}:${f.location.column}  ${f.description}  ${f.shortenedURL}`)
}
if (findings.length > 0) fail(`${findings.length} finding(s): fix them, or list each in .electronegativity.json with the reason it is safe`)
if (unparsed.length > 0) fail(`${unparsed.length} file(s) could not be parsed, so they were not checked`)
console.log('security: no unexplained findings')
