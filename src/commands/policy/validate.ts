import {notBuiltCommand} from '../../cli/not-built.js'

export default notBuiltCommand({
  summary: 'Validate a policy',
  examples: ['<%= config.bin %> <%= command.id %> policy.yaml'],
  issue: 7,
})
