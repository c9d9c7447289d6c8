import {notBuiltCommand} from '../../../cli/not-built.js'

export default notBuiltCommand({
  summary: 'Lists Hubble nodes',
  examples: ['<%= config.bin %> <%= command.id %>'],
  issue: 5,
})
