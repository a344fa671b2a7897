// The map's base layer. Default: PDOK's BRT-Achtergrondkaart, the Dutch government's free base
// map. PUBLIC_MAP_TILE_URL (and _ATTRIBUTION) choose another; "none" shows no tiles at all. The
// Content-Security-Policy allows the tile host, read at build time (see content-security-policy.ts).
export const DEFAULT_TILE_URL =
	'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png';
export const DEFAULT_TILE_ATTRIBUTION = 'Kaartgegevens © Kadaster';

export interface TileLayer {
	url: string;
	attribution: string;
}

/** The tile layer to use, or null for none ("none", or a URL that is not http(s)). */
export function tileLayer(
	url: string | undefined,
	attribution: string | undefined
): TileLayer | null {
	const chosen = url?.trim() || DEFAULT_TILE_URL;
	if (chosen === 'none' || !/^https?:\/\//.test(chosen)) return null;
	return {
		url: chosen,
		attribution:
			attribution?.trim() || (chosen === DEFAULT_TILE_URL ? DEFAULT_TILE_ATTRIBUTION : '')
	};
}

/** The origin the CSP must allow images from, or null. */
export function tileOrigin(url: string | undefined): string | null {
	const layer = tileLayer(url, undefined);
	return layer ? new URL(layer.url.replace(/[{}]/g, '')).origin : null;
}
