// electron-builder's afterSign hook: notarises the signed macOS app with Apple (and staples the
// ticket), so Gatekeeper opens it without a warning.
//
// - No Apple credentials in the environment: notarisation is skipped, with a message. That is a
//   local or unsigned build, and must keep working.
// - Credentials half set (APPLE_ID without its password, say): the build FAILS. A release job
//   with a missing secret would otherwise ship an app that macOS refuses to open.
// - Notarisation fails or is rejected: the build FAILS (the error propagates).
//
// Credentials, as electron-builder and @electron/notarize name them (one set):
//   APPLE_ID + APPLE_APP_SPECIFIC_PASSWORD + APPLE_TEAM_ID
//   APPLE_API_KEY (path to the .p8) + APPLE_API_KEY_ID + APPLE_API_ISSUER
//   APPLE_KEYCHAIN_PROFILE (+ APPLE_KEYCHAIN), stored with `xcrun notarytool store-credentials`
'use strict'
const path = require('node:path')

const SETS = [
  { names: ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'], options: (e) => ({ appleId: e.APPLE_ID, appleIdPassword: e.APPLE_APP_SPECIFIC_PASSWORD, teamId: e.APPLE_TEAM_ID }) },
  { names: ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'], options: (e) => ({ appleApiKey: e.APPLE_API_KEY, appleApiKeyId: e.APPLE_API_KEY_ID, appleApiIssuer: e.APPLE_API_ISSUER }) },
  { names: ['APPLE_KEYCHAIN_PROFILE'], options: (e) => ({ keychainProfile: e.APPLE_KEYCHAIN_PROFILE, ...(e.APPLE_KEYCHAIN ? { keychain: e.APPLE_KEYCHAIN } : {}) }) },
]

/**
 * What to do for this environment: { skip: reason } or { credentials }. Throws when a set of
 * credentials is incomplete. Pure, so tests/unit/packaging.test.ts checks every case.
 */
function notarizeCredentials(env) {
  for (const set of SETS) {
    const present = set.names.filter((name) => env[name])
    if (present.length === 0) continue
    const missing = set.names.filter((name) => !env[name])
    if (missing.length > 0) {
      throw new Error(`Notarisation is half configured: ${present.join(', ')} set but ${missing.join(', ')} missing. Set all of them, or none to skip notarisation.`)
    }
    return { credentials: set.options(env) }
  }
  return { skip: 'no Apple credentials (APPLE_ID, APPLE_API_KEY or APPLE_KEYCHAIN_PROFILE) in the environment' }
}

function loadNotarize() {
  try {
    // A dependency of electron-builder; loaded only when there is something to notarise.
    return require('@electron/notarize').notarize
  } catch (error) {
    throw new Error(`Cannot notarise: @electron/notarize is not installed (${error.message}). Add it to devDependencies.`, { cause: error })
  }
}

/** The hook. `context` is electron-builder's AfterPackContext. */
async function notarizeApp(context) {
  if (context.electronPlatformName !== 'darwin' && context.electronPlatformName !== 'mas') return
  const plan = notarizeCredentials(process.env)
  if (plan.skip) {
    console.log(`  • notarisation skipped: ${plan.skip}`)
    return
  }
  const appPath = path.join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`)
  console.log(`  • notarising ${appPath} (this can take several minutes)`)
  // Errors are left to propagate: electron-builder then fails the build, which is the point.
  await loadNotarize()({ appPath, ...plan.credentials })
  console.log('  • notarised and stapled')
}

exports.default = notarizeApp
exports.notarizeCredentials = notarizeCredentials
