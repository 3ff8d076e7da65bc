#!/usr/bin/env node
// `npx ashiato ...` / an installed `ashiato`: runs the built CLI bundle. The bundle is plain
// CommonJS for Node 20 with everything inlined, so this needs nothing but Node.
'use strict'
const path = require('node:path')
const fs = require('node:fs')

const bundle = path.join(__dirname, '..', 'dist', 'main', 'cli.cjs')
if (!fs.existsSync(bundle)) {
  process.stderr.write('ashiato: the CLI is not built yet: run "npm run build:node" first\n')
  process.exit(2)
}
require(bundle)
