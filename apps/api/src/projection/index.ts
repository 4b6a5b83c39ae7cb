/**
 * What the projection offers the other features: reading your own writes. Other features import
 * from here (or the module), never a file inside.
 */
export * from './read-your-writes.js';
