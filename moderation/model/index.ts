/** The trained local models, decoded once at start-up (see ./linear-model.ts and ./train.ts). */
import { LinearModel } from './linear-model.js';
import { TRAINED_MODEL, TRAINED_URGENCY_MODEL } from './weights.generated.js';

/** Is there a safeguarding concern, and of which category? */
export const MODEL = new LinearModel(TRAINED_MODEL);
/** Is a self-harm disclosure urgent (a plan, means, time or place now, or just done)? */
export const URGENCY_MODEL = new LinearModel(TRAINED_URGENCY_MODEL);
export { LinearModel, featureStrings, type ModelMeta, type ModelScores, type SerializedModel } from './linear-model.js';
