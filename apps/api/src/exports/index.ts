/**
 * What exports offer the other features: CSV text and the spreadsheet writer. Other features import
 * from here (or the module), never a file inside.
 */
export * from './csv-text.js';
export * from './spreadsheet-writer.js';
