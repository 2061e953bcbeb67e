/** Stage 2: safeguarding rules by category (see ../rules). */
import { safeguardingRuleSet } from '../rules/index.js';
import type { Phase } from './context.js';

export const safeguardingRules: Phase = ({ norm }) => {
  const findings = safeguardingRuleSet.run(norm, 'safeguarding');
  return findings.length > 0 ? { findings } : undefined;
};
