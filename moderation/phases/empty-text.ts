/** Nothing to read (only spaces, emoji or invisible characters): allow and stop. */
import type { Phase } from './context.js';

export const emptyText: Phase = ({ norm }) => (norm.key.text.length === 0 && !/[0-9@]/.test(norm.lite.text) ? { stop: true } : undefined);
