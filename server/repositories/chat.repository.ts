/** Chat rooms and messages: the only chat code that touches mongoose. */
import type { Models } from '../models/index.js';

export function createChatRepository(models: Models) {
	void models;
	return {};
}
