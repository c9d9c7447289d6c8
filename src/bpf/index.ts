/** The typed face of the eBPF addon: the only module that loads src/native. */
export {BpfMap, type MapSpec, type MapInfo, type MapBatch, type BatchCursor, type IterateOptions, type UpdateFlag} from './map.js'
export {BpfObject, TcLink, TcxLink, type ObjectMapSpec, type ProgramSpec, type TcAttachPoint, type TcAttachOptions} from './object.js'
export {RingBuffer, type RingBufferOptions} from './ring-buffer.js'
export {decodeBtf, describeMapBtf, formatBtfValue, type BtfType, type BtfValue, type MapBtf} from './btf.js'
export {bpffsMounts, defaultBpffs, ensureBpffs, isOnBpffs, pinnedPaths, unmountBpffs} from './bpffs.js'
export {mapTypeName, isPerCpuType, type MapTypeName} from './map-types.js'
export * from './errors.js'
