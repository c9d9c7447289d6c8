// `hubble completion SHELL`: the same command in the hubble root, which generates hubble's script.
export {default} from '../completion.js'
