/** @payerport/server — Fastify wiring, configuration and the `payerport` CLI. */
export { buildApp, type App, type AppDeps } from './app/build-app.js';
export { ENVIRONMENTS, environmentBases, type EnvironmentBase, type EnvironmentSpec } from './app/environments.js';
export { loadConfig, ConfigError, type Config } from './config/config.js';
export { CONFIG_TABLE, CONFIG_FILE_VARIABLE, type ConfigKey, type ConfigKind } from './config/config-table.js';
export { openRuntime, type Runtime } from './runtime/open-runtime.js';
export { createLogger } from './runtime/logger.js';
export { seedSandbox, sandboxResources, exampleResources } from './runtime/seed-sandbox.js';
export { loadFile, LoadError, type LoadReport } from './load/load-file.js';
