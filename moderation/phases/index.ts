/**
 * The local pipeline: an ordered list of small phases, each in its own file.
 * Normalisation (stage 1) happens once before them; remote classifiers
 * (stage 5) run after them, in ../moderator.ts, because they are async.
 *
 * Unlike a publish-only filter, safeguarding needs every category a message
 * touches, so phases do not stop at the first finding; only empty text stops.
 */
import { abusiveLanguage } from './abusive-language.js';
import { recallBackstop } from './backstop.js';
import { contactDetails } from './contact-details.js';
import type { Phase } from './context.js';
import { emptyText } from './empty-text.js';
import { localModel } from './local-model.js';
import { allowedTerms, policyTerms } from './policy-terms.js';
import { safeguardingRules } from './safeguarding.js';

export const LOCAL_PHASES: readonly Phase[] = [
  // Nothing but spaces, emoji or invisible characters: nothing to check.
  emptyText,
  // 2. Safeguarding rules by category, with benign idioms.
  safeguardingRules,
  // 2b. Recall backstop: a person near a harm or distress concept (broad lexicons), for
  //     disclosures the phrase rules have not seen; only adds what stage 2 did not find.
  recallBackstop,
  // 2c. The local model: word and word-pair weights learnt from labelled messages, for
  //     phrasings neither the rules nor the backstop know; only adds what 2 and 2b did not find.
  localModel,
  // 3. Contact details; escalates only with a grooming signal (needs stage 2's findings).
  contactDetails,
  // 4. Abusive language and hate (obscenity over our normaliser).
  abusiveLanguage,
  // The organisation's extra blocked and suspect terms.
  policyTerms,
  // Last: the organisation's allowed terms cancel false positives found above.
  allowedTerms,
];

export type { Phase, PhaseContext, PhaseResult } from './context.js';
