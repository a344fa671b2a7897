// Which municipality a host name serves (municipality_for_host, what the app's hook asks once per
// host), and how SQL scopes public lists to it (current_municipality_id via x-municipality).
import { createClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Database } from '../../../src/lib/database.types.ts';
import { normalizeHost } from '../../../src/lib/tenancy/host.ts';
import { anonClient, sql, ZAANSTAD_ID } from '../../support/factories.ts';
import { createMunicipality, type TestMunicipality } from '../../support/mantelzorg-factories.ts';

let other: TestMunicipality;
const host = (suffix: string) => `${suffix}.localhost`;

const clientFor = (municipalityId: string) =>
	createClient<Database>(inject('supabaseUrl'), inject('publishableKey'), {
		auth: { persistSession: false, autoRefreshToken: false },
		global: { headers: { 'x-municipality': municipalityId } }
	});

async function resolveHost(raw: string) {
	const { data, error } = await anonClient().rpc('municipality_for_host', {
		p_host: normalizeHost(raw)
	});
	expect(error).toBeNull();
	return data as { id: string; slug: string; primary_host: string | null } | null;
}

beforeAll(async () => {
	other = await createMunicipality();
	await sql(
		`insert into public.municipality_hosts (host, municipality_id, position) values
		 ('${host(other.slug)}', '${other.id}', 0), ('www.${host(other.slug)}', '${other.id}', 1)`
	);
});

describe('host resolution', () => {
	it('finds a known host, with or without port, in any case, with a trailing dot', async () => {
		for (const raw of [
			host(other.slug),
			`${host(other.slug)}:5173`,
			host(other.slug).toUpperCase(),
			`${host(other.slug)}.`,
			`${host(other.slug).toUpperCase()}.:443`
		]) {
			expect((await resolveHost(raw))?.id, raw).toBe(other.id);
		}
		expect((await resolveHost(`www.${host(other.slug)}`))?.primary_host).toBe(host(other.slug));
	});

	it('gives Zaanstad its demo hosts, and nobody an unknown host', async () => {
		for (const raw of ['localhost:5173', '127.0.0.1:4173', 'zaanstad.localhost']) {
			expect((await resolveHost(raw))?.id, raw).toBe(ZAANSTAD_ID);
		}
		expect(await resolveHost('onbekend.localhost')).toBeNull();
		expect(await resolveHost('')).toBeNull();
	});

	it('refuses an oversized host without touching anything', async () => {
		const { error } = await anonClient().rpc('municipality_for_host', { p_host: 'a'.repeat(5000) });
		expect(error).not.toBeNull();
	});
});

describe('public lists follow the host', () => {
	it('lists the wijken of the municipality the app names, and the oldest one without a name', async () => {
		const names = async (client: ReturnType<typeof anonClient>) => {
			const { data } = await client.rpc('help_board_page', {});
			return ((data as { districts: { name: string }[] }).districts ?? []).map((d) => d.name);
		};
		expect(await names(clientFor(other.id))).toEqual(['Noord', 'Zuid']);
		expect(await names(clientFor(ZAANSTAD_ID))).toContain('Krommenie');
		expect(await names(anonClient())).toContain('Krommenie');
		// A header that names no municipality is the same as none.
		expect(await names(clientFor('not-a-uuid'))).toContain('Krommenie');
	});
});
