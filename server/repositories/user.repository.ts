import type { Models } from '../models/index.js';
import { oid, writeQueue } from './index.js';

export function createUserRepository({ User }: Models) {
	// Counting wrong passwords must not lose a count when guesses arrive together.
	const queued = writeQueue();
	return {
		findByEmail: (email: string) => User.findOne({ email }).lean(),
		findById: (id: string) => User.findById(id).lean(),
		list: (orgId: string) => User.find({ orgId: oid(orgId) }).sort({ role: 1, email: 1 }).lean(),
		count: () => User.countDocuments(),
		/** Moderators (and admins) who cover a hub: who can be assigned its escalations. */
		listModeratorsOf: (orgId: string, hubId: string) =>
			User.find({ orgId: oid(orgId), disabled: { $ne: true }, $or: [{ role: 'admin' }, { role: 'moderator', hubIds: oid(hubId) }] }, { displayName: 1, role: 1 })
				.sort({ displayName: 1 })
				.lean(),
		create: async (u: { orgId: string; email: string; displayName: string; role: 'admin' | 'staff' | 'moderator'; hubIds: string[]; passwordHash: string }) =>
			(await User.create({ ...u, orgId: oid(u.orgId), hubIds: u.hubIds.map(oid) })).toObject(),
		/** One atomic step: count the failure and lock when the limit is reached. Returns the new state. */
		recordFailure: (id: string, maxFailures: number, lockUntil: Date) =>
			queued(async () => {
				const after = await User.findByIdAndUpdate(oid(id), { $inc: { failedLogins: 1 } }, { returnDocument: 'after' }).lean();
				if (after && after.failedLogins >= maxFailures) {
					await User.updateOne({ _id: after._id }, { $set: { lockedUntil: lockUntil, failedLogins: 0 } });
					return { locked: true };
				}
				return { locked: false };
			}),
		setDisabled: (id: string, disabled: boolean) => User.findByIdAndUpdate(oid(id), { $set: { disabled } }, { returnDocument: 'after' }).lean(),
		setPasswordHash: (id: string, passwordHash: string) => User.updateOne({ _id: oid(id) }, { $set: { passwordHash } }).exec(),
		recordSuccess: (id: string, at: Date) =>
			User.updateOne({ _id: oid(id) }, { $set: { failedLogins: 0, lockedUntil: null, lastLoginAt: at } })
	};
}
