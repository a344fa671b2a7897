// Everything held about me as a readable PDF: the same sections as the page, all items.
import { error } from '@sveltejs/kit';
import { loadMyData, MY_DATA_REFUSALS } from '#lib/server/privacy/my-data';
import { downloadName, renderMyDataPdf } from '#lib/server/privacy/pdf';
import { describeMyData } from '#lib/server/privacy/sections';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	const result = await loadMyData(locals.supabase, 'pdf');
	if (!result.ok) error(429, MY_DATA_REFUSALS[result.reason]);
	const pdf = await renderMyDataPdf(describeMyData(result.data), {
		name: result.data.data.platform.profile?.displayName ?? '',
		generatedAt: result.data.generatedAt
	});
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="${downloadName('pdf')}"`,
			'cache-control': 'private, no-store'
		}
	});
};
