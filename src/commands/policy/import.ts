import {notBuiltCommand} from '../../cli/not-built.js'

export default notBuiltCommand({
  summary: 'Import security policy in JSON or YAML',
  examples: ['<%= config.bin %> <%= command.id %> policy.yaml'],
  issue: 7,
})
