export * from './digest.js';
export * from './lead-times.js';
