/**
 * What imports offer the other features: the import template's columns and the country names. Other
 * features import from here (or the module), never a file inside.
 */
export * from './country-names.js';
export * from './import-template.js';
