export * from './personal-fields.js';
export * from './data-keys.js';
export * from './resident-keys.js';
export * from './sealed-event-store.js';
export * from './master-key.js';
export * from './erasure-event.js';
