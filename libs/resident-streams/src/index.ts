export * from './stream-names.js';
export * from './recorded-events.js';
