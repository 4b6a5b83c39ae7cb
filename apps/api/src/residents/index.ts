/**
 * What residents offer the other features: the ledger, the writer and its failures, assignment,
 * duplicates, the list query and its filters, the views. Other features import from here (or the
 * module), never a file inside.
 */
export * from './api-resident-filters.decorator.js';
export * from './assignment.js';
export * from './list-residents.handler.js';
export * from './possible-duplicates.js';
export * from './resident-failure.js';
export * from './resident-ledger.service.js';
export * from './resident-list-params.js';
export * from './resident-queries.js';
export * from './resident-views.js';
export * from './resident-writer.js';
