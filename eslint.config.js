// Lint rules that keep the process split honest (as VS Code's layering rule does): common/ is
// pure, the renderer never reaches into main/, and only preload/ touches ipcRenderer.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'

const noNodeOrElectron = {
  patterns: [
    { group: ['electron', 'node:*', 'fs', 'path', 'os', 'zlib', 'worker_threads'], message: 'common/ and renderer/ run everywhere: no Node or Electron imports.' },
  ],
}

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
)
