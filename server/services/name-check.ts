/**
 * Is a display name safe to show to peers? A nickname only: no contact details, handles, links,
 * long numbers or abuse. Structural checks here; the safeguarding filter adds its judgement
 * through the `TextChecker` the app is given.
 */
export interface TextChecker {
	/** `true` when the text may be shown to peers without a person checking it first. */
	isPublishable(text: string): boolean;
}

const HANDLE_OR_LINK = /[@#]|https?:|www\.|\.(com|co|uk|net|org|io|me)\b/i;
const DIGITS = /\d/g;

export function nameLooksSafe(name: string): boolean {
	if (HANDLE_OR_LINK.test(name)) return false;
	// A phone number or a handle with digits hides in names; a single digit ("Sam2") is fine.
	if ((name.match(DIGITS)?.length ?? 0) > 2) return false;
	return true;
}

export function createNameCheck(checker: TextChecker | null) {
	return (name: string) => nameLooksSafe(name) && (checker ? checker.isPublishable(name) : true);
}
