import {eventsCommand} from '../observe.js'

/** `hubble observe agent-events`. */
export default eventsCommand('agent')
