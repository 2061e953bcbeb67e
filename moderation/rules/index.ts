/**
 * Every safeguarding rule, in one list, compiled once at module load.
 */
import { ABUSE_RULES, ABUSE_THREAT_RULES, DOMESTIC_ABUSE_RULES } from './abuse.js';
import { BACKSTOP_BENIGN, BACKSTOP_RULES, CONCEPTS } from './backstop.js';
import { BENIGN_IDIOMS } from './benign.js';
import { CONTACT_RULES, GROOMING_HINTS } from './contact.js';
import { RuleSet, type RuleSpec } from './engine.js';
import { CRIMINAL_EXPLOITATION_RULES, SEXUAL_EXPLOITATION_RULES } from './exploitation.js';
import { BULLYING_RULES, MISSING_RULES, VIOLENCE_RULES, WEAPON_CONTEXT_RULES, WEAPONS_RULES } from './harm-to-others.js';
import { MACROS } from './macros.js';
import { SELF_HARM_RULES } from './self-harm.js';
import { DRUG_HARM_RULES, DRUGS_RULES, EATING_RULES, RADICALISATION_RULES } from './wellbeing.js';

export const SAFEGUARDING_RULES: readonly RuleSpec[] = [
  ...SELF_HARM_RULES,
  ...ABUSE_RULES,
  ...ABUSE_THREAT_RULES,
  ...DOMESTIC_ABUSE_RULES,
  ...SEXUAL_EXPLOITATION_RULES,
  ...CRIMINAL_EXPLOITATION_RULES,
  ...MISSING_RULES,
  ...WEAPONS_RULES,
  ...WEAPON_CONTEXT_RULES,
  ...VIOLENCE_RULES,
  ...BULLYING_RULES,
  ...DRUGS_RULES,
  ...DRUG_HARM_RULES,
  ...EATING_RULES,
  ...RADICALISATION_RULES,
];

export const safeguardingRuleSet = new RuleSet(SAFEGUARDING_RULES, BENIGN_IDIOMS, MACROS);
/** The recall backstop (phases/backstop.ts): broad concept rules, the shared idioms plus its own. */
export const backstopRuleSet = new RuleSet(BACKSTOP_RULES, BACKSTOP_BENIGN, { ...MACROS, ...CONCEPTS }, safeguardingRuleSet.benignTemplates);
export const contactRuleSet = new RuleSet(CONTACT_RULES, [], MACROS);
export const groomingHintRuleSet = new RuleSet(
  GROOMING_HINTS.map((t, i) => ({ id: `grooming-hint-${i + 1}`, category: 'sexual-exploitation', severity: 'high', match: [t], ignoreBenign: true })),
  [],
  MACROS,
);

export { RuleSet, type RuleSpec } from './engine.js';
export { MACROS } from './macros.js';
