/**
 * The server's door to the safeguarding filter in moderation/. Services depend on the small
 * `ContentModerator` interface; this file builds it from the real filter.
 */
import { createModerator, type CheckContext, type Moderator } from '../moderation/index.js';
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
	check(text: string, surface: NonNullable<CheckContext['surface']>): Promise<ContentVerdict>;
	/** Local rules only: synchronous and fast, for the moment before a message is stored. */
	checkLocal(text: string, surface: NonNullable<CheckContext['surface']>): ContentVerdict;
	/** True when remote classifiers are configured (so `check` may say more than `checkLocal`). */
	readonly hasRemote: boolean;
}

export function createContentModerator(moderator: Moderator = createModerator({}), hasRemote = false): ContentModerator {
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
		async check(text, surface) {
			return shape(await moderator.check(text, { surface }));
		},
		checkLocal(text, surface) {
			return shape(moderator.checkLocal(text, { surface }));
		},
		// A display name is shown to everyone: publishable only with no concern at all.
		isPublishable(text) {
			try {
				const v = moderator.checkLocal(text, { surface: 'display-name' });
				return v.action === 'allow' && !v.escalate && v.severity === 'none';
			} catch {
				return false;
			}
		}
	};
}
