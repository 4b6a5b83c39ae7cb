/**
 * What employers offer the other features: the employers' service and names, the organisation's own
 * registration. Other features import from here (or the module), never a file inside.
 */
export * from './employer-names.js';
export * from './employers.service.js';
export * from './organisation-registration.js';
