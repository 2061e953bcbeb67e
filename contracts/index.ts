export * from './errors.js';
export * from './common.js';
export * from './auth.js';
export * from './org.js';
export * from './sessions.js';
export * from './polls.js';
export * from './events.js';
