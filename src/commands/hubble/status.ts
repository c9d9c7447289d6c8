import {notBuiltCommand} from '../../cli/not-built.js'

export default notBuiltCommand({
  summary: 'Display status of Hubble server',
  examples: ['<%= config.bin %> <%= command.id %>'],
  issue: 5,
})
