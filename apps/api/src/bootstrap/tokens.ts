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
}

export type Clock = () => Date;
