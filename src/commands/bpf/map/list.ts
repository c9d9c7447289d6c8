import {notBuiltCommand} from '../../../cli/not-built.js'

export default notBuiltCommand({
  summary: 'List all open BPF maps',
  examples: ['<%= config.bin %> <%= command.id %>'],
  issue: 3,
})
