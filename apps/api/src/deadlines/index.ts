/**
 * What deadlines offer the other features: the list query and its filters, the deadline view. Other
 * features import from here (or the module), never a file inside.
 */
export * from './api-deadline-filters.decorator.js';
export * from './deadline-list-params.js';
export * from './deadline-view.js';
export * from './list-deadlines.handler.js';
