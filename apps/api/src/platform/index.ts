/**
 * What the platform offers the other features: the organisation entity and the check that the
 * caller manages an organisation. Other features import from here (or the module), never a file
 * inside.
 */
export * from './managed-organisation.js';
export * from './organisation.entity.js';
