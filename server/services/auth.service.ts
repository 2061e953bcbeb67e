import type { ChangePasswordBody, CreateUserBody, StaffUser } from '../../contracts/index.js';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { hashToken, newToken } from '../auth/tokens.js';
import { staffOf, type Actor } from '../auth/policy.js';
import type { Repositories } from '../repositories/index.js';
import { isDuplicateKey } from '../repositories/index.js';
import type { UserDoc } from '../models/index.js';
import type { AuditService } from './audit.service.js';
import type { RateLimiter } from './rate-limit.js';

const LOGIN_WINDOW_MS = 15 * 60 * 1000;

export function toStaffUser(u: UserDoc): StaffUser {
	return {
		id: String(u._id),
		email: u.email,
		displayName: u.displayName,
		role: u.role as StaffUser['role'],
		orgId: String(u.orgId),
		hubIds: (u.hubIds ?? []).map(String),
		...(u.disabled ? { disabled: true } : {})
	};
}

export function createAuthService(deps: { repos: Repositories; config: Config; now: () => Date; limiter: RateLimiter; audit: AuditService }) {
	const { repos, config, now, limiter, audit } = deps;

	return {
		/**
		 * Checks the password; on success creates a new session (rotation: the caller drops any
		 * session it was sent). Wrong passwords count towards a lockout; the IP is rate-limited too.
		 */
		async login(email: string, password: string, ip: string, previousToken?: string) {
			if (!limiter.hit(`login:ip:${ip}`, config.loginRatePerIp, LOGIN_WINDOW_MS)) throw new AppError('RATE_LIMITED');
			const user = await repos.users.findByEmail(email);
			const t = now();
			if (user?.lockedUntil && user.lockedUntil > t) {
				// Still spend the same time, and do not count: a locked account stays locked for its period only.
				await verifyPassword(null, password);
				throw new AppError('ACCOUNT_LOCKED');
			}
			const valid = await verifyPassword(user && !user.disabled ? user.passwordHash : null, password);
			if (!user || !valid) {
				if (user) {
					const lockUntil = new Date(t.getTime() + config.loginLockMinutes * 60000);
					const { locked } = await repos.users.recordFailure(String(user._id), config.loginMaxFailures, lockUntil);
					if (locked) {
						await audit.record({ kind: 'anonymous' }, 'auth.locked', { type: 'user', id: String(user._id) }, { orgId: String(user.orgId) });
						throw new AppError('ACCOUNT_LOCKED');
					}
				}
				throw new AppError('INVALID_CREDENTIALS');
			}
			if (previousToken) await repos.authSessions.deleteByHash(hashToken(previousToken));
			const token = newToken();
			await repos.authSessions.create({
				tokenHash: hashToken(token),
				userId: String(user._id),
				createdAt: t,
				expiresAt: new Date(t.getTime() + config.sessionDays * 86400000)
			});
			await repos.users.recordSuccess(String(user._id), t);
			const staff = toStaffUser(user);
			await audit.record({ kind: 'staff', user: staff }, 'auth.login', { type: 'user', id: staff.id });
			return { token, user: staff, maxAgeSeconds: config.sessionDays * 86400 };
		},

		async logout(token: string | undefined, actor: Actor) {
			if (!token) return;
			await repos.authSessions.deleteByHash(hashToken(token));
			if (actor.kind === 'staff') await audit.record(actor, 'auth.logout', { type: 'user', id: actor.user.id });
		},

		async resolve(token: string | undefined): Promise<StaffUser | null> {
			if (!token || token.length > 200) return null;
			const session = await repos.authSessions.findValid(hashToken(token), now());
			if (!session) return null;
			const user = await repos.users.findById(String(session.userId));
			if (!user || user.disabled) return null;
			return toStaffUser(user);
		},

		async createUser(input: CreateUserBody & { orgId: string }, actor: Actor): Promise<StaffUser> {
			for (const hubId of input.hubIds) {
				const hub = await repos.org.findHub(hubId);
				if (!hub || String(hub.orgId) !== input.orgId) throw new AppError('VALIDATION_FAILED', 'One of the hubs does not exist.', { fields: { hubIds: 'Unknown hub.' } });
			}
			try {
				const created = await repos.users.create({
					orgId: input.orgId,
					email: input.email,
					displayName: input.displayName,
					role: input.role,
					hubIds: input.hubIds,
					passwordHash: await hashPassword(input.password)
				});
				const user = toStaffUser(created);
				await audit.record(actor, 'user.create', { type: 'user', id: user.id }, { role: user.role, hubCount: user.hubIds.length, orgId: input.orgId });
				return user;
			} catch (err) {
				if (isDuplicateKey(err)) throw new AppError('CONFLICT', 'An account with that email already exists.', { fields: { email: 'Already in use.' } });
				throw err;
			}
		},

		/** Change your own password: the current one is checked, and every other session ends. */
		async changePassword(actor: Actor, currentToken: string | undefined, body: ChangePasswordBody) {
			const me = staffOf(actor);
			const user = await repos.users.findById(me.id);
			if (!user || !(await verifyPassword(user.passwordHash, body.currentPassword)))
				throw new AppError('INVALID_CREDENTIALS', 'Your current password is not right.', { fields: { currentPassword: 'This is not your current password.' } });
			await repos.users.setPasswordHash(me.id, await hashPassword(body.newPassword));
			await repos.authSessions.deleteForUser(me.id, currentToken ? hashToken(currentToken) : undefined);
			await audit.record(actor, 'user.password-change', { type: 'user', id: me.id });
		},

		/** Admins switch an account off (all its sessions end at once) or back on. */
		async setDisabled(actor: Actor, userId: string, disabled: boolean): Promise<StaffUser> {
			const admin = staffOf(actor);
			const target = await repos.users.findById(userId);
			if (!target || String(target.orgId) !== admin.orgId) throw new AppError('NOT_FOUND');
			if (userId === admin.id && disabled) throw new AppError('CONFLICT', 'You cannot switch off your own account.');
			const next = await repos.users.setDisabled(userId, disabled);
			if (disabled) await repos.authSessions.deleteForUser(userId);
			await audit.record(actor, disabled ? 'user.disable' : 'user.enable', { type: 'user', id: userId });
			return toStaffUser(next!);
		},

		async listUsers(orgId: string): Promise<StaffUser[]> {
			return (await repos.users.list(orgId)).map(toStaffUser);
		}
	};
}
export type AuthService = ReturnType<typeof createAuthService>;
