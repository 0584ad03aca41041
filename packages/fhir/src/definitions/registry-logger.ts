/** Where start-up messages of the definitions loader go (a pino logger fits). */
export interface RegistryLogger {
  warn(msg: string): void;
  info(msg: string): void;
}
