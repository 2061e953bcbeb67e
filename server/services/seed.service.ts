/**
 * First-start demo data, created once (a unique key in `meta` makes it idempotent even if two
 * instances start together). Passwords are random and returned so the caller prints them once.
 */
import { randomBytes } from 'node:crypto';
import type { Repositories } from '../repositories/index.js';
import type { AuthService } from './auth.service.js';

export const DEMO = {
	org: 'Demo County Council',
	slug: 'demo-county',
	hub: 'Northgate Hub',
	group: "Young People's Reference Group",
	poll: 'Choose a new name for our service',
	options: ['The Harbour', 'Next Steps', 'Bridges', "Keep 'No Wrong Door'"],
	accounts: [
		{ email: 'admin@demo.voicebox.local', displayName: 'Demo Admin', role: 'admin' },
		{ email: 'staff@demo.voicebox.local', displayName: 'Sam (UVP worker)', role: 'staff' },
		{ email: 'moderator@demo.voicebox.local', displayName: 'Alex (safeguarding lead)', role: 'moderator' }
	]
} as const;

export const randomPassword = () => randomBytes(12).toString('base64url');

export interface SeedResult {
	created: boolean;
	accounts: { email: string; role: string; password: string }[];
}

export async function seedDemo(repos: Repositories, auth: AuthService): Promise<SeedResult> {
	if (!(await repos.meta.setOnce('seed:demo', { at: new Date().toISOString() }))) return { created: false, accounts: [] };
	const org = (await repos.org.findOrgBySlug(DEMO.slug)) ?? (await repos.org.createOrg(DEMO.org, DEMO.slug));
	const orgId = String(org._id);
	const hub = (await repos.org.findHubByName(orgId, DEMO.hub)) ?? (await repos.org.createHub(orgId, DEMO.hub));
	const hubId = String(hub._id);
	const group =
		(await repos.org.findGroupByName(hubId, DEMO.group)) ??
		(await repos.org.createGroup({
			orgId,
			hubId,
			name: DEMO.group,
			description: 'Care-experienced young people who help shape our services.'
		}));
	const system = { kind: 'anonymous' } as const;
	const accounts: SeedResult['accounts'] = [];
	for (const a of DEMO.accounts) {
		if (await repos.users.findByEmail(a.email)) continue;
		const password = randomPassword();
		await auth.createUser(
			{ email: a.email, password, displayName: a.displayName, role: a.role, hubIds: a.role === 'admin' ? [] : [hubId], orgId },
			system
		);
		accounts.push({ email: a.email, role: a.role, password });
	}
	if (!(await repos.polls.findBySeedKey('demo:naming'))) {
		await repos.polls.create({
			orgId,
			hubId,
			groupId: String(group._id),
			title: DEMO.poll,
			description: 'Our service is called "No Wrong Door". You told us it sounds misleading and promises too much. Which name should we use instead?',
			type: 'ranked',
			options: DEMO.options.map((label, i) => ({ id: `opt${i + 1}`, label })),
			createdBy: null,
			seedKey: 'demo:naming'
		});
	}
	return { created: true, accounts };
}
