// The platform operator's work: the municipalities of this deployment, creating and changing one,
// inviting its first admin. The SQL functions check that the caller is an operator.
import { z } from 'zod';
import { parseHostList, type MunicipalitySettings } from '#lib/schemas/tenancy/municipality';
import { ok, refused, type WriteResult } from '../result';
import { fromRow } from '../rows';
import type { RequestClient } from '../supabase';
import { tenancyErrorMessage } from './errors';

const platformRow = fromRow(
	z.array(
		z.object({
			id: z.uuid(),
			slug: z.string(),
			name: z.string(),
			isDemo: z.boolean(),
			coordinatorPhone: z.string().nullable(),
			mailSenderName: z.string().nullable(),
			hosts: z.array(z.string()),
			payoutIban: z.string().nullable(),
			payoutAccountHolder: z.string().nullable(),
			admins: z.number().int(),
			districts: z.number().int(),
			createdAt: z.string()
		})
	)
);

export type PlatformMunicipality = z.infer<typeof platformRow>[number];

export async function loadPlatformPage(supabase: RequestClient): Promise<PlatformMunicipality[]> {
	const { data, error } = await supabase.rpc('platform_page');
	if (error) throw new Error(`platform_page: ${error.code} ${error.message}`);
	return platformRow.parse(data);
}

const settingsArgs = (s: MunicipalitySettings) => ({
	p_name: s.name,
	p_hosts: parseHostList(s.hosts),
	p_coordinator_phone: s.coordinatorPhone || (null as unknown as string),
	p_mail_sender_name: s.mailSenderName || (null as unknown as string),
	p_payout_iban: s.payoutIban || (null as unknown as string),
	p_payout_account_holder: s.payoutAccountHolder || (null as unknown as string)
});

export async function createMunicipality(
	supabase: RequestClient,
	input: MunicipalitySettings & { slug: string }
): Promise<WriteResult<string>> {
	const { data, error } = await supabase.rpc('create_municipality', {
		p_slug: input.slug,
		...settingsArgs(input)
	});
	return error ? refused(tenancyErrorMessage(error)) : ok(data as string);
}

export async function updateMunicipality(
	supabase: RequestClient,
	municipalityId: string,
	input: MunicipalitySettings
): Promise<WriteResult> {
	const { error } = await supabase.rpc('update_municipality', {
		p_municipality_id: municipalityId,
		...settingsArgs(input)
	});
	return error ? refused(tenancyErrorMessage(error)) : ok();
}

export async function inviteMunicipalityAdmin(
	supabase: RequestClient,
	municipalityId: string,
	email: string
): Promise<WriteResult> {
	const { error } = await supabase.rpc('invite_municipality_admin', {
		p_municipality_id: municipalityId,
		p_email: email
	});
	return error ? refused(tenancyErrorMessage(error)) : ok();
}
