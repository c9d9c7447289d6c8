import {notBuiltCommand} from '../../../cli/not-built.js'

export default notBuiltCommand({
  summary: 'List contents of a policy BPF map',
  examples: ['<%= config.bin %> <%= command.id %> --all'],
  issue: 4,
})
