// A municipality's look: three colours (NL Design System tokens, served as one stylesheet per
// municipality under the strict CSP, since it comes from our own origin) and a logo.
import { DEFAULT_LOOK, type Look } from '#lib/tenancy/contrast';
import { ok, refused, type WriteResult } from '../result';
import type { RequestClient } from '../supabase';
import { tenancyErrorMessage } from './errors';

export interface StoredLook extends Look {
	hasLogo: boolean;
}

export async function loadLook(
	supabase: RequestClient,
	municipalityId: string
): Promise<StoredLook | null> {
	const { data, error } = await supabase
		.from('municipality_looks')
		.select('primary_color, primary_dark_color, surface_color, logo_type')
		.eq('municipality_id', municipalityId)
		.maybeSingle();
	if (error) throw new Error(`municipality_looks: ${error.code} ${error.message}`);
	return data
		? {
				primary: data.primary_color,
				primaryDark: data.primary_dark_color,
				surface: data.surface_color,
				hasLogo: data.logo_type !== null
			}
		: null;
}

/** The stylesheet that puts the look's colours in the theme's custom properties. */
export function lookStylesheet(look: Look | null): string {
	const l = look ?? DEFAULT_LOOK;
	return `body.bk-theme{--bk-color-primary:${l.primary};--bk-color-primary-dark:${l.primaryDark};--bk-color-surface:${l.surface}}\n`;
}

export type LogoFile = { bytes: Uint8Array; type: 'image/png' | 'image/jpeg' | 'image/webp' };

export const LOGO_MAX_BYTES = 200 * 1024;

/** The image type by the file's first bytes (never by its name or what the browser says). */
export function logoType(bytes: Uint8Array): LogoFile['type'] | null {
	const starts = (hex: string, at = 0) =>
		Buffer.from(bytes.subarray(at, at + hex.length / 2)).toString('hex') === hex;
	if (starts('89504e470d0a1a0a')) return 'image/png';
	if (starts('ffd8ff')) return 'image/jpeg';
	if (starts('52494646') && starts('57454250', 8)) return 'image/webp';
	return null;
}

export async function saveLook(
	supabase: RequestClient,
	look: Look,
	logo: LogoFile | null,
	removeLogo: boolean
): Promise<WriteResult> {
	const { error } = await supabase.rpc('save_municipality_look', {
		p_primary: look.primary,
		p_primary_dark: look.primaryDark,
		p_surface: look.surface,
		p_logo_base64: (logo ? Buffer.from(logo.bytes).toString('base64') : null) as string,
		p_logo_type: (logo?.type ?? null) as string,
		p_remove_logo: removeLogo
	});
	return error ? refused(tenancyErrorMessage(error)) : ok();
}

/** The logo's bytes and type, or null. */
export async function loadLogo(
	supabase: RequestClient,
	municipalityId: string
): Promise<{ bytes: Uint8Array<ArrayBuffer>; type: string } | null> {
	const { data, error } = await supabase
		.from('municipality_looks')
		.select('logo, logo_type')
		.eq('municipality_id', municipalityId)
		.maybeSingle();
	if (error) throw new Error(`municipality_looks: ${error.code} ${error.message}`);
	if (!data?.logo || !data.logo_type) return null;
	// PostgREST sends bytea as "\x" followed by hex.
	const hex = String(data.logo).replace(/^\\x/, '');
	return { bytes: new Uint8Array(Buffer.from(hex, 'hex')), type: data.logo_type };
}
