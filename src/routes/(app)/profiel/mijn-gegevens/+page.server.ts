import { loadMyData, MY_DATA_REFUSALS } from '#lib/server/privacy/my-data';
import { describeMyData } from '#lib/server/privacy/sections';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const result = await loadMyData(locals.supabase, 'page');
	if (!result.ok)
		return { refusal: MY_DATA_REFUSALS[result.reason], sections: [], generatedAt: null };
	return {
		refusal: null,
		generatedAt: result.data.generatedAt,
		sections: describeMyData(result.data)
	};
};
