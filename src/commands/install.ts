import {notBuiltCommand} from '../cli/not-built.js'

export default notBuiltCommand({
  summary: 'Install ciliumkit on this node: bpffs, the datapath and the agent',
  examples: ['<%= config.bin %> <%= command.id %> --wait'],
  issue: 8,
})
