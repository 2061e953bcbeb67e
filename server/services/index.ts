import type { Config } from '../config.js';
import { publicUrl } from '../config.js';
import type { Repositories } from '../repositories/index.js';
import { createAuditService } from './audit.service.js';
import { createAuthService } from './auth.service.js';
import { Bus } from './bus.js';
import { createLiveSessionService } from './live-session.service.js';
import { createNameCheck } from './name-check.js';
import { createOrgService } from './org.service.js';
import { createParticipantService } from './participant.service.js';
import { randomBytes } from 'node:crypto';
import type { ContentModerator } from '../moderation.js';
import { createFilterPolicyService } from './filter-policy.service.js';
import { createPollService } from './poll.service.js';
import type { RateLimiter } from './rate-limit.js';
import type { Logger } from '../logger.js';
import { createEscalationService } from './escalation.service.js';
import { createReviewService } from './review.service.js';
import { createNotifier } from './notifier.service.js';
import { createChatService } from './chat.service.js';
import { createSurveyService } from './survey.service.js';
import { createReportService } from './report.service.js';

export interface ServiceDeps {
	config: Config;
	repos: Repositories;
	now: () => Date;
	limiter: RateLimiter;
	/** The safeguarding filter for text young people write (and display names). */
	moderator: ContentModerator | null;
	/** The port actually listened on, once known (tests listen on port 0). */
	port: () => number;
	logger: Logger;
}

export function createServices(deps: ServiceDeps) {
	const { config, repos, now, limiter } = deps;
	const bus = new Bus();
	const audit = createAuditService(repos, now);
	const url = () => publicUrl(config, deps.port());
	let secret: Promise<string> | null = null;
	const voteKeySecret = () =>
		(secret ??= (async () => {
			if (config.voteKeySecret) return config.voteKeySecret;
			await repos.meta.setOnce('secret:voteKey', randomBytes(32).toString('base64url'));
			return String(await repos.meta.get('secret:voteKey'));
		})());
	const escalations = createEscalationService({ repos, audit, bus, now, notifyAtOnce: config.notifyAtOnce });
	const reviews = createReviewService({ repos, audit, bus, now });
	const isNameAllowed = createNameCheck(deps.moderator, (input) => escalations.raise(input));
	const notifier = createNotifier({ config, repos, now, publicUrl: url, logger: deps.logger });
	escalations.setNotifier(notifier);
	escalations.registerRecentItems(async (participantId) => reviews.recentFor(participantId));
	const polls = createPollService({ repos, audit, bus, now, moderator: deps.moderator, voteKeySecret, escalations, reviews });
	const surveys = createSurveyService({ repos, audit, now, moderator: deps.moderator, escalations, reviews, keySecret: voteKeySecret });
	const chat = createChatService({ config, repos, audit, now, limiter, moderator: deps.moderator, escalations, reviews });
	const filterPolicy = createFilterPolicyService({ repos, audit, moderator: deps.moderator });
	return {
		bus,
		audit,
		limiter,
		escalations,
		reviews,
		notifier,
		chat,
		filterPolicy,
		surveys,
		reports: createReportService({ repos, audit, now }),
		auth: createAuthService({ repos, config, now, limiter, audit }),
		org: createOrgService({ repos, audit }),
		polls,
		liveSessions: createLiveSessionService({
			polls,
			repos,
			audit,
			bus,
			limiter,
			now,
			publicUrl: url,
			joinRatePerIp: config.joinRatePerIp,
			isNameAllowed,
			participantDays: config.participantDays
		}),
		participants: createParticipantService({ repos, audit, now, publicUrl: url, isNameAllowed, participantDays: config.participantDays })
	};
}
export type Services = ReturnType<typeof createServices>;
