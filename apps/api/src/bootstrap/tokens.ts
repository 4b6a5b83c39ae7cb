/** Injection tokens of what the bootstrap opens before Nest starts. */
export const APP_CONFIG = Symbol('AppConfig');
export const PG_POOL = Symbol('PgPool');
export const DATA_SOURCE = Symbol('DataSource');
export const PROJECTION = Symbol('Projection');
export const CLOCK = Symbol('Clock');

export interface AppConfig {
  port: number;
  host: string;
  adminToken: string | null;
  /** Largest request body, in bytes. */
  bodyLimit: number;
  /** How long a read of the read models waits for them to include every earlier write. */
  readYourWritesMs: number;
}

export type Clock = () => Date;
