// The configuration electron-builder runs with (`npm run package`): electron-builder.yml, plus
// what depends on the environment, so the YAML stays the one declarative source.
//
//  - A build with signing credentials must be signed: forceCodeSigning turns electron-builder's
//    "no identity found, skipping" into a failed build. macOS: a certificate (CSC_LINK, CSC_NAME)
//    or Apple notarisation credentials (which are useless unsigned); Windows: WIN_CSC_LINK.
//  - ASHIATO_TEST_BUILD=1 makes a build Playwright can drive: it launches Electron with
//    --inspect=0 and --remote-debugging-port=0, which the production fuses refuse. Such a build
//    goes to release/test-build and must never be shipped:
//      ASHIATO_TEST_BUILD=1 npm run package -- --dir     (in CI: set it under `env:`)
'use strict'
const fs = require('node:fs')
const path = require('node:path')
const yaml = require('js-yaml')

/** electron-builder.yml as an object. */
function loadBaseConfig(file = path.join(__dirname, 'electron-builder.yml')) {
  return yaml.load(fs.readFileSync(file, 'utf8'))
}

function macSigningExpected(env) {
  return Boolean(env.CSC_LINK || env.CSC_NAME || env.APPLE_ID || env.APPLE_API_KEY || env.APPLE_KEYCHAIN_PROFILE)
}

/** The configuration for this environment. Pure: tested in tests/unit/packaging.test.ts. */
function configFor(env = process.env, base = loadBaseConfig()) {
  const config = structuredClone(base)
  if (macSigningExpected(env)) config.mac = { ...config.mac, forceCodeSigning: true }
  if (env.WIN_CSC_LINK) config.win = { ...config.win, forceCodeSigning: true }
  if (env.ASHIATO_TEST_BUILD === '1') {
    config.directories = { ...config.directories, output: 'release/test-build' }
    config.electronFuses = { ...config.electronFuses, enableNodeCliInspectArguments: true }
    // Written into the packaged package.json, so a test can check it drives the test build.
    config.extraMetadata = { ...config.extraMetadata, ashiatoTestBuild: true }
    // A test build is never signed or notarised, whatever the machine has configured.
    config.mac = { ...config.mac, identity: null, forceCodeSigning: false }
    config.win = { ...config.win, forceCodeSigning: false }
    config.afterSign = null
  }
  return config
}

// electron-builder calls an exported function for the configuration; the helpers ride along
// as properties for the tests (a plain object export would carry them into the config itself).
module.exports = () => configFor()
module.exports.configFor = configFor
module.exports.loadBaseConfig = loadBaseConfig
