import HubbleObserve from '../observe.js'

/** `hubble observe flows`: the same command as `hubble observe`, under its own name. */
export default class HubbleObserveFlows extends HubbleObserve {
  static override summary = 'Observe flows of a Hubble server'
}
