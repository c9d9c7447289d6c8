import {notBuiltCommand} from '../../../cli/not-built.js'

export default notBuiltCommand({
  summary: 'Display all entries of a BPF map',
  examples: ['<%= config.bin %> <%= command.id %> cilium_ipcache_v2'],
  issue: 3,
})
