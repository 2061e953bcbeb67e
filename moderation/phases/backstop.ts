/**
 * Stage 2b: the recall backstop (after the phrase rules, before contact details).
 *
 * Phrase rules memorise phrasings; the backstop generalises. It escalates when
 * a message puts a person (i, im, me, my, myself; someone doing something to
 * "me"; "you" for wishes of death aimed at someone) within a few words of a
 * harm or distress concept from broad lexicons (rules/backstop.ts): death,
 * ending, not existing, disappearing, burden, cutting, pills; being hit,
 * touched, locked in, owing, "made to"; secrets, older men, gifts, pictures;
 * running off, not going back, sleeping rough; carrying a blade "for
 * protection"; and so on. Negation and the shared benign idioms cancel it.
 *
 * It only ADDS concern: a backstop finding is kept only where the phrase rules
 * found nothing as severe in the same category, so a precise rule's reason
 * (and its span) is what a safeguarding lead sees first. Its rules are gated
 * on their concept words like every rule set, so a message with none of those
 * words costs one dictionary pass.
 */
import { backstopRuleSet } from '../rules/index.js';
import { severityRank, type Finding } from '../types.js';
import type { Phase } from './context.js';

export const recallBackstop: Phase = ({ norm, findings }) => {
	const found = backstopRuleSet.run(norm, 'safeguarding');
	if (found.length === 0) return undefined;
	const kept: Finding[] = [];
	for (const f of found) {
		let covered = false;
		for (const e of findings) {
			if (e.category === f.category && severityRank(e.severity) >= severityRank(f.severity)) {
				covered = true;
				break;
			}
		}
		if (!covered) kept.push(f);
	}
	return kept.length > 0 ? { findings: kept } : undefined;
};
