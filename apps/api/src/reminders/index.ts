/**
 * What reminders offer the other features: the digest mail. Other features import from here (or
 * the module), never a file inside.
 */
export * from './digest-mail.js';
