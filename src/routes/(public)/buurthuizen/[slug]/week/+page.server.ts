import { error } from '@sveltejs/kit';
import { loadCentrePage } from '#lib/server/buurthuizen/centre-page';
import { qrSvg } from '#lib/server/qr';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const query = new URLSearchParams(url.searchParams);
	query.delete('weergave');
	const page = await loadCentrePage(
		locals.supabase,
		locals.municipality.id,
		params.slug,
		query,
		new Date()
	);
	if (!page) error(404, 'Dit buurthuis bestaat niet (meer).');
	// On paper: the buurthuis page's own address, short, and as a QR code to scan at the door.
	const address = `${url.host}/buurthuizen/${params.slug}`;
	return {
		...page,
		printedOn: new Date().toISOString(),
		shortAddress: address,
		qr: await qrSvg(`${url.origin}/buurthuizen/${params.slug}`, `QR-code naar ${address}`)
	};
};
