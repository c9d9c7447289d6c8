import {notBuiltCommand} from '../../cli/not-built.js'

export default notBuiltCommand({
  summary: 'List all endpoints',
  examples: ['<%= config.bin %> <%= command.id %> -o json'],
  issue: 7,
})
