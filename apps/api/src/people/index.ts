/**
 * What people offer the other features: display names, the organisation's people, the people
 * settings and the security log. Other features import from here (or the module), never a file
 * inside.
 */
export * from './display-names.js';
export * from './organisation-people.service.js';
export * from './people-config.js';
export * from './people-settings.js';
export * from './security-log.js';
export * from './smtp-transport.js';
