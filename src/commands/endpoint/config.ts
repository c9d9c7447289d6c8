import {notBuiltCommand} from '../../cli/not-built.js'

export default notBuiltCommand({
  summary: 'View and modify endpoint configuration',
  examples: ['<%= config.bin %> <%= command.id %> 1234 PolicyAuditMode=true'],
  issue: 7,
})
