import type { Config } from '../config.js';
import { publicUrl } from '../config.js';
import type { Repositories } from '../repositories/index.js';
import { createAuditService } from './audit.service.js';
import { createAuthService } from './auth.service.js';
import { Bus } from './bus.js';
import { createLiveSessionService } from './live-session.service.js';
import { createNameCheck, type TextChecker } from './name-check.js';
import { createOrgService } from './org.service.js';
import { createParticipantService } from './participant.service.js';
import { createPollService } from './poll.service.js';
import type { RateLimiter } from './rate-limit.js';

export interface ServiceDeps {
	config: Config;
	repos: Repositories;
	now: () => Date;
	limiter: RateLimiter;
	textChecker: TextChecker | null;
	/** The port actually listened on, once known (tests listen on port 0). */
	port: () => number;
}

export function createServices(deps: ServiceDeps) {
	const { config, repos, now, limiter } = deps;
	const bus = new Bus();
	const audit = createAuditService(repos, now);
	const url = () => publicUrl(config, deps.port());
	const isNameAllowed = createNameCheck(deps.textChecker);
	return {
		bus,
		audit,
		auth: createAuthService({ repos, config, now, limiter, audit }),
		org: createOrgService({ repos, audit }),
		polls: createPollService({ repos, audit }),
		liveSessions: createLiveSessionService({
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
