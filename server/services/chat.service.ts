/**
 * Reference-group chat (filled in by the chat work): rooms, messages persisted before the ack,
 * moderation through the safeguarding filter, controls, and retention.
 */
import type { Config } from '../config.js';
import type { ContentModerator } from '../moderation.js';
import type { Repositories } from '../repositories/index.js';
import type { AuditService } from './audit.service.js';
import type { EscalationService } from './escalation.service.js';
import type { RateLimiter } from './rate-limit.js';
import type { ReviewService } from './review.service.js';

export interface ChatDeps {
	config: Config;
	repos: Repositories;
	audit: AuditService;
	now: () => Date;
	limiter: RateLimiter;
	moderator: ContentModerator | null;
	escalations: EscalationService;
	reviews: ReviewService;
}

export function createChatService(deps: ChatDeps) {
	void deps;
	return {
		/** Deletes messages past retention; returns how many went. Run hourly by the app. */
		async runRetention(): Promise<number> {
			return 0;
		}
	};
}
export type ChatService = ReturnType<typeof createChatService>;
