import type { Models } from '../models/index.js';
import { oid } from './index.js';

export const nameKey = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

export function createOrgRepository({ Organisation, Hub, Group }: Models) {
	return {
		findOrgBySlug: (slug: string) => Organisation.findOne({ slug }).lean(),
		findOrg: (id: string) => Organisation.findById(id).lean(),
		setSafeguarding: (id: string, settings: unknown) => Organisation.updateOne({ _id: oid(id) }, { $set: { safeguarding: settings } }).exec(),
		firstOrg: () => Organisation.findOne().sort({ createdAt: 1 }).lean(),
		allOrgs: () => Organisation.find().sort({ createdAt: 1 }).lean(),
		setFilterPolicy: (id: string, policy: unknown) => Organisation.updateOne({ _id: oid(id) }, { $set: { filterPolicy: policy } }).exec(),
		createOrg: async (name: string, slug: string) => (await Organisation.create({ name, slug })).toObject(),
		listHubs: (orgId: string, hubIds?: string[]) =>
			Hub.find(hubIds ? { orgId: oid(orgId), _id: { $in: hubIds.map(oid) } } : { orgId: oid(orgId) })
				.sort({ name: 1 })
				.lean(),
		findHub: (id: string) => Hub.findById(id).lean(),
		findHubByName: (orgId: string, name: string) => Hub.findOne({ orgId: oid(orgId), nameKey: nameKey(name) }).lean(),
		createHub: async (orgId: string, name: string) => (await Hub.create({ orgId: oid(orgId), name, nameKey: nameKey(name) })).toObject(),
		listGroups: (orgId: string, hubIds?: string[]) =>
			Group.find(hubIds ? { orgId: oid(orgId), hubId: { $in: hubIds.map(oid) } } : { orgId: oid(orgId) })
				.sort({ name: 1 })
				.lean(),
		findGroup: (id: string) => Group.findById(id).lean(),
		findGroupByName: (hubId: string, name: string) => Group.findOne({ hubId: oid(hubId), nameKey: nameKey(name) }).lean(),
		createGroup: async (g: { orgId: string; hubId: string; name: string; description: string }) =>
			(
				await Group.create({ orgId: oid(g.orgId), hubId: oid(g.hubId), name: g.name, nameKey: nameKey(g.name), description: g.description })
			).toObject()
	};
}
