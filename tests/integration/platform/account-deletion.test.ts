// Deleting one's own account (issue 20, part 1): open hulpvragen are withdrawn and their
// volunteers told, matches and messages stay for the other person without the name or the words,
// coming registrations are cancelled and the board told, an approved application is kept without
// contact details until its end date; afterwards no row in any table carries the person's name,
// e-mail, phone or address (except the kept fields, checked one by one), and a token taken
// before the deletion no longer works.
import { createClient } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Database } from '../../../src/lib/database.types.ts';
import { anonClient, sql } from '../../support/factories.ts';
import { privacyWorld, type Identity } from '../../support/privacy-factories.ts';

const clientWithToken = (token: string) =>
	createClient<Database>(inject('supabaseUrl'), inject('publishableKey'), {
		auth: { persistSession: false, autoRefreshToken: false },
		global: { headers: { Authorization: `Bearer ${token}` } }
	});

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** Every (schema, table, column) of a text-like type whose value holds one of the needles. */
async function columnsHolding(needles: string[]) {
	const patterns = `array[${needles.map((n) => quote(`%${n.toLowerCase()}%`)).join(', ')}]`;
	return sql<{ place: string; hits: number }>(
		`select n.nspname || '.' || c.relname || '.' || a.attname as place, x.hits
		 from pg_attribute a
		 join pg_class c on c.oid = a.attrelid and c.relkind = 'r'
		 join pg_namespace n on n.oid = c.relnamespace and n.nspname in ('public', 'auth')
		 cross join lateral (
			select (xpath('/row/hits/text()', query_to_xml(format(
				'select count(*) as hits from %I.%I where lower(%I::text) like any (%s)',
				n.nspname, c.relname, a.attname, ${quote(patterns)}
			), false, true, '')))[1]::text::integer as hits
		 ) x
		 where a.attnum > 0 and not a.attisdropped
			and a.atttypid in ('text'::regtype, 'varchar'::regtype, 'jsonb'::regtype, 'json'::regtype, 'text[]'::regtype)
			and x.hits > 0
		 order by 1`
	);
}

const needlesOf = (i: Identity) => [i.firstName, i.lastName, i.email, i.phone, i.street];

describe('deleting my account', () => {
	it('withdraws, cancels, keeps what the law requires and leaves no name, e-mail, phone or address', async () => {
		const w = await privacyWorld();
		const before = await columnsHolding(needlesOf(w.identity));
		// The search itself works: before, the person is in many places.
		expect(before.map((b) => b.place)).toEqual(
			expect.arrayContaining([
				'auth.users.email',
				'public.profiles.display_name',
				'public.profile_contacts.phone',
				'public.help_request_contacts.street_address',
				'public.applications.carer_phone'
			])
		);

		// The page says what will happen, with the kept application's end date.
		const { data: page, error: pageError } = await w.person.client.rpc('account_deletion_page');
		expect(pageError).toBeNull();
		const areas = (page as { areas: Record<string, Record<string, unknown>> }).areas;
		expect(areas.buurthulp).toMatchObject({ open_requests: 2, active_matches: 1 });
		expect(areas.buurthuizen).toMatchObject({ coming_registrations: 1 });
		expect(areas.mantelzorg).toMatchObject({ applications_removed: 1 });
		const kept = areas.mantelzorg!.kept as { id: string; until: string }[];
		expect(kept).toHaveLength(1);
		expect(kept[0]!.id).toBe(w.approvedApplicationId);
		expect(kept[0]!.until).toMatch(/^\d{4}-\d{2}-\d{2}/);

		const { data: session } = await w.person.client.auth.getSession();
		const token = session.session!.access_token;

		const { data: result, error } = await w.person.client.rpc('delete_my_account');
		expect(error).toBeNull();
		expect(result).toMatchObject({ ok: true, already_deleted: false });

		// Nothing left that names, mails, calls or finds the person, except the kept fields.
		const after = await columnsHolding(needlesOf(w.identity));
		expect(after.map((a) => a.place).sort()).toEqual(
			[
				'public.applications.carer_first_name',
				'public.applications.carer_last_name',
				'public.cheques.holder_first_name'
			].sort()
		);
		const [application] = await sql<Record<string, unknown>>(
			`select carer_user_id, carer_first_name, carer_last_name, carer_email, carer_phone, carer_postcode,
				carer_house_number, carer_street, carer_town, status from public.applications where carer_first_name = ${quote(w.identity.firstName)}`
		);
		expect(application).toEqual({
			carer_user_id: null,
			carer_first_name: w.identity.firstName,
			carer_last_name: w.identity.lastName,
			carer_email: null,
			carer_phone: null,
			carer_postcode: null,
			carer_house_number: null,
			carer_street: null,
			carer_town: null,
			status: 'approved'
		});
		const applications = await sql<{ id: string }>(
			`select id from public.applications where id in ('${w.approvedApplicationId}', '${w.openApplicationId}')`
		);
		expect(applications.map((a) => a.id)).toEqual([w.approvedApplicationId]);
		const [cheque] = await sql<{ carer_user_id: string | null; status: string }>(
			`select carer_user_id, status from public.cheques where id = '${w.chequeId}'`
		);
		expect(cheque).toEqual({ carer_user_id: null, status: 'active' });

		// Hulpvragen withdrawn, the match kept for the volunteer without the name or the words.
		const requests = await sql<{ id: string; status: string; requester_id: string | null }>(
			`select id, status, requester_id from public.help_requests
			 where id in ('${w.openRequestId}', '${w.matchedRequestId}') order by title`
		);
		expect(requests).toHaveLength(2);
		for (const r of requests) expect(r).toMatchObject({ status: 'cancelled', requester_id: null });
		const [match] = await sql<{
			status: string;
			requester_id: string | null;
			volunteer_id: string;
		}>(`select status, requester_id, volunteer_id from public.matches where id = '${w.matchId}'`);
		expect(match).toEqual({
			status: 'cancelled',
			requester_id: null,
			volunteer_id: w.volunteer.id
		});
		const messages = await sql<{ sender_id: string | null; body: string }>(
			`select sender_id, body from public.match_messages where match_id = '${w.matchId}' order by created_at`
		);
		expect(messages).toHaveLength(2);
		expect(messages[0]).toMatchObject({ sender_id: null });
		expect(messages[0]!.body).not.toContain(w.identity.phone);
		expect(messages[1]).toMatchObject({ sender_id: w.volunteer.id });
		// The volunteer's page of the match shows the conversation without the person.
		const { data: matchPage, error: matchError } = await w.volunteer.client.rpc('help_match_page', {
			p_match_id: w.matchId
		});
		expect(matchError).toBeNull();
		const shown = (
			matchPage as { messages: { mine: boolean; sender_name: string; body: string }[] }
		).messages;
		expect(shown.map((m) => [m.mine, m.sender_name])).toEqual([
			[false, 'Oud-deelnemer'],
			[true, w.volunteerIdentity.displayName]
		]);
		expect(JSON.stringify(matchPage)).not.toContain(w.identity.firstName);
		// The volunteer's reaction on the person's own request is gone, as is the person as volunteer.
		expect(
			await sql(
				`select 1 from public.responses where request_id = '${w.volunteersRequestId}' and status = 'pending'`
			)
		).toEqual([]);

		// Those concerned are told: the volunteer about the withdrawn requests, the board about
		// the lapsed registration (without the name).
		const told = await sql<{
			recipient_id: string;
			kind: string;
			payload: Record<string, unknown>;
		}>(
			`select recipient_id, kind, payload from public.notification_outbox
			 where kind in ('request_withdrawn', 'registration_lapsed') and municipality_id = '${w.m.id}'
			 order by kind, payload ->> 'title'`
		);
		expect(told.map((t) => [t.kind, t.recipient_id])).toEqual([
			['registration_lapsed', w.board.id],
			['request_withdrawn', w.volunteer.id],
			['request_withdrawn', w.volunteer.id]
		]);
		expect(
			await sql(`select 1 from public.activity_registrations where activity_id = '${w.activityId}'`)
		).toEqual([]);

		// The token taken before the deletion no longer reaches anything of the person.
		const stale = clientWithToken(token);
		const { data: user } = await stale.auth.getUser(token);
		expect(user.user).toBeNull();
		const { data: viewer } = await stale.rpc('current_viewer');
		expect(viewer ?? null).toBeNull();
		const again = await stale.rpc('delete_my_account');
		if (!again.error) expect(again.data).toMatchObject({ ok: true, already_deleted: true });
		const { error: postError } = await stale.rpc('export_my_data', { p_kind: 'json' });
		const { data: exported } = await stale.rpc('export_my_data', { p_kind: 'json' });
		if (!postError) expect(exported).toMatchObject({ ok: false });

		// The audit log says an account was deleted, not whose name it had.
		const audit = await sql(
			`select 1 from public.audit_log where action = 'platform.account_deleted' and entity_id = '${w.person.id}'`
		);
		expect(audit).toHaveLength(1);
	});

	it('only ever deletes the caller: no argument names someone else, and no session deletes nobody', async () => {
		const w = await privacyWorld();
		const named = await w.volunteer.client.rpc('delete_my_account', {
			p_user_id: w.person.id
		} as never);
		expect(named.error).not.toBeNull();
		const { data: anon } = await anonClient().rpc('delete_my_account');
		expect(anon ?? { ok: false }).toMatchObject({ ok: false });
		expect(
			await sql(`select 1 from auth.users where id in ('${w.person.id}', '${w.volunteer.id}')`)
		).toHaveLength(2);
		// The erase functions themselves cannot be called through the API.
		const direct = await w.volunteer.client.rpc(
			'erase_buurthulp_data' as never,
			{
				p_user_id: w.person.id,
				p_dry_run: false
			} as never
		);
		expect(direct.error).not.toBeNull();
	});

	it('is safe twice at once', async () => {
		const w = await privacyWorld();
		const [a, b] = await Promise.all([
			w.person.client.rpc('delete_my_account'),
			w.person.client.rpc('delete_my_account')
		]);
		const answers = [a, b]
			.filter((r) => !r.error)
			.map((r) => r.data as { already_deleted: boolean });
		expect(answers.filter((r) => !r.already_deleted)).toHaveLength(1);
		expect(await sql(`select 1 from auth.users where id = '${w.person.id}'`)).toEqual([]);
	});

	it('does not depend on the order in which the foreign keys cascade from the account', async () => {
		// PostgreSQL fires the foreign keys' internal triggers in the order of their names,
		// "RI_ConstraintTrigger_a_<oid>", compared as text: once the OIDs of a build cross a power
		// of ten (99999 → 100000), the account's "set null" on help_requests.created_by fires
		// before its cascade to profiles. A request erase_buurthulp_data had just cancelled was then
		// checked against the deleted profile: 23503 on help_requests_requester_id_fkey. Here that
		// order is made on purpose (profiles_id_fkey is created again, so its trigger has the newest
		// OID), the person deletes their account, and all of it is undone (the inner block ends in
		// an error of its own, caught): the foreign keys as they were, the account not deleted.
		const w = await privacyWorld();
		const recreate = (table: string, constraint: string, definition: string) =>
			`alter table ${table} drop constraint ${constraint};
			 alter table ${table} add constraint ${constraint} ${definition};`;
		const outcome = await sql(
			`do $$
			declare
				v_ordered boolean;
				v_result jsonb;
				v_still_named bigint;
			begin
				begin
					for i in 1..3 loop
						select min(t.tgname::text collate "C") filter (where c.conname = 'help_requests_created_by_fkey')
							< min(t.tgname::text collate "C") filter (where c.conname = 'profiles_id_fkey')
							into v_ordered
							from pg_trigger t join pg_constraint c on c.oid = t.tgconstraint
							where t.tgrelid = 'auth.users'::regclass and t.tgtype & 8 = 8;
						exit when v_ordered;
						if i = 3 then
							raise exception 'setup: the account''s triggers could not be put in that order';
						end if;
						-- Only when this build's OIDs cross a power of ten in between.
						if i = 2 then
							${recreate('public.help_requests', 'help_requests_created_by_fkey', 'foreign key (created_by) references auth.users (id) on delete set null')}
						end if;
						${recreate('public.profiles', 'profiles_id_fkey', 'foreign key (id) references auth.users (id) on delete cascade')}
					end loop;
					perform set_config('request.jwt.claim.sub', '${w.person.id}', true);
					v_result := public.delete_my_account();
					select count(*) into v_still_named from public.help_requests h
						where h.requester_id = '${w.person.id}' or h.created_by = '${w.person.id}';
					if not (v_result @> '{"ok": true, "already_deleted": false}' and v_still_named = 0) then
						raise exception 'unexpected: %, requests still named: %', v_result, v_still_named;
					end if;
					raise exception 'undo' using errcode = 'TU001';
				exception when sqlstate 'TU001' then
					null;
				end;
			end;
			$$`
		).then(
			() => 'deleted, then undone',
			(e: Error) => e.message
		);
		expect(outcome).toBe('deleted, then undone');
		// Undone: the person and their requests are as they were.
		expect(await sql(`select 1 from auth.users where id = '${w.person.id}'`)).toHaveLength(1);
		expect(
			await sql(
				`select 1 from public.help_requests where requester_id = '${w.person.id}' and status in ('open', 'matched')`
			)
		).toHaveLength(2);
	});

	it('removes the person’s export: the volunteer’s export shows the match without the name', async () => {
		const w = await privacyWorld();
		await w.person.client.rpc('delete_my_account');
		const { data } = await w.volunteer.client.rpc('export_my_data', { p_kind: 'json' });
		const text = JSON.stringify(data);
		expect(text).not.toContain(w.identity.firstName);
		expect(text).not.toContain(w.identity.phone);
	});
});
