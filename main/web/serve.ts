// Web mode's entry: `node dist/main/serve.cjs [--port N] [FILE...]`. Runs the same services as the
// desktop app and serves the renderer to a browser on this machine. The page URL (token
// included) is printed on a line of its own on stdout once the server listens; everything else
// goes to stderr, so `serve | head -1` gives the URL.

import path from 'node:path'
import { testRuleSources } from '../rules/rule-sources'
import { AshiatoService } from '../services/ashiato-service'
import { resolveS3CacheDir } from '../s3/cache-dir'
import { parseServeArgs, USAGE, type ServeArgs } from './serve-args'
import { startWebServer } from './web-server'
import { webLog } from './log-scrub'
import { SERVE_LOADED } from '../../common/web-protocol'

function readArgs(): ServeArgs {
  try {
    return parseServeArgs(process.argv.slice(2))
  } catch (error) {
    console.error(`ashiato serve: ${(error as Error).message}\n\n${USAGE}`)
    process.exit(2)
  }
}

async function main(): Promise<void> {
  const args = readArgs()
  if (args.help) {
    console.log(USAGE)
    return
  }
  // "Update rules" only when the command line names where the sets go (--rules-update-dir).
  const rulesUpdate = args.rulesUpdateDir ? { dataDir: args.rulesUpdateDir, ...testRuleSources() } : undefined
  const service = new AshiatoService({ s3: { cacheDir: resolveS3CacheDir(args.cacheDir) }, detect: { ruleFolders: args.rules ?? [], ruleFolderChoices: args.rules ?? [], rulesUpdate } })
  let server
  try {
    server = await startWebServer({
      service,
      port: args.port,
      policy: { s3EndpointUrl: args.endpointUrl, allowPlainHttp: args.allowPlainHttp },
      maxUploadBytes: args.maxUploadBytes,
    })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const hint = code === 'EADDRINUSE' ? `port ${args.port} is in use; pass --port 0 to pick a free one` : (error as Error).message
    console.error(`ashiato serve: ${hint}`)
    await service.dispose()
    process.exit(1)
  }
  console.error('Ashiato is ready. Open this address in a browser on this machine (Ctrl+C stops):')
  console.log(server.url)

  if (args.paths.length > 0) {
    // Relative to where the server was started, as the user typed them.
    service
      .loadPaths(args.paths.map((p) => path.resolve(p)))
      .then(() => service.whenLoadDone())
      .catch((error: unknown) => {
        // File names and what a file held are not ours to print raw.
        webLog(`ashiato serve: loading ${args.paths.join(', ')} failed: ${(error as Error).message}`)
      })
      // Says when the command line's files are in (the page's first view may come before).
      .finally(() => webLog(`${SERVE_LOADED} (${service.store.size.toLocaleString('en-US')} events)`))
  }

  let stopping = false
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      // A second Ctrl+C while closing: stop at once.
      process.exit(130)
    }
    stopping = true
    console.error(`ashiato serve: ${signal}, shutting down`)
    Promise.all([server.close(), service.dispose()]).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`ashiato serve: shutdown: ${(error as Error).message}`)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(`ashiato serve: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  process.exit(1)
})
