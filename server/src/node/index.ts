// What the file system gives both front ends: configuration discovery, dataset and overlay
// loading, and finding briefs. It depends on the core and never on the CLI or the protocol.
// (data-schemas.ts is left out on purpose: ajv is loaded only when data needs validating.)

export { CONFIG_FILE_NAME, createConfigLoader, formatConfigError, loadConfigFor, resolveConfig, type ConfigError, type ConfigOverrides, type LoadedConfig } from './config';
export { findDataDir, formatDataError, loadDataset, type DataError, type LoadedDataset } from './dataset';
export { findBriefs, readBrief, writeFileAtomic, type ReadBrief } from './files';
export { openCache, type ResultCache } from './cache';
