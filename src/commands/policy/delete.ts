import {notBuiltCommand} from '../../cli/not-built.js'

export default notBuiltCommand({
  summary: 'Delete policy rules',
  examples: ['<%= config.bin %> <%= command.id %> --all'],
  issue: 7,
})
