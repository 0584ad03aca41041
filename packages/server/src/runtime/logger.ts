/** The process logger: pino at LOG_LEVEL, JSON lines on stdout. */
import { pino, type Logger } from 'pino';
import type { Config } from '../config/config.js';

export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({ level: config.logLevel, base: { service: 'payerport' } });
}
