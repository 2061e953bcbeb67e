/**
 * Is a display name safe to show to peers? A nickname only: no contact details, handles, links,
 * long numbers or abuse. Structural checks here; the safeguarding filter adds its judgement
 * through the `TextChecker` the app is given.
 */
import { createHash } from 'node:crypto';
import type { ContentVerdict } from '../moderation.js';
import type { RaiseInput } from './escalation.service.js';

export interface TextChecker {
	/** `true` when the text may be shown to peers without a person checking it first. */
	isPublishable(text: string, orgId?: string): boolean;
	/** The filter's local verdict, so a worrying name can be raised with a safeguarding lead. */
	checkLocal?(text: string, surface: 'display-name', orgId?: string): ContentVerdict;
}

/** Where a name was chosen, so a worrying one reaches that hub's moderators. */
export interface NameScope {
	orgId: string;
	hubId: string;
	groupId: string | null;
	where: string;
}

const HANDLE_OR_LINK = /[@#]|https?:|www\.|\.(com|co|uk|net|org|io|me)\b/i;
const DIGITS = /\d/g;

export function nameLooksSafe(name: string): boolean {
	if (HANDLE_OR_LINK.test(name)) return false;
	// A phone number or a handle with digits hides in names; a single digit ("Sam2") is fine.
	if ((name.match(DIGITS)?.length ?? 0) > 2) return false;
	return true;
}

/**
 * A name check that also raises a concern when a refused name itself is worrying (e.g. a name
 * that talks about self-harm): the young person is asked for another name, and the hub's
 * moderators are told. Retries of the same name on the same day raise it once.
 */
export function createNameCheck(checker: TextChecker | null, raise?: (input: RaiseInput) => Promise<unknown>) {
	return async (name: string, scope?: NameScope): Promise<boolean> => {
		if (!nameLooksSafe(name)) return false;
		if (!checker) return true;
		if (checker.isPublishable(name, scope?.orgId)) return true;
		if (scope && raise && checker.checkLocal) {
			let verdict: ContentVerdict | null;
			try {
				verdict = checker.checkLocal(name, 'display-name', scope.orgId);
			} catch {
				verdict = null;
			}
			if (verdict?.escalate) {
				const day = new Date().toISOString().slice(0, 10);
				const ref = createHash('sha256').update(`${scope.hubId}:${day}:${name.toLowerCase()}`).digest('base64url').slice(0, 24);
				await raise({ ...scope, source: 'display-name', sourceRef: ref, text: name, authorName: null, participantId: null, verdict });
			}
		}
		return false;
	};
}
