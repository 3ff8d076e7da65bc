// Builds every process: the Node-side bundles with esbuild (Electron main, preload, the parse
// worker, the web-mode server, the CLI, the benchmark) and the renderer with Vite.
// esbuild rather than electron-vite: the same Node bundles must run without Electron (web mode,
// CLI, bench), and worker threads need a file of their own — plain esbuild entries do both.
//   --node-only  skip the renderer (CLI and bench need no UI)
//   --quiet      print nothing unless it fails (the CLI's stdout is its output)
import { build } from 'esbuild'
import { build as viteBuild } from 'vite'
import { fileURLToPath } from 'node:url'
import path from 'node:path'
import { readdirSync, readFileSync } from 'node:fs'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const nodeOnly = process.argv.includes('--node-only')
const quiet = process.argv.includes('--quiet')

const entries = {
  main: 'main/electron/main.ts',
  'parse-worker': 'main/loader/parse-worker.ts',
  'query-worker': 'main/query/query-worker.ts',
  'detect-worker': 'main/detect/detect-worker.ts',
  'identity-worker': 'main/identity/identity-worker.ts',
  serve: 'main/web/serve.ts',
  cli: 'main/cli/cli.ts',
  bench: 'scripts/bench.ts',
}

// The built-in Sigma rule pack, inlined into the bundles (one source: assets/rules/*.yml).
const rulesDir = path.join(root, 'assets', 'rules')
const builtinRules = readdirSync(rulesDir).filter((n) => /\.ya?ml$/.test(n)).sort().map((name) => ({ name, text: readFileSync(path.join(rulesDir, name), 'utf8') }))

const started = Date.now()
await build({
  absWorkingDir: root,
  entryPoints: entries,
  outdir: 'dist/main',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  external: ['electron'],
  define: { __ASHIATO_BUILTIN_RULES__: JSON.stringify(builtinRules) },
  logLevel: quiet ? 'error' : 'warning',
})
// The sandboxed preload must be one CommonJS file that requires nothing but 'electron'.
await build({
  absWorkingDir: root,
  entryPoints: { preload: 'preload/preload.ts' },
  outdir: 'dist/preload',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['electron'],
  logLevel: quiet ? 'error' : 'warning',
})
if (!nodeOnly) {
  // The inline root wins over the config file's 'renderer' (which would resolve against the cwd).
  await viteBuild({ root: path.join(root, 'renderer'), configFile: path.join(root, 'vite.config.ts'), logLevel: quiet ? 'error' : 'warn' })
}
if (!quiet) console.log(`built ${nodeOnly ? 'node bundles' : 'all'} in ${Date.now() - started} ms`)
