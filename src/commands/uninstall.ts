import {notBuiltCommand} from '../cli/not-built.js'

export default notBuiltCommand({
  summary: 'Uninstall ciliumkit from this node',
  examples: ['<%= config.bin %> <%= command.id %>'],
  issue: 8,
})
