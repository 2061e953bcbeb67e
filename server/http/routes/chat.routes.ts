/** Chat HTTP routes (filled in by the chat work): rooms, history, controls. */
import type { Services } from '../../services/index.js';
import type { AnyRoute } from '../route.js';

export function chatRoutes(s: Services): AnyRoute[] {
	void s;
	return [];
}
