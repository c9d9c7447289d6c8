import {notBuiltCommand} from '../../cli/not-built.js'

export default notBuiltCommand({
  summary: 'Display policy node information',
  examples: ['<%= config.bin %> <%= command.id %> -o json'],
  issue: 7,
})
