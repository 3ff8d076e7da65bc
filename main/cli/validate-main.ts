// Process wiring of `ashiato validate` (cli.ts hands over when the first argument is "validate").

import { parseValidateArgs, VALIDATE_USAGE } from './validate-args'
import { runValidate } from './validate-run'

export async function validateMain(argv: string[]): Promise<number> {
  const args = parseValidateArgs(argv)
  if ('usageError' in args) {
    process.stderr.write(`ashiato validate: ${args.usageError}\n`)
    return 2
  }
  if (args.help) {
    process.stdout.write(`${VALIDATE_USAGE}\n`)
    return 0
  }
  const controller = new AbortController()
  process.on('SIGINT', () => {
    if (controller.signal.aborted) process.exit(130)
    controller.abort()
  })
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') process.exit(1)
  })
  return runValidate(args, { stdout: process.stdout, stderr: process.stderr, signal: controller.signal })
}
