// Volunteers who hear of new requests (issue 20 point 5): a volunteer opts in to a mail at once
// for a request needed today or tomorrow and to a daily or weekly digest of the best new "Voor
// jou" requests. The mails follow the page's ranking (a paused volunteer, one at their maximum,
// or one not verified for a vulnerable person's request gets nothing), never name an address,
// never repeat a request, and stop with one click on the link in each of them. Each test lives in
// a municipality of its own, so the requests other tests post never reach its volunteers.
import { describe, expect, it } from 'vitest';
import { anonClient, sql, type TestUser } from '../../support/factories.ts';
import { dayFromNow } from '../../support/days.ts';
import {
	createMunicipality,
	personIn,
	type TestMunicipality
} from '../../support/mantelzorg-factories.ts';
import { deliverAll, mailsTo, serviceClient } from '../../support/background.ts';

/** A mail's payload as text, its ids left out: a random id can hold "1561" too. */
const withoutIds = (payload: unknown) =>
	JSON.stringify(payload).replace(
		/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
		'<id>'
	);

async function volunteerIn(
	town: TestMunicipality,
	label: string,
	o: { paused?: boolean; maxActive?: number; categories?: string[] } = {}
): Promise<TestUser> {
	const user = await personIn(town.id, label);
	const { error } = await user.client.from('volunteer_profiles').insert({
		user_id: user.id,
		municipality_id: town.id,
		home_district_id: town.north,
		district_ids: [town.north],
		categories: o.categories ?? [],
		radius_km: 3,
		max_active_matches: o.maxActive ?? 3,
		availability_mask: 2097151,
		is_paused: o.paused ?? false
	});
	if (error) throw error;
	return user;
}

interface RequestInput {
	title: string;
	startsOn?: string | null;
	vulnerable?: boolean;
	category?: string;
}

/** A request in the town's north wijk, with a private address, posted by this resident. */
async function requestAs(
	resident: TestUser,
	town: TestMunicipality,
	o: RequestInput
): Promise<string> {
	const startsOn = o.startsOn === undefined ? dayFromNow(5) : o.startsOn;
	const { data, error } = await resident.client.rpc('post_help_request', {
		p_district_id: town.north,
		p_category: o.category ?? 'groceries',
		p_title: o.title,
		p_description: 'Ik heb hulp nodig met de boodschappen, want ik loop slecht.',
		p_postcode_area: '1561',
		p_when_kind: startsOn ? 'date' : 'flexible',
		p_starts_on: startsOn as string,
		p_ends_on: null as unknown as string,
		p_day_part: 'any',
		p_duration_minutes: 60,
		p_recurrence: 'once',
		p_street_address: 'Geheimstraat 12',
		p_is_vulnerable: o.vulnerable ?? false
	});
	if (error) throw error;
	return data;
}

/** The same, posted by a new resident of the town. */
const requestIn = async (town: TestMunicipality, o: RequestInput) =>
	requestAs(await personIn(town.id, 'inwoner'), town, o);

const subscribe = async (volunteer: TestUser, urgent: boolean, digest: string) => {
	const { data, error } = await volunteer.client.rpc('set_request_alerts', {
		p_urgent: urgent,
		p_digest: digest
	});
	expect(error).toBeNull();
	return data;
};

interface Queued {
	kind: string;
	payload: Record<string, unknown>;
}
const outbox = (user: TestUser, kind: string) =>
	sql<Queued>(
		`select kind, payload from public.notification_outbox
		 where recipient_id = '${user.id}' and kind = '${kind}' order by seq`
	);

const runUrgent = async () => {
	const { error } = await serviceClient().rpc('send_urgent_request_alerts');
	expect(error).toBeNull();
};
const runDigests = async () => {
	const { error } = await serviceClient().rpc('send_request_digests');
	expect(error).toBeNull();
};

describe('choosing the mails', () => {
	it('is for volunteers, with a known choice, and each sees only their own', async () => {
		const town = await createMunicipality();
		const resident = await personIn(town.id, 'geen-vrijwilliger');
		expect(await subscribe(resident, true, 'daily')).toEqual({ ok: false, reason: 'no_profile' });

		const volunteer = await volunteerIn(town, 'kiest');
		expect(await subscribe(volunteer, true, 'monthly')).toEqual({
			ok: false,
			reason: 'invalid_choice'
		});
		expect(await subscribe(volunteer, true, 'weekly')).toEqual({ ok: true });
		expect((await volunteer.client.rpc('my_request_alerts')).data).toEqual({
			volunteer: true,
			urgent: true,
			digest: 'weekly'
		});

		// Another volunteer, elsewhere, sees none of it and cannot change it.
		const other = await volunteerIn(await createMunicipality(), 'ander');
		const seen = await other.client.from('request_alerts').select('*');
		expect(seen.error).toBeNull();
		expect(seen.data).toEqual([]);
		const changed = await other.client
			.from('request_alerts')
			.update({ digest: 'none' })
			.eq('user_id', volunteer.id)
			.select();
		expect(changed.data ?? []).toEqual([]);
		const inserted = await other.client.from('request_alerts').insert({
			user_id: volunteer.id,
			municipality_id: town.id,
			digest: 'daily'
		});
		expect(inserted.error).not.toBeNull();
		const [row] = await sql<{ digest: string }>(
			`select digest from public.request_alerts where user_id = '${volunteer.id}'`
		);
		expect(row?.digest).toBe('weekly');

		// A visitor cannot choose, and nobody but the scheduler runs the jobs or ranks for another.
		expect(
			(await anonClient().rpc('set_request_alerts', { p_urgent: true, p_digest: 'daily' })).error
		).not.toBeNull();
		for (const job of ['send_urgent_request_alerts', 'send_request_digests'] as const) {
			expect((await volunteer.client.rpc(job)).error, job).not.toBeNull();
			expect((await anonClient().rpc(job)).error, job).not.toBeNull();
		}
		const foreign = await other.client.rpc('suggest_requests_for', {
			p_user_id: volunteer.id,
			p_limit: 20
		});
		expect(foreign.error).not.toBeNull();
		const digestOf = await other.client.rpc('request_digest_items', { p_user_id: volunteer.id });
		expect(digestOf.error).not.toBeNull();
	});
});

describe('a mail at once when help is needed today or tomorrow', () => {
	it('reaches the volunteers whose "Voor jou" has the request, once, without the address', async () => {
		const town = await createMunicipality();
		const wants = await volunteerIn(town, 'spoed');
		const paused = await volunteerIn(town, 'pauze', { paused: true });
		const other = await volunteerIn(town, 'ander-soort', { categories: ['garden'] });
		const quiet = await volunteerIn(town, 'geen-mails');
		for (const v of [wants, paused, other]) await subscribe(v, true, 'none');
		await subscribe(quiet, false, 'none');

		const later = await requestIn(town, {
			title: 'Over een week boodschappen',
			startsOn: dayFromNow(7)
		});
		const tomorrow = await requestIn(town, {
			title: 'Morgen naar de apotheek',
			startsOn: dayFromNow(1)
		});
		const vulnerable = await requestIn(town, {
			title: 'Vandaag iemand die meegaat',
			startsOn: dayFromNow(0),
			vulnerable: true
		});
		await runUrgent();
		await runUrgent();

		const mails = await outbox(wants, 'request_urgent');
		expect(mails.map((m) => m.payload.request_id)).toEqual([tomorrow]);
		const [mail] = mails;
		expect(mail?.payload).toMatchObject({
			title: 'Morgen naar de apotheek',
			district_name: 'Noord'
		});
		expect(withoutIds(mail?.payload)).not.toMatch(/Geheimstraat|1561|description/);
		expect(mails.map((m) => m.payload.request_id)).not.toContain(later);
		// Not verified, so not for a vulnerable person's request; paused, other kind of help or not
		// asked for: nothing.
		expect(mails.map((m) => m.payload.request_id)).not.toContain(vulnerable);
		for (const v of [paused, other, quiet]) expect(await outbox(v, 'request_urgent')).toEqual([]);

		// The mail itself: what, where and when, the link, and the one-click unsubscribe headers.
		await deliverAll();
		const [sent] = (await mailsTo(wants.email)).filter((m) => m.subject.startsWith('Snel hulp'));
		expect(sent?.text).toContain('“Morgen naar de apotheek”: boodschappen in Noord');
		expect(sent?.text).not.toContain('Geheimstraat');
		const [token] = await sql<{ t: string }>(
			`select unsubscribe_token::text as t from public.request_alerts where user_id = '${wants.id}'`
		);
		expect(sent?.listHeaders['list-unsubscribe']).toMatch(
			new RegExp(`^<https?://[^>]+/hulp/meldingen/afmelden/${token?.t}>$`)
		);
		expect(sent?.listHeaders['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
	});

	it('sends at most three a day, and none to a volunteer at their maximum', async () => {
		const town = await createMunicipality();
		const busy = await volunteerIn(town, 'veel-spoed');
		const full = await volunteerIn(town, 'vol', { maxActive: 1 });
		await subscribe(busy, true, 'none');
		await subscribe(full, true, 'none');
		// The full volunteer already helps someone (as many as they want to).
		const resident = await personIn(town.id, 'geholpen');
		const helped = await requestAs(resident, town, {
			title: 'Al geholpen',
			startsOn: dayFromNow(9)
		});
		const reaction = await full.client
			.from('responses')
			.insert({
				municipality_id: town.id,
				request_id: helped,
				volunteer_id: full.id,
				message: 'Ik help'
			})
			.select('id')
			.single();
		expect(reaction.error).toBeNull();
		const accepted = await resident.client.rpc('accept_response', {
			p_response_id: reaction.data?.id as string
		});
		expect(accepted.error).toBeNull();

		for (let i = 1; i <= 5; i++) {
			await requestIn(town, { title: `Spoedklus ${i}`, startsOn: dayFromNow(i % 2) });
		}
		await runUrgent();
		expect(await outbox(busy, 'request_urgent')).toHaveLength(3);
		expect(await outbox(full, 'request_urgent')).toEqual([]);
	});
});

describe('the digest', () => {
	it('lists the five best new requests in "Voor jou" order, then waits a day, and never repeats one', async () => {
		const town = await createMunicipality();
		const volunteer = await volunteerIn(town, 'overzicht', { categories: ['groceries'] });
		await subscribe(volunteer, true, 'daily');
		const urgent = await requestIn(town, {
			title: 'Vandaag nog boodschappen',
			startsOn: dayFromNow(0)
		});
		await runUrgent();
		expect((await outbox(volunteer, 'request_urgent')).map((m) => m.payload.request_id)).toEqual([
			urgent
		]);
		const posted: string[] = [];
		for (let i = 1; i <= 6; i++) {
			posted.push(
				await requestIn(town, { title: `Boodschappen ${i}`, startsOn: dayFromNow(3 + i) })
			);
		}
		posted.push(
			await requestIn(town, { title: 'Koffie drinken', category: 'company', startsOn: null })
		);

		await runDigests();
		const [digest, ...more] = await outbox(volunteer, 'request_digest');
		expect(more).toEqual([]);
		const items = digest?.payload.items as { id: string; title: string }[];
		expect(items).toHaveLength(5);
		// The same order as the page, without the request already mailed at once.
		const page = await volunteer.client.rpc('suggest_requests_for_me', { p_limit: 50 });
		const ranked = (page.data as { items: { id: string }[] }).items
			.map((i) => i.id)
			.filter((id) => id !== urgent);
		expect(items.map((i) => i.id)).toEqual(ranked.slice(0, 5));
		expect(items.map((i) => i.id)).not.toContain(urgent);
		expect(digest?.payload.digest).toBe('daily');
		expect(withoutIds(digest?.payload)).not.toMatch(/Geheimstraat|1561/);

		// Not due again until a day has passed; then only what is new and not mailed yet.
		await runDigests();
		expect(await outbox(volunteer, 'request_digest')).toHaveLength(1);
		await sql(
			`update public.request_alerts set digest_since = digest_since - interval '1 day'
			 where user_id = '${volunteer.id}'`
		);
		await runDigests();
		const second = (await outbox(volunteer, 'request_digest'))[1];
		const again = (second?.payload.items as { id: string }[] | undefined)?.map((i) => i.id) ?? [];
		for (const id of again) expect(items.map((i) => i.id)).not.toContain(id);
		const mine = await volunteer.client.from('request_alert_deliveries').select('request_id');
		expect(new Set(mine.data?.map((d) => d.request_id)).size).toBe(mine.data?.length);

		// Nothing new: no mail at all.
		await sql(
			`update public.request_alerts set digest_since = now() - interval '2 days'
			 where user_id = '${volunteer.id}'`
		);
		await sql(`update public.help_requests set created_at = now() - interval '3 days'
			where municipality_id = '${town.id}'`);
		const before = (await outbox(volunteer, 'request_digest')).length;
		await runDigests();
		expect(await outbox(volunteer, 'request_digest')).toHaveLength(before);
	});
});

describe('one click to stop', () => {
	it('switches off only the mails of the token, signed in or not, twice without harm', async () => {
		const town = await createMunicipality();
		const leaving = await volunteerIn(town, 'afmelden');
		const staying = await volunteerIn(town, 'blijft');
		await subscribe(leaving, true, 'weekly');
		await subscribe(staying, true, 'daily');
		const [row] = await sql<{ t: string }>(
			`select unsubscribe_token::text as t from public.request_alerts where user_id = '${leaving.id}'`
		);
		const visitor = anonClient();
		for (let i = 0; i < 2; i++) {
			const { data, error } = await visitor.rpc('unsubscribe_request_alerts', {
				p_token: row?.t as string
			});
			expect(error).toBeNull();
			expect(data).toEqual({ ok: true });
		}
		expect((await leaving.client.rpc('my_request_alerts')).data).toMatchObject({
			urgent: false,
			digest: 'none'
		});
		expect((await staying.client.rpc('my_request_alerts')).data).toMatchObject({
			urgent: true,
			digest: 'daily'
		});
		const unknown = await visitor.rpc('unsubscribe_request_alerts', {
			p_token: '00000000-0000-4000-8000-000000000000'
		});
		expect(unknown.data).toEqual({ ok: false });

		// The export names the choice, never the token.
		const exported = await leaving.client.rpc('export_my_data');
		expect(exported.error).toBeNull();
		const text = JSON.stringify(exported.data);
		expect(text).toContain('"digest":"none"');
		expect(text).not.toContain(row?.t);
	});
});
