import {notBuiltCommand} from '../cli/not-built.js'

export default notBuiltCommand({
  summary: 'Display status of the Cilium agent on this node',
  examples: ['<%= config.bin %> <%= command.id %> --verbose'],
  issue: 7,
})
