/** Words the normaliser may split glued single letters into: its defaults plus every rule word. */
import { DEFAULT_VOCABULARY } from './normalise.js';
import { contactRuleSet, safeguardingRuleSet } from './rules/index.js';

export const VOCABULARY: ReadonlySet<string> = new Set([
  ...DEFAULT_VOCABULARY,
  ...safeguardingRuleSet.vocabulary,
  ...contactRuleSet.vocabulary,
]);
