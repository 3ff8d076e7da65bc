// Lint rules that keep the process split honest (as VS Code's layering rule does): common/ is
// pure, the renderer never reaches into main/, only preload/ touches ipcRenderer, and inside
// main/ the layers point one way (store <- loader, query <- services <- shells).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'

const noNodeOrElectron = {
  patterns: [
    { group: ['electron', 'node:*', 'fs', 'path', 'os', 'zlib', 'worker_threads'], message: 'common/ and renderer/ run everywhere: no Node or Electron imports.' },
  ],
}

/**
 * One import pattern per main/ folder a layer must not reach, with the reason. The regex is
 * anchored on the leading ../ run so that common/query/... (the query language, allowed
 * everywhere) is not mistaken for main/query/... .
 */
function mainLayer(rules) {
  return {
    patterns: rules.map(([folders, message]) => ({ regex: `^(\\.\\./)+(${folders.join('|')})/`, message })),
  }
}

const SHELLS = ['electron', 'web', 'cli']
const notShells = [SHELLS, 'Shells sit on top of the services; nothing below them may import a shell.']
const notServices = [['services'], 'main/services is the layer the shells call; lower layers must not depend on it (move what both need down).']

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    // CommonJS on purpose: bin/ashiato.cjs, scripts/notarize.cjs and electron-builder.config.cjs
    // are loaded by Node or electron-builder with require().
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['common/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { ...noNodeOrElectron, paths: ['react'] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...noNodeOrElectron.patterns, { group: ['**/main/**', '**/preload/preload*'], message: 'The renderer talks to main only through the contract.' }] },
      ],
    },
  },
  {
    // The view session is given the API (renderer/main.tsx creates it), so its logic runs in
    // unit tests under Node; reaching for the global API would undo that.
    files: ['renderer/session/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...noNodeOrElectron.patterns,
            { group: ['**/main/**', '**/preload/preload*'], message: 'The renderer talks to main only through the contract.' },
            { group: ['**/api/get-api', '**/api/web-api'], message: 'The view session gets the API passed in (createViewSession).' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts', 'common/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "Identifier[name='ipcRenderer']", message: 'Only preload/ may use ipcRenderer.' }],
    },
  },
  {
    files: ['main/store/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', mainLayer([
        [['loader', 'query', 'detect', 'identity', 'integrity', 'services', 's3', 'export', ...SHELLS],
          'main/store is the bottom of main/: the events, their model (event-fields.ts) and columns. Everything reads it; it reads only common/.'],
      ])],
    },
  },
  {
    files: ['main/loader/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', mainLayer([
        [['query', 'detect', 'identity', 'integrity', 's3', 'export'], 'main/loader turns files into store batches; it knows the store and common/, not what is later done with the events.'],
        notServices,
        notShells,
      ])],
    },
  },
  {
    files: ['main/query/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', mainLayer([
        [['loader'], 'main/query reads the store; how events were loaded is not its concern (the event model lives in main/store/event-fields.ts).'],
        notServices,
        notShells,
      ])],
    },
  },
  {
    // Analyses over the store. They still use the loader (worker count, the strict scanner, a
    // re-load to validate digests), so only the upward edges are forbidden.
    files: ['main/detect/**/*.ts', 'main/identity/**/*.ts', 'main/integrity/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', mainLayer([notServices, notShells])] },
  },
  {
    // Downloading published rule sets is a file job: the detect service reads what it wrote.
    files: ['main/rules/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', mainLayer([
        [['store', 'loader', 'query', 'detect', 'identity', 'integrity', 's3', 'export'], 'main/rules downloads rule sets into a folder; reading and running them is main/detect\'s.'],
        notServices,
        notShells,
      ])],
    },
  },
  {
    // The event generator makes store batches without files; it knows nothing of what reads them.
    files: ['tests/support/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ regex: '^(\\.\\./)+main/(query|detect|identity|integrity|services|s3|export|electron|web|cli)/', message: 'tests/support builds events and batches: the store and loader types only.' }],
      }],
    },
  },
)
