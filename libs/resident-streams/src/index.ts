export * from './stream-names.js';
export * from './recorded-events.js';
export * from './personal-data/index.js';
export * from './kept-folds.js';
