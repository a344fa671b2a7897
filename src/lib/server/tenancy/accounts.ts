// An account belongs to the municipality it signed up in. On another municipality's site it is
// refused: signing in there ends with a link to the right site, and a session cookie carried
// to the wrong host counts as signed out (the database would otherwise show that person their
// own municipality's data under this site's name).
import { z } from 'zod';
import { signOut } from '../auth';
import { fromRow } from '../rows';
import type { RequestClient } from '../supabase';
import type { Viewer } from '../viewer';
import type { Municipality } from './municipality';
import { originFor } from './origin';

export async function dropForeignSession(
	supabase: RequestClient,
	viewer: Viewer | null,
	municipality: Municipality
): Promise<Viewer | null> {
	if (!viewer || !viewer.municipalityId || viewer.municipalityId === municipality.id) return viewer;
	await signOut(supabase);
	return null;
}

/**
 * After a successful sign-in: null when the account belongs here; else the account is signed out
 * again and the slug of its own municipality comes back, for the sign-in page's link.
 */
export async function refuseForeignAccount(
	supabase: RequestClient,
	municipality: Municipality
): Promise<string | null> {
	const { data } = await supabase.rpc('current_viewer');
	const home = (data as { municipality_id?: string } | null)?.municipality_id;
	if (!home || home === municipality.id) return null;
	const { data: row } = await supabase
		.from('municipalities')
		.select('slug')
		.eq('id', home)
		.maybeSingle();
	await signOut(supabase);
	return row?.slug ?? '';
}

const otherSite = fromRow(
	z.object({
		name: z.string(),
		municipalityHosts: z.array(z.object({ host: z.string(), position: z.number() }))
	})
);

/** Where an account of another municipality signs in: its name and sign-in address. */
export async function otherMunicipalitySignIn(
	supabase: RequestClient,
	slug: string,
	base: string
): Promise<{ name: string; signInUrl: string } | null> {
	if (!/^[a-z0-9-]{2,40}$/.test(slug)) return null;
	const { data } = await supabase
		.from('municipalities')
		.select('name, municipality_hosts(host, position)')
		.eq('slug', slug)
		.maybeSingle();
	const parsed = otherSite.safeParse(data);
	if (!parsed.success) return null;
	const [first] = parsed.data.municipalityHosts.sort(
		(a, b) => a.position - b.position || a.host.localeCompare(b.host)
	);
	if (!first) return null;
	return { name: parsed.data.name, signInUrl: `${originFor(first.host, base)}/inloggen` };
}
