// Unit tests import sources directly, but worker threads need a built file of their own:
// build the Node bundles once before the run.
import { execFileSync } from 'node:child_process'

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs', '--node-only', '--quiet'], { stdio: 'inherit' })
}
