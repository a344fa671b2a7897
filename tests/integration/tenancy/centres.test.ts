// The municipality admin's buurthuizen (issue 18): added, changed, archived and brought back from
// /beheer/buurthuizen/beheren. An archived buurthuis leaves the map, the lists and the feeds, and
// keeps its activities; a wijk or buurthuis of another municipality cannot be used or changed;
// only admins place or archive a buurthuis; board members are invited per buurthuis.
import { describe, expect, it } from 'vitest';
import type { RequestClient } from '../../../src/lib/server/supabase.ts';
import {
	addCentre,
	listAdminCentres,
	loadAdminCentre,
	setCentreArchived,
	updateCentre
} from '../../../src/lib/server/tenancy/centres.ts';
import { inviteToRole } from '../../../src/lib/server/tenancy/invitations.ts';
import type { CentreForm } from '../../../src/lib/schemas/tenancy/centre.ts';
import { sql } from '../../support/factories.ts';
import { createMunicipality, personIn } from '../../support/mantelzorg-factories.ts';

async function adminOfNewMunicipality() {
	const m = await createMunicipality();
	const admin = await personIn(m.id, 'beheer', 'municipality_admin');
	return { m, admin, supabase: admin.client as unknown as RequestClient };
}

const form = (districtId: string, o: Partial<CentreForm> = {}): CentreForm => ({
	name: 'Buurthuis De Proef',
	districtId,
	streetAddress: 'Proefstraat 1',
	postcode: '1561ab',
	city: 'Proefdorp',
	latitude: '52,4601',
	longitude: '4.8012',
	openingHours: 'Mo-Fr 09:00-17:00',
	wheelchair: 'yes',
	toiletsWheelchair: '',
	hearingLoop: 'limited',
	parking: '',
	accessibility: 'Drempel bij de zij-ingang.',
	website: '',
	phone: '075 123 4567',
	email: '',
	...o
});

const mapNames = async (supabase: RequestClient) => {
	const { data, error } = await supabase.rpc('community_centre_map', {});
	expect(error).toBeNull();
	return (data as { centres: { name: string }[] }).centres.map((c) => c.name);
};

describe('buurthuizen managed by the municipality admin', () => {
	it('adds one with its slug, wijk and place, and a second of the same name gets its own slug', async () => {
		const { m, supabase } = await adminOfNewMunicipality();
		const added = await addCentre(supabase, m.id, form(m.north));
		expect(added.ok).toBe(true);
		const again = await addCentre(supabase, m.id, form(m.south));
		expect(again.ok).toBe(true);
		const rows = await sql<Record<string, unknown>>(
			`select slug, postcode, latitude, longitude, district_id, opening_hours, wheelchair, toilets_wheelchair, phone, website
			 from public.community_centres where municipality_id = '${m.id}' order by slug`
		);
		expect(rows).toEqual([
			expect.objectContaining({
				slug: 'buurthuis-de-proef',
				postcode: '1561 AB',
				latitude: 52.4601,
				longitude: 4.8012,
				district_id: m.north,
				opening_hours: 'Mo-Fr 09:00-17:00',
				wheelchair: 'yes',
				toilets_wheelchair: null,
				phone: '075 123 4567',
				website: null
			}),
			expect.objectContaining({ slug: 'buurthuis-de-proef-2', district_id: m.south })
		]);
		expect(await mapNames(supabase)).toEqual(['Buurthuis De Proef', 'Buurthuis De Proef']);
	});

	it('changes one, archives it off the map and the feeds keeping its activities, and brings it back', async () => {
		const { m, supabase } = await adminOfNewMunicipality();
		const added = await addCentre(supabase, m.id, form(m.north));
		if (!added.ok) throw new Error(added.problem);
		const id = added.value;
		await sql(
			`insert into public.activities (community_centre_id, title, description, category, starts_at, ends_at, published)
			 values ('${id}', 'Koffie-ochtend', 'Koffie en een praatje.', 'koffieochtend', now() + interval '2 days', now() + interval '2 days 2 hours', true)`
		);
		const changed = await updateCentre(
			supabase,
			m.id,
			id,
			form(m.south, { name: 'Buurthuis De Nieuwe Proef' })
		);
		expect(changed).toEqual({ ok: true, value: undefined });
		const centre = await loadAdminCentre(supabase, m.id, id);
		expect(centre?.form).toMatchObject({
			name: 'Buurthuis De Nieuwe Proef',
			districtId: m.south,
			latitude: '52,4601'
		});

		const feedCount = async () => {
			const { data } = await supabase.rpc('activity_feed', {});
			return (data as { activities: unknown[] }).activities.length;
		};
		expect(await feedCount()).toBe(1);
		expect((await setCentreArchived(supabase, m.id, id, true)).ok).toBe(true);
		expect(await mapNames(supabase)).toEqual([]);
		const { data: nearest } = await supabase.rpc('nearest_community_centres', {
			p_latitude: 52.46,
			p_longitude: 4.8
		});
		expect(nearest).toEqual([]);
		expect(await feedCount()).toBe(0);
		const [kept] = await sql<{ n: number }>(
			`select count(*)::int as n from public.activities where community_centre_id = '${id}'`
		);
		expect(kept?.n).toBe(1);
		expect((await listAdminCentres(supabase, m.id))[0]?.archivedAt).not.toBeNull();

		expect((await setCentreArchived(supabase, m.id, id, false)).ok).toBe(true);
		expect(await mapNames(supabase)).toEqual(['Buurthuis De Nieuwe Proef']);
	});

	it('refuses a wijk of another municipality, on adding and on changing', async () => {
		const { m, supabase } = await adminOfNewMunicipality();
		const elsewhere = await createMunicipality();
		const refused = await addCentre(supabase, m.id, form(elsewhere.north));
		expect(refused).toEqual({
			ok: false,
			problem: 'Kies een wijk van deze gemeente.',
			field: 'districtId'
		});
		const added = await addCentre(supabase, m.id, form(m.north));
		if (!added.ok) throw new Error(added.problem);
		const moved = await updateCentre(supabase, m.id, added.value, form(elsewhere.south));
		expect(moved.ok).toBe(false);
		const rows = await sql<{ municipality_id: string; district_id: string }>(
			`select municipality_id, district_id from public.community_centres
			 where municipality_id in ('${m.id}', '${elsewhere.id}')`
		);
		expect(rows).toEqual([{ municipality_id: m.id, district_id: m.north }]);
	});

	it('lets no admin of another municipality add, change or archive one', async () => {
		const { m, supabase } = await adminOfNewMunicipality();
		const added = await addCentre(supabase, m.id, form(m.north));
		if (!added.ok) throw new Error(added.problem);
		const other = await adminOfNewMunicipality();
		const before = await sql(`select * from public.community_centres where id = '${added.value}'`);

		expect((await addCentre(other.supabase, m.id, form(m.north))).ok).toBe(false);
		expect(
			(
				await updateCentre(
					other.supabase,
					m.id,
					added.value,
					form(m.north, { name: 'Overgenomen' })
				)
			).ok
		).toBe(false);
		expect((await setCentreArchived(other.supabase, m.id, added.value, true)).ok).toBe(false);
		// With their own municipality's id the row is not theirs to find.
		expect((await setCentreArchived(other.supabase, other.m.id, added.value, true)).ok).toBe(false);
		const { data } = await other.supabase
			.from('community_centres')
			.update({ archived_at: new Date().toISOString() })
			.eq('id', added.value)
			.select('id');
		expect(data ?? []).toEqual([]);

		expect(await sql(`select * from public.community_centres where id = '${added.value}'`)).toEqual(
			before
		);
		const [count] = await sql<{ n: number }>(
			`select count(*)::int as n from public.community_centres where municipality_id = '${m.id}'`
		);
		expect(count?.n).toBe(1);
	});

	it('keeps placing and archiving to admins: a board member of the buurthuis may not archive it', async () => {
		const { m, supabase } = await adminOfNewMunicipality();
		const added = await addCentre(supabase, m.id, form(m.north));
		if (!added.ok) throw new Error(added.problem);
		const board = await personIn(m.id, 'bestuur');
		await sql(
			`insert into public.memberships (user_id, municipality_id, role, community_centre_id)
			 values ('${board.id}', '${m.id}', 'board_member', '${added.value}')`
		);
		const { error } = await board.client
			.from('community_centres')
			.update({ archived_at: new Date().toISOString() })
			.eq('id', added.value);
		expect(error?.message).toMatch(/only_admin_moves_centre/);
		const { error: hours } = await board.client
			.from('community_centres')
			.update({ opening_hours: 'Sa 10:00-12:00' })
			.eq('id', added.value);
		expect(hours).toBeNull();
		const [row] = await sql<{ archived_at: string | null }>(
			`select archived_at from public.community_centres where id = '${added.value}'`
		);
		expect(row?.archived_at).toBeNull();
	});

	it('invites a board member for one buurthuis of the municipality, not for another municipality’s', async () => {
		const { m, supabase } = await adminOfNewMunicipality();
		const added = await addCentre(supabase, m.id, form(m.north));
		if (!added.ok) throw new Error(added.problem);
		const invited = await inviteToRole(supabase, {
			email: `bestuur-${m.slug}@example.test`,
			role: 'board_member',
			communityCentreId: added.value
		});
		expect(invited.ok).toBe(true);
		const [row] = await sql<{ role: string; community_centre_id: string }>(
			`select role, community_centre_id from public.role_invitations where municipality_id = '${m.id}'`
		);
		expect(row).toEqual({ role: 'board_member', community_centre_id: added.value });

		const other = await adminOfNewMunicipality();
		const refused = await inviteToRole(other.supabase, {
			email: `bestuur-${other.m.slug}@example.test`,
			role: 'board_member',
			communityCentreId: added.value
		});
		expect(refused.ok).toBe(false);
	});
});
