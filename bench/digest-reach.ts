// npm run bench:digest — how far the mails about new requests would reach in the demo (issue 20
// point 5): the demo as `npm start` seeds it (all three municipalities), every demo volunteer
// with a weekly digest that counts every open request as new, and urgent mails on. Prints, per
// municipality, the open requests, how many of them at least one digest would name (a digest
// names at most 5, in each volunteer's "Voor jou" order, with the overload cap and the
// verification rule applied), how many volunteers would get a digest, and how many urgent mails
// the next run of the job would queue. Uses the same functions the scheduler runs, on a
// throwaway PGlite folder.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startLite } from '../src/lib/server/embedded/lite.ts';
import { seedIfEmpty } from '../src/lib/server/embedded/seed.ts';
import { newKeys } from '../scripts/lib/env.ts';
import { quietly } from './lib/quiet.ts';
import { table } from './lib/report.ts';

process.env.LITE_TELEMETRY = '0';
const dir = await mkdtemp(path.join(tmpdir(), 'buurtkracht-digest-'));
const lite = await quietly(() =>
	startLite({ dataDir: dir, env: { ...newKeys(), PUBLIC_SUPABASE_URL: 'http://127.0.0.1:1' } })
);
try {
	await quietly(() => seedIfEmpty(lite));
	await lite.exec(`
		insert into public.request_alerts (user_id, municipality_id, urgent, digest, digest_since)
		select v.user_id, v.municipality_id, true, 'weekly', '-infinity'
		from public.volunteer_profiles v
		on conflict (user_id) do update set urgent = true, digest = 'weekly', digest_since = '-infinity'`);
	const { rows } = await lite.exec(`
		with digests as (
			select a.user_id, a.municipality_id, public.request_digest_items(a.user_id) as items
			from public.request_alerts a
		),
		reached as (
			select distinct d.municipality_id, (i ->> 'id')::uuid as request_id
			from digests d cross join lateral jsonb_array_elements(d.items) i
		)
		select m.name,
			(select count(*) from public.help_requests r where r.municipality_id = m.id and r.status = 'open'
				and r.hidden_at is null and coalesce(r.ends_on, r.starts_on, current_date) >= current_date) as open,
			(select count(*) from reached x where x.municipality_id = m.id) as reached,
			(select count(*) from digests d where d.municipality_id = m.id) as volunteers,
			(select count(*) from digests d where d.municipality_id = m.id and jsonb_array_length(d.items) > 0) as with_digest
		from public.municipalities m order by m.name`);
	const { rows: urgent } = await lite.exec(`select public.send_urgent_request_alerts() as queued`);
	console.log(
		'Digest reach in the demo (every demo volunteer on a weekly digest, all open requests new)\n'
	);
	console.log(
		table(
			[
				'municipality',
				'open requests',
				'named in a digest',
				'volunteers',
				'volunteers with a digest'
			],
			(rows as Record<string, unknown>[]).map((r) => [
				String(r.name),
				String(r.open),
				`${r.reached} (${Number(r.open) ? Math.round((100 * Number(r.reached)) / Number(r.open)) : 0}%)`,
				String(r.volunteers),
				String(r.with_digest)
			])
		)
	);
	console.log(
		`\nUrgent mails the next run would queue: ${(urgent[0] as { queued: number }).queued}`
	);
} finally {
	await lite.close();
	await rm(dir, { recursive: true, force: true });
}
