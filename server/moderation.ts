/**
 * The server's door to the safeguarding filter in moderation/. Services depend on the small
 * `ContentModerator` interface; this file builds it from the real filter.
 */
import { readFileSync } from 'node:fs';
import {
	createModerator,
	createPerspectiveClassifier,
	parsePolicy,
	PolicyError,
	type CheckContext,
	type ModerationPolicy,
	type Moderator,
	type RemoteClassifier
} from '../moderation/index.js';
import type { FilterPolicy } from '../contracts/index.js';
import { ConfigError, type Config } from './config.js';
import type { Logger } from './logger.js';
import type { TextChecker } from './services/name-check.js';

export interface ContentVerdict {
	action: 'allow' | 'hold' | 'block';
	escalate: boolean;
	severity: 'none' | 'low' | 'medium' | 'high' | 'urgent';
	categories: string[];
	/** Which rules fired (no spans or text): kept on escalations so false alarms can be traced to a rule. */
	reasons: { stage: string; rule: string; category: string }[];
	support?: { message: string; contacts: { name: string; phone?: string; text?: string; url?: string; note?: string }[] };
}

export interface ContentModerator extends TextChecker {
	/** Local rules and, when configured, remote classifiers (which can only raise concern). */
	check(text: string, surface: NonNullable<CheckContext['surface']>, orgId?: string): Promise<ContentVerdict>;
	/** Local rules only: synchronous and fast, for the moment before a message is stored. */
	checkLocal(text: string, surface: NonNullable<CheckContext['surface']>, orgId?: string): ContentVerdict;
	/** True when remote classifiers are configured (so `check` may say more than `checkLocal`). */
	readonly hasRemote: boolean;
	/**
	 * Use an organisation's own terms, model setting and support message, on top of the
	 * installation's policy; `null` goes back to the installation's. Throws PolicyError when the
	 * combination is not a valid policy (nothing changes then).
	 */
	setOrgPolicy(orgId: string, policy: FilterPolicy | null): void;
}

/** The installation's policy with an organisation's additions on top. */
export function withOrgPolicy(base: ModerationPolicy, org: FilterPolicy): ModerationPolicy {
	return parsePolicy({
		...base,
		blockedTerms: [...base.blockedTerms, ...org.blockedTerms],
		suspectTerms: [...base.suspectTerms, ...org.suspectTerms],
		allowedTerms: [...base.allowedTerms, ...org.allowedTerms],
		model: { enabled: org.model.enabled, ...(org.model.threshold !== null ? { threshold: org.model.threshold } : base.model.threshold !== undefined ? { threshold: base.model.threshold } : {}) },
		support: org.supportMessage !== null ? { ...base.support, message: org.supportMessage } : base.support
	});
}

export function createContentModerator(
	moderator: Moderator = createModerator({}),
	hasRemote = false,
	forOrganisation: (policy: FilterPolicy) => Moderator = (p) => createModerator({ policy: withOrgPolicy(moderator.policy, p) })
): ContentModerator {
	const byOrg = new Map<string, Moderator>();
	const pick = (orgId: string | undefined): Moderator => (orgId !== undefined ? byOrg.get(orgId) : undefined) ?? moderator;
	const shape = (v: Awaited<ReturnType<Moderator['check']>>): ContentVerdict => ({
		action: v.action,
		escalate: v.escalate,
		severity: v.severity,
		categories: [...v.categories],
		reasons: v.reasons.map((r) => ({ stage: r.stage, rule: r.rule, category: r.category })),
		...(v.support ? { support: { message: v.support.message, contacts: v.support.contacts.map((c) => ({ ...c })) } } : {})
	});
	return {
		hasRemote,
		async check(text, surface, orgId) {
			return shape(await pick(orgId).check(text, { surface }));
		},
		checkLocal(text, surface, orgId) {
			return shape(pick(orgId).checkLocal(text, { surface }));
		},
		// A display name is shown to everyone: publishable only with no concern at all.
		isPublishable(text, orgId) {
			try {
				const v = pick(orgId).checkLocal(text, { surface: 'display-name' });
				return v.action === 'allow' && !v.escalate && v.severity === 'none';
			} catch {
				return false;
			}
		},
		setOrgPolicy(orgId, policy) {
			if (policy === null) byOrg.delete(orgId);
			else byOrg.set(orgId, forOrganisation(policy));
		}
	};
}

/** The organisation's filter policy from MODERATION_POLICY_FILE (built-in defaults without one). */
export function loadModerationPolicy(file: string | undefined): ModerationPolicy {
	if (file === undefined) return parsePolicy({});
	let raw: unknown;
	try {
		raw = JSON.parse(readFileSync(file, 'utf8'));
	} catch (e) {
		const why = e instanceof SyntaxError ? `it is not valid JSON (${e.message})` : 'it cannot be read';
		throw new ConfigError([`MODERATION_POLICY_FILE: ${file}: ${why}.`]);
	}
	try {
		return parsePolicy(raw);
	} catch (e) {
		if (e instanceof PolicyError) throw new ConfigError(e.issues.map((i) => `MODERATION_POLICY_FILE: ${i}`));
		throw e;
	}
}

/**
 * The filter as configured: the organisation's policy, and Perspective when PERSPECTIVE_API_KEY
 * is set. A remote failure is logged by classifier, code and HTTP status only (never the text).
 */
export function buildContentModerator(config: Pick<Config, 'moderationPolicyFile' | 'perspectiveApiKey' | 'perspectiveEndpoint' | 'perspectiveTimeoutMs'>, logger?: Logger): ContentModerator {
	const policy = loadModerationPolicy(config.moderationPolicyFile);
	const classifiers: RemoteClassifier[] = [];
	if (config.perspectiveApiKey !== undefined) {
		classifiers.push(
			createPerspectiveClassifier({
				apiKey: config.perspectiveApiKey,
				timeoutMs: config.perspectiveTimeoutMs,
				...(config.perspectiveEndpoint !== undefined ? { endpoint: config.perspectiveEndpoint } : {})
			})
		);
	}
	const build = (p: ModerationPolicy): Moderator =>
		createModerator({
			policy: p,
			classifiers,
			remoteTimeoutMs: config.perspectiveTimeoutMs + 500,
			onRemoteFailure: (e) => logger?.warn({ classifier: e.classifier, code: e.code, status: e.status }, 'remote classifier failed; the filter policy decides (never a silent pass)')
		});
	return createContentModerator(build(policy), classifiers.length > 0, (org) => build(withOrgPolicy(policy, org)));
}
