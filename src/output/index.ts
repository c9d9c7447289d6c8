export {useColor, palette, colorModes, type ColorMode} from './color.js'
export {render, renderJson, renderYaml, renderTable, outputFormats, type OutputFormat, type Column} from './format.js'
