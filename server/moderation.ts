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
	support?: { message: string; contacts: { name: string; phone?: string; text?: string; url?: string; note?: string }[] };
}

export interface ContentModerator extends TextChecker {
	check(text: string, surface: NonNullable<CheckContext['surface']>): Promise<ContentVerdict>;
}

export function createContentModerator(moderator: Moderator = createModerator({})): ContentModerator {
	const shape = (v: Awaited<ReturnType<Moderator['check']>>): ContentVerdict => ({
		action: v.action,
		escalate: v.escalate,
		severity: v.severity,
		categories: [...v.categories],
		...(v.support ? { support: { message: v.support.message, contacts: v.support.contacts.map((c) => ({ ...c })) } } : {})
	});
	return {
		async check(text, surface) {
			return shape(await moderator.check(text, { surface }));
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
