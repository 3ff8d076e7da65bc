// Where downloaded S3 objects are kept. Electron passes its own folder (userData/s3-cache); web
// mode and the CLI use the user's cache folder. A --cache-dir flag, then ASHIATO_CACHE_DIR, win.
// No AWS SDK here: the shells import this at start-up.

import os from 'node:os'
import path from 'node:path'

/**
 * The user's cache folder, as each platform names it: $XDG_CACHE_HOME/ashiato/s3 or
 * ~/.cache/ashiato/s3 on Linux. Sharing it between the CLI and web mode only saves downloads;
 * each reader keeps the cache index consistent on its own.
 */
export function defaultS3CacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = env.HOME || env.USERPROFILE || os.homedir()
  if (platform === 'win32') return path.join(env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'Ashiato', 'Cache', 's3')
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'Ashiato', 's3')
  return path.join(env.XDG_CACHE_HOME || path.join(home, '.cache'), 'ashiato', 's3')
}

/** The folder to use: the flag's, else ASHIATO_CACHE_DIR, else `fallback` (the shell's own default). */
export function resolveS3CacheDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env, fallback: () => string = () => defaultS3CacheDir(env)): string {
  if (flag) return path.resolve(flag)
  if (env.ASHIATO_CACHE_DIR) return path.resolve(env.ASHIATO_CACHE_DIR)
  return fallback()
}
