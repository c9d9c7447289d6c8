import {notBuiltCommand} from '../../cli/not-built.js'

export default notBuiltCommand({
  summary: 'Display endpoint information',
  examples: ['<%= config.bin %> <%= command.id %> 1234'],
  issue: 7,
})
