// WCAG 2.1 contrast for a municipality's look: the same pairs the database checks
// (look_contrast_problem), so the form says what is wrong before anything is saved.

const HEX = /^#[0-9a-f]{6}$/;

export const isHexColor = (value: string) => HEX.test(value.toLowerCase());

function channel(hex: string, start: number): number {
	const v = parseInt(hex.slice(start, start + 2), 16) / 255;
	return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance(hex: string): number {
	return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

/** From 1 (no contrast) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
	const [la, lb] = [relativeLuminance(a), relativeLuminance(b)];
	return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

export const TEXT_COLOR = '#1a1a1a';
export const AA = 4.5;

export interface Look {
	primary: string;
	primaryDark: string;
	surface: string;
}

export interface ContrastCheck {
	pair: string;
	ratio: number;
	ok: boolean;
}

/** Every pair the pages put together, with its ratio (rounded to one decimal). */
export function checkLook(look: Look): ContrastCheck[] {
	const pairs: [string, string, string][] = [
		['Witte tekst op de hoofdkleur (knoppen)', look.primary, '#ffffff'],
		['Witte tekst op de donkere kleur (voettekst)', look.primaryDark, '#ffffff'],
		['Hoofdkleur op de kopkleur (menu)', look.primary, look.surface],
		['Tekst op de kopkleur', TEXT_COLOR, look.surface]
	];
	return pairs.map(([pair, a, b]) => {
		const ratio = contrastRatio(a.toLowerCase(), b.toLowerCase());
		return { pair, ratio: Math.floor(ratio * 10) / 10, ok: ratio >= AA };
	});
}

/** Buurtkracht's own look, used while a municipality has none. */
export const DEFAULT_LOOK: Look = {
	primary: '#00548a',
	primaryDark: '#003a60',
	surface: '#f3f6f8'
};
