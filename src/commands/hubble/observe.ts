import {notBuiltCommand} from '../../cli/not-built.js'

export default notBuiltCommand({
  summary: 'Observe flows of a Hubble server',
  examples: ['<%= config.bin %> <%= command.id %> --http-method POST'],
  issue: 5,
})
