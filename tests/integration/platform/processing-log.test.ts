// The processing log (Logboek Dataverwerkingen, issue 20 part 3): staff reads and changes of
// another person's data are logged in the same transaction, the person sees them without the
// staff member's name, the privacy officer searches them (and that search is logged), nobody
// writes or changes the log through the API, and the retention job removes only old lines.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { serviceClient } from '../../support/background.ts';
import { anonClient, createUser, sql } from '../../support/factories.ts';
import { dayFromNow } from '../../support/days.ts';
import { personIn } from '../../support/mantelzorg-factories.ts';
import { fromAmsterdam } from '../../../src/lib/buurthuizen/dates.ts';
import { privacyWorld } from '../../support/privacy-factories.ts';

interface Line {
	name: string;
	operation: string;
	processing_activity_id: string;
	data_subject_id: string;
	data_subject_type: string;
	actor_id: string | null;
	actor_role: string | null;
	actor_organisation: string;
	trace_id: string;
	parent_span_id: string | null;
}

const linesAbout = (subject: string) =>
	sql<Line>(
		`select name, operation, processing_activity_id, data_subject_id::text, data_subject_type,
			actor_id::text, actor_role, actor_organisation, trace_id, parent_span_id
		 from public.processing_log where data_subject_id = '${subject}' order by created_at, name`
	);

describe('staff reads and changes', () => {
	it('are logged for the person concerned, in the transaction that did them', async () => {
		const w = await privacyWorld();
		// Submitting and the consulent's approval were changes by the carer and by staff.
		const before = await linesAbout(w.person.id);
		expect(before.map((l) => l.name)).toContain('application.approved');
		expect(before.map((l) => l.name)).not.toContain('application.entered');

		const file = await w.caseworker.client.rpc('application_file', {
			p_application_id: w.approvedApplicationId
		});
		expect(file.error).toBeNull();
		const board = await w.board.client.rpc('activity_registrations_page', {
			p_activity_id: w.activityId
		});
		expect(board.error).toBeNull();

		const lines = await linesAbout(w.person.id);
		const viewed = lines.find((l) => l.name === 'application_file.viewed');
		expect(viewed).toMatchObject({
			operation: 'read',
			processing_activity_id: 'mantelzorg.application_review',
			data_subject_type: 'account',
			actor_id: w.caseworker.id,
			actor_role: 'caseworker',
			actor_organisation: expect.stringMatching(/^Sociaal wijkteam Noord, gemeente /)
		});
		expect(lines.find((l) => l.name === 'registrations.viewed')).toMatchObject({
			actor_role: 'board_member',
			actor_organisation: 'Bestuur van Buurthuis Test'
		});
		// A refused read leaves no line: the volunteer is no consulent.
		const refused = await w.volunteer.client.rpc('application_file', {
			p_application_id: w.approvedApplicationId
		});
		expect(refused.error).not.toBeNull();
		expect((await linesAbout(w.person.id)).length).toBe(lines.length);
		// Nobody is logged for their own data.
		const own = await sql<{ n: number }>(
			`select count(*)::int as n from public.processing_log where actor_id = data_subject_id`
		);
		expect(own[0]?.n).toBe(0);
	});

	it('carry the W3C trace id the app sent, shared by the lines of one call', async () => {
		const w = await privacyWorld();
		const traceId = randomUUID().replaceAll('-', '');
		const spanId = randomUUID().replaceAll('-', '').slice(0, 16);
		const client = w.caseworker.client;
		// supabase-js sends extra headers per request through a custom fetch only; call the API
		// directly as the app's server does.
		const session = (await client.auth.getSession()).data.session;
		const res = await fetch(
			`${(client as unknown as { supabaseUrl: string }).supabaseUrl}/rest/v1/rpc/application_file`,
			{
				method: 'POST',
				headers: {
					apikey: (client as unknown as { supabaseKey: string }).supabaseKey,
					authorization: `Bearer ${session?.access_token}`,
					'content-type': 'application/json',
					traceparent: `00-${traceId}-${spanId}-01`
				},
				body: JSON.stringify({ p_application_id: w.openApplicationId })
			}
		);
		expect(res.status).toBe(200);
		const [line] = await sql<Line>(
			`select trace_id, parent_span_id from public.processing_log
			 where name = 'application_file.viewed' and object_id = '${w.openApplicationId}'`
		);
		expect(line).toEqual({ trace_id: traceId, parent_span_id: spanId });
	});
});

describe('what a page logs', () => {
	it('the board’s page of an activity logs only the people on the dates it shows', async () => {
		const w = await privacyWorld();
		// The volunteer came a month ago: the board's page shows the coming dates only.
		await sql(
			`insert into public.activity_registrations (municipality_id, community_centre_id, activity_id, occurs_on, user_id)
			 values ('${w.m.id}', '${w.centreId}', '${w.activityId}', current_date - 30, '${w.volunteer.id}')`
		);
		const viewed = async (subject: string) =>
			(await linesAbout(subject)).filter((l) => l.name === 'registrations.viewed').length;
		const page = await w.board.client.rpc('activity_board_page', { p_activity_id: w.activityId });
		expect(page.error).toBeNull();
		expect(JSON.stringify(page.data)).not.toContain(w.volunteer.id);
		expect(await viewed(w.person.id)).toBe(1);
		expect(await viewed(w.volunteer.id)).toBe(0);
		// The list of every date shows (and logs) the volunteer too.
		const all = await w.board.client.rpc('activity_registrations_page', {
			p_activity_id: w.activityId
		});
		expect(all.error).toBeNull();
		expect(await viewed(w.volunteer.id)).toBe(1);
	});

	it('the board’s page names who comes on one date only, and logs only them', async () => {
		const w = await privacyWorld();
		const [first, second, third] = [dayFromNow(4), dayFromNow(11), dayFromNow(18)];
		const created = await w.board.client.rpc('create_activity', {
			p_centre_id: w.centreId,
			p_title: 'Breiclub',
			p_description: 'Samen breien.',
			p_category: 'cursus',
			p_audience: 'everyone',
			p_starts_at: fromAmsterdam(first, '14:00').toISOString(),
			p_ends_at: fromAmsterdam(first, '16:00').toISOString(),
			p_recurrence: 'weekly',
			p_repeat_until: dayFromNow(4 + 28),
			p_needs_registration: true,
			p_max_participants: 10
		});
		expect(created.error).toBeNull();
		const activityId = created.data as string;
		for (const [who, date] of [
			[w.person, first],
			[w.volunteer, third]
		] as const) {
			const r = await who.client.rpc('register_for_activity', {
				p_activity_id: activityId,
				p_occurs_on: date
			});
			expect(r.error).toBeNull();
		}
		const [volunteerName] = await sql<{ name: string }>(
			`select display_name as name from public.profiles where id = '${w.volunteer.id}'`
		);
		const viewed = async (subject: string) =>
			(await linesAbout(subject)).filter(
				(l) => l.name === 'registrations.viewed' && l.actor_id === w.board.id
			).length;

		// The page itself: every coming date with its count, names on the next date only.
		const page = await w.board.client.rpc('activity_board_page', { p_activity_id: activityId });
		expect(page.error).toBeNull();
		const board = page.data as {
			names_on: string;
			registrations: { occurs_on: string; names: string[] }[];
			dates: { occurs_on: string; registered_count: number }[];
		};
		expect(board.names_on).toBe(first);
		expect(board.registrations.map((r) => r.occurs_on)).toEqual([first]);
		expect(board.dates.find((d) => d.occurs_on === third)?.registered_count).toBe(1);
		expect(JSON.stringify(board)).not.toContain(volunteerName!.name);
		expect(await viewed(w.person.id)).toBe(1);
		expect(await viewed(w.volunteer.id)).toBe(0);

		// The page of the third week names (and logs) who comes then, and nobody else.
		const week = await w.board.client.rpc('activity_board_page', {
			p_activity_id: activityId,
			p_names_on: third
		});
		expect(week.error).toBeNull();
		expect((week.data as typeof board).registrations).toEqual([
			{ occurs_on: third, count: 1, names: [volunteerName!.name] }
		]);
		expect(await viewed(w.volunteer.id)).toBe(1);
		expect(await viewed(w.person.id)).toBe(1);

		// A skipped first week: the names move to the next date that takes place.
		const skipped = await w.board.client.rpc('skip_activity_date', {
			p_activity_id: activityId,
			p_occurs_on: first,
			p_skip: true,
			p_reason: ''
		});
		expect(skipped.error).toBeNull();
		const after = await w.board.client.rpc('activity_board_page', { p_activity_id: activityId });
		expect((after.data as typeof board).names_on).toBe(second);
	});

	it('a read page commits without waiting for the disk only when nothing was written before it', async () => {
		// Each statement starts from 'on' for its own transaction: the test run's PostgreSQL
		// database itself commits without waiting (tests/support/harness.ts).
		const waiting = `set_config('synchronous_commit', 'on', true) as waiting`;
		const [alone] = await sql<{ setting: string }>(
			`select ${waiting}, public.log_reads_without_waiting() is null as called,
				current_setting('synchronous_commit') as setting`
		);
		expect(alone?.setting).toBe('off');
		// pg_current_xact_id() gives the transaction an id, as any write does (draw_callback_sample
		// writes, then returns callback_checks_page): the commit keeps waiting.
		const [afterWrite] = await sql<{ setting: string }>(
			`select ${waiting}, pg_current_xact_id() is not null as wrote,
				public.log_reads_without_waiting() is null as called, current_setting('synchronous_commit') as setting`
		);
		expect(afterWrite?.setting).toBe('on');
		// The change ends with its transaction: the next one has the connection's own setting.
		const [next] = await sql<{ setting: string; reset_val: string }>(
			`select setting, reset_val from pg_settings where name = 'synchronous_commit'`
		);
		expect(next?.setting).toBe(next?.reset_val);
	});
});

describe('the person’s own view', () => {
	it('shows the role and organisation, never the staff member', async () => {
		const w = await privacyWorld();
		await w.caseworker.client.rpc('application_file', {
			p_application_id: w.approvedApplicationId
		});
		const { data, error } = await w.person.client.rpc('my_processing_log', {});
		expect(error).toBeNull();
		const items = data as Record<string, unknown>[];
		expect(items.map((i) => i.activity_name)).toContain('Mantelzorgaanvraag beoordelen');
		const text = JSON.stringify(items);
		expect(text).not.toContain(w.caseworker.id);
		const [name] = await sql<{ display_name: string }>(
			`select display_name from public.profiles where id = '${w.caseworker.id}'`
		);
		expect(text).not.toContain(name?.display_name as string);
		expect(items[0]).toEqual({
			created_at: expect.any(String),
			activity: expect.any(String),
			activity_name: expect.any(String),
			operation: expect.any(String),
			actor_role: expect.any(String),
			actor_organisation: expect.any(String),
			object_type: expect.any(String)
		});
		// Somebody else sees none of it.
		const other = await w.volunteer.client.rpc('my_processing_log', {});
		expect(JSON.stringify(other.data)).not.toContain('application_file');
	});
});

describe('the log cannot be written or changed through the API', () => {
	it('refuses inserts, updates, deletes and the internal functions to every API role', async () => {
		const w = await privacyWorld();
		const admin = await personIn(w.m.id, 'beheer', 'municipality_admin');
		const [line] = await sql<{ id: string }>(
			`select id from public.processing_log where data_subject_id = '${w.person.id}' limit 1`
		);
		for (const client of [anonClient(), w.person.client, admin.client, w.caseworker.client]) {
			const read = await client
				.from('processing_log')
				.select('id')
				.eq('id', line?.id as string);
			expect(read.data ?? []).toEqual([]);
			const inserted = await client
				.from('processing_log')
				.insert({
					municipality_id: w.m.id,
					trace_id: '0'.repeat(32),
					span_id: '0'.repeat(16),
					name: 'forged.line',
					operation: 'read',
					processing_activity_id: 'platform.account',
					processing_activity_version: 1,
					data_subject_id: w.person.id,
					data_subject_type: 'account',
					actor_organisation: 'Nep'
				} as never)
				.select('id');
			expect(inserted.data ?? []).toEqual([]);
			await client
				.from('processing_log')
				.update({ name: 'changed.line' } as never)
				.eq('id', line?.id as string);
			await client
				.from('processing_log')
				.delete()
				.eq('id', line?.id as string);
			for (const fn of ['log_processing', 'log_processing_many', 'purge_processing_log']) {
				const { error } = await client.rpc(fn as never, {} as never);
				expect(error, fn).not.toBeNull();
			}
		}
		const [after] = await sql<{ name: string }>(
			`select name from public.processing_log where id = '${line?.id}'`
		);
		expect(after?.name).not.toBe('changed.line');
		expect(await sql(`select 1 from public.processing_log where name = 'forged.line'`)).toEqual([]);
		// Not even the database owner changes a line.
		await expect(
			sql(`update public.processing_log set name = 'x.y.z' where id = '${line?.id}'`)
		).rejects.toThrow();
		await expect(
			sql(`delete from public.processing_log where id = '${line?.id}'`)
		).rejects.toThrow();
		await expect(sql(`truncate public.processing_log`)).rejects.toThrow();
		expect(await sql(`select 1 from public.processing_log where id = '${line?.id}'`)).toHaveLength(
			1
		);
	});
});

describe('the privacy officer', () => {
	it('searches by person or by staff member, sees names, and the search is logged', async () => {
		const w = await privacyWorld();
		await w.caseworker.client.rpc('application_file', {
			p_application_id: w.approvedApplicationId
		});
		const officer = await personIn(w.m.id, 'fg', 'privacy_officer' as never);
		const byPerson = await officer.client.rpc('search_processing_log', {
			p_person: w.person.email
		});
		expect(byPerson.error).toBeNull();
		const result = byPerson.data as { ok: boolean; lines: Record<string, unknown>[] };
		expect(result.ok).toBe(true);
		expect(result.lines.find((l) => l.name === 'application_file.viewed')).toMatchObject({
			actor_id: w.caseworker.id,
			actor_name: expect.any(String),
			subject_id: w.person.id
		});
		const byActor = await officer.client.rpc('search_processing_log', {
			p_actor: w.caseworker.email
		});
		expect((byActor.data as { lines: unknown[] }).lines.length).toBeGreaterThan(0);
		const searches = await sql<Line>(
			`select name, data_subject_id::text, actor_id::text, actor_role from public.processing_log
			 where name = 'processing_log.searched' and actor_id = '${officer.id}' order by created_at`
		);
		expect(searches).toEqual([
			expect.objectContaining({ data_subject_id: w.person.id, actor_role: 'privacy_officer' }),
			expect.objectContaining({ data_subject_id: w.caseworker.id, actor_role: 'privacy_officer' })
		]);
		// Others may not search, and an officer of another municipality finds nobody here.
		for (const client of [
			w.caseworker.client,
			(await personIn(w.m.id, 'beheer', 'municipality_admin')).client
		]) {
			const { error } = await client.rpc('search_processing_log', { p_person: w.person.email });
			expect(error).not.toBeNull();
		}
		const elsewhere = await createUser({ label: 'fg-elders' });
		await sql(
			`insert into public.memberships (user_id, municipality_id, role)
			 select '${elsewhere.id}', municipality_id, 'privacy_officer' from public.profiles where id = '${elsewhere.id}'`
		);
		const foreign = await elsewhere.client.rpc('search_processing_log', {
			p_person: w.person.email
		});
		expect(foreign.data).toMatchObject({ ok: false, reason: 'person_not_found' });
	});
});

describe('the retention job', () => {
	it('removes only lines older than the register’s retention', async () => {
		const w = await privacyWorld();
		const [old] = await sql<{ id: string }>(
			`insert into public.processing_log (municipality_id, trace_id, span_id, name, operation,
				processing_activity_id, processing_activity_version, data_subject_id, data_subject_type,
				actor_organisation, created_at)
			 values ('${w.m.id}', '${'a'.repeat(32)}', '${'b'.repeat(16)}', 'old.line', 'read', 'platform.account', 1,
				'${w.person.id}', 'account', 'Gemeente', now() - interval '25 months')
			 returning id`
		);
		const recent = (await linesAbout(w.person.id)).length;
		await sql(
			`update public.scheduled_jobs set last_started_at = null where name = 'purge_processing_log'`
		);
		const { data, error } = await serviceClient().rpc('run_scheduled_jobs');
		expect(error).toBeNull();
		expect((data as Record<string, number>).purge_processing_log).toBeGreaterThanOrEqual(1);
		expect(await sql(`select 1 from public.processing_log where id = '${old?.id}'`)).toEqual([]);
		expect((await linesAbout(w.person.id)).length).toBe(recent - 1);
	});
});
