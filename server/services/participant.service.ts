import type { Invite, ParticipantIdentity } from '../../contracts/index.js';
import { AppError } from '../errors.js';
import { assertScope, staffOf, type Actor } from '../auth/policy.js';
import { hashToken, newToken } from '../auth/tokens.js';
import { isDuplicateKey, type Repositories } from '../repositories/index.js';
import { nameKey } from '../repositories/org.repository.js';
import type { AuditService } from './audit.service.js';
import type { NameScope } from './name-check.js';
import { toParticipant } from './live-session.service.js';

const INVITE_DAYS = 14;

export function createParticipantService(deps: {
	repos: Repositories;
	audit: AuditService;
	now: () => Date;
	publicUrl: () => string;
	isNameAllowed: (name: string, scope: NameScope) => Promise<boolean>;
	participantDays: number;
}) {
	const { repos, audit, now } = deps;
	return {
		async resolve(token: string | undefined): Promise<ParticipantIdentity | null> {
			if (!token || token.length > 200) return null;
			const p = await repos.participants.findByTokenHash(hashToken(token));
			if (!p) return null;
			if (p.sessionId) {
				// A session identity ends with its session.
				const s = await repos.liveSessions.findById(String(p.sessionId));
				if (!s || s.state !== 'open') return null;
			}
			return toParticipant(p);
		},

		/** Staff make a single-use link that gives one young person a lasting identity in a group. */
		async createInvite(actor: Actor, groupId: string): Promise<Invite> {
			const user = staffOf(actor);
			const group = await repos.org.findGroup(groupId);
			if (!group) throw new AppError('NOT_FOUND');
			assertScope(actor, { orgId: String(group.orgId), hubId: String(group.hubId) });
			const token = newToken();
			const inv = await repos.invites.create({
				orgId: String(group.orgId),
				hubId: String(group.hubId),
				groupId,
				tokenHash: hashToken(token),
				createdBy: user.id,
				expiresAt: new Date(now().getTime() + INVITE_DAYS * 86400000)
			});
			await audit.record(actor, 'invite.create', { type: 'group', id: groupId, hubId: String(group.hubId) });
			return { id: String(inv._id), groupId, token, url: `${deps.publicUrl()}/invite/${token}`, expiresAt: inv.expiresAt.toISOString() };
		},

		/**
		 * A young person opens a survey shared as a link with anyone in a hub: they choose a
		 * nickname and get an identity in that hub (no group), so they can save and come back.
		 */
		async joinForSurvey(survey: { id: string; orgId: string; hubId: string; title: string }, displayName: string) {
			if (!(await deps.isNameAllowed(displayName, { orgId: survey.orgId, hubId: survey.hubId, groupId: null, where: `Survey: ${survey.title}` })))
				throw new AppError('NAME_NOT_ALLOWED', undefined, { fields: { displayName: 'Please choose a different name.' } });
			const token = newToken();
			const p = await repos.participants.create({
				orgId: survey.orgId,
				hubId: survey.hubId,
				groupId: null,
				sessionId: null,
				displayName,
				// Nobody else sees this name, so it need not be unique: the key is random.
				uniqueKey: `v:${survey.id}:${newToken().slice(0, 16)}`,
				tokenHash: hashToken(token)
			});
			const participant = toParticipant(p);
			await audit.record({ kind: 'participant', participant }, 'survey.join', { type: 'survey', id: survey.id, hubId: survey.hubId });
			return { token, participant, maxAgeSeconds: deps.participantDays * 86400 };
		},

		async redeemInvite(token: string, displayName: string) {
			const inv = await repos.invites.findUsable(hashToken(token), now());
			if (!inv) throw new AppError('NOT_FOUND', 'This invite link has expired or was already used. Ask the person who sent it for a new one.');
			if (!(await deps.isNameAllowed(displayName, { orgId: String(inv.orgId), hubId: String(inv.hubId), groupId: String(inv.groupId), where: 'Joining a group from an invite' })))
				throw new AppError('NAME_NOT_ALLOWED', undefined, { fields: { displayName: 'Please choose a different name.' } });
			const participantToken = newToken();
			let p;
			try {
				p = await repos.participants.create({
					orgId: String(inv.orgId),
					hubId: String(inv.hubId),
					groupId: String(inv.groupId),
					sessionId: null,
					displayName,
					uniqueKey: `g:${String(inv.groupId)}:${nameKey(displayName)}`,
					tokenHash: hashToken(participantToken)
				});
			} catch (err) {
				if (isDuplicateKey(err)) throw new AppError('NAME_TAKEN', undefined, { fields: { displayName: 'Someone in this group already has that name.' } });
				throw err;
			}
			const won = await repos.invites.markUsed(String(inv._id), String(p._id), now());
			if (!won) {
				// Someone redeemed the same link a moment earlier: undo ours.
				await repos.participants.markRemoved(String(p._id), now());
				throw new AppError('NOT_FOUND', 'This invite link was already used.');
			}
			const participant = toParticipant(p);
			await audit.record({ kind: 'participant', participant }, 'invite.redeem', { type: 'group', id: String(inv.groupId), hubId: String(inv.hubId) });
			return { token: participantToken, participant, maxAgeSeconds: deps.participantDays * 86400 };
		}
	};
}
export type ParticipantService = ReturnType<typeof createParticipantService>;
