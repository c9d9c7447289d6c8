import {eventsCommand} from '../observe.js'

/** `hubble observe debug-events`. */
export default eventsCommand('debug')
