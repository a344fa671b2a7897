// The demo data of `npm start` (issue 18): Zaanstad as before, and Dordrecht and Zwolle as demo
// municipalities, each with its own host name, wijken and postcode areas (through the upload's
// readers), demo buurthuizen and shop, a regeling, requests and activities, and one demo account
// per role that lives and works in that municipality only. A database of its own, seeded as on
// first start.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { open } from '../../support/backup-drill.ts';
import type { Lite } from '../../../src/lib/server/embedded/lite.ts';
import {
	DEMO_MUNICIPALITIES,
	demoAccountsOf,
	seedIfEmpty
} from '../../../src/lib/server/embedded/seed.ts';
import { budget } from '../../support/budget.ts';

let lite: Lite;
let dir: string;
const rows = async <T>(query: string) => (await lite.exec(query)).rows as T[];

beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'buurtkracht-demo-'));
	lite = await open({ dataDir: dir });
	await seedIfEmpty(lite);
}, budget(240_000));

afterAll(async () => {
	await lite?.close();
	await rm(dir, { recursive: true, force: true });
});

describe('npm start’s demo data', () => {
	it('has Zaanstad and two demo municipalities, each on its own host', async () => {
		const found = await rows<{ slug: string; is_demo: boolean; host: string }>(
			`select m.slug, m.is_demo, (public.municipality_for_host(m.slug || '.localhost') ->> 'slug') as host
			 from public.municipalities m order by m.created_at, m.slug`
		);
		expect(found).toEqual([
			{ slug: 'zaanstad', is_demo: false, host: 'zaanstad' },
			{ slug: 'dordrecht', is_demo: true, host: 'dordrecht' },
			{ slug: 'zwolle', is_demo: true, host: 'zwolle' }
		]);
		const [local] = await rows<{ slug: string }>(
			`select public.municipality_for_host('127.0.0.1') ->> 'slug' as slug`
		);
		expect(local?.slug).toBe('zaanstad');
	});

	it.each([
		['dordrecht', 3, 10],
		['zwolle', 5, 12]
	])(
		'gives %s its wijken with outlines, postcode areas, demo buurthuizen, a shop, a regeling, requests and activities',
		async (slug, wijken, areas) => {
			const [counts] = await rows<Record<string, number>>(
				`with m as (select id from public.municipalities where slug = '${slug}')
				 select
					(select count(*)::int from public.districts d, m where d.municipality_id = m.id and d.outline is not null) as wijken,
					(select count(*)::int from public.postcode_areas a, m where a.municipality_id = m.id) as areas,
					(select count(*)::int from public.community_centres c, m where c.municipality_id = m.id) as centres,
					(select count(*)::int from public.community_centres c, m where c.municipality_id = m.id and (not c.is_demo or c.name not like '%(demo)')) as unmarked,
					(select count(*)::int from public.shops s, m where s.municipality_id = m.id and s.status = 'approved' and s.owner_user_id is not null) as shops,
					(select count(*)::int from public.schemes s, m where s.municipality_id = m.id and s.year = extract(year from current_date)) as schemes,
					(select count(*)::int from public.help_requests r, m where r.municipality_id = m.id) as requests,
					(select count(*)::int from public.activities a, m where a.municipality_id = m.id) as activities`
			);
			expect(counts).toEqual({
				wijken,
				areas,
				centres: 3,
				unmarked: 0,
				shops: 1,
				schemes: 1,
				requests: 2,
				activities: 3
			});
		}
	);

	it.each(DEMO_MUNICIPALITIES.map((m) => [m.slug, m.name] as const))(
		'gives %s one demo account per role, living and working there only',
		async (slug, name) => {
			for (const account of demoAccountsOf(slug, name)) {
				const found = await rows<{ lives: string; roles: string[]; scopes: string[] }>(
					`select (select slug from public.municipalities where id = p.municipality_id) as lives,
						coalesce(array_agg(ms.role::text) filter (where ms.id is not null), '{}') as roles,
						coalesce(array_agg(distinct coalesce(
							(select m.slug from public.shops s join public.municipalities m on m.id = s.municipality_id where s.id = ms.shop_id),
							(select m.slug from public.community_centres c join public.municipalities m on m.id = c.municipality_id where c.id = ms.community_centre_id),
							(select m.slug from public.municipalities m where m.id = ms.municipality_id)))
							filter (where ms.id is not null), '{}') as scopes
					 from auth.users u join public.profiles p on p.id = u.id
					 left join public.memberships ms on ms.user_id = u.id
					 where u.email = '${account.email}' and u.email_confirmed_at is not null
					 group by p.municipality_id`
				);
				expect(found, account.email).toEqual([
					{
						lives: slug,
						roles: account.role ? [account.role] : [],
						scopes: account.role ? [slug] : []
					}
				]);
			}
		}
	);
});
