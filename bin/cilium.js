#!/usr/bin/env node
import module from 'node:module'

module.enableCompileCache?.()  // Node >= 22.1; a no-op on 20
const {main} = await import('../dist/src/cli/main.js')
await main('cilium', process.argv.slice(2))
