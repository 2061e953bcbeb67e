import type { Models } from '../models/index.js';

/** Small key/value facts about this installation (e.g. that the demo was seeded). */
export function createMetaRepository({ Meta }: Models) {
	return {
		get: async (key: string) => (await Meta.findById(key).lean())?.value,
		/** Returns true if this call set the key (first writer wins, via the unique _id). */
		setOnce: async (key: string, value: unknown) => {
			try {
				await Meta.create({ _id: key, value });
				return true;
			} catch (err) {
				if ((err as { code?: number }).code === 11000) return false;
				throw err;
			}
		}
	};
}
