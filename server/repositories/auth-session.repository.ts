import type { Models } from '../models/index.js';
import { oid } from './index.js';

export function createAuthSessionRepository({ AuthSession }: Models) {
	return {
		create: (s: { tokenHash: string; userId: string; createdAt: Date; expiresAt: Date }) =>
			AuthSession.create({ ...s, userId: oid(s.userId) }),
		findValid: (tokenHash: string, now: Date) => AuthSession.findOne({ tokenHash, expiresAt: { $gt: now } }).lean(),
		deleteByHash: (tokenHash: string) => AuthSession.deleteOne({ tokenHash }),
		/** Signs a user out everywhere, except (optionally) the session they are using. */
		deleteForUser: (userId: string, keepTokenHash?: string) =>
			AuthSession.deleteMany({ userId: oid(userId), ...(keepTokenHash ? { tokenHash: { $ne: keepTokenHash } } : {}) }).exec(),
		deleteExpired: (now: Date) => AuthSession.deleteMany({ expiresAt: { $lte: now } }).exec()
	};
}
