import type { Models } from '../models/index.js';
import { oid } from './index.js';

/** Staff sign-ins, keyed by the token's hash (found by `_id`: quick on every database). */
export function createAuthSessionRepository({ AuthSession }: Models) {
	return {
		create: (s: { tokenHash: string; userId: string; createdAt: Date; expiresAt: Date }) =>
			AuthSession.create({ _id: s.tokenHash, userId: oid(s.userId), createdAt: s.createdAt, expiresAt: s.expiresAt }),
		async findValid(tokenHash: string, now: Date) {
			const s = await AuthSession.findById(tokenHash).lean();
			return s && s.expiresAt > now ? s : null;
		},
		deleteByHash: (tokenHash: string) => AuthSession.deleteOne({ _id: tokenHash }),
		/** Signs a user out everywhere, except (optionally) the session they are using. */
		deleteForUser: (userId: string, keepTokenHash?: string) =>
			AuthSession.deleteMany({ userId: oid(userId), ...(keepTokenHash ? { _id: { $ne: keepTokenHash } } : {}) }).exec(),
		deleteExpired: (now: Date) => AuthSession.deleteMany({ expiresAt: { $lte: now } }).exec()
	};
}
