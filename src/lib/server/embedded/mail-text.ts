// The plain-text part of auth mails. lite renders our HTML templates (supabase/templates/) for the
// HTML part but always writes its own English text part, with a link to /auth/v1/verify that lands
// on /#access_token=… (README, Known differences). The text part is therefore derived from the
// HTML we send, so both parts are Dutch and link to /auth/confirm.
// Node-free and dependency-free: lite.ts imports it and runs under plain Node and Vite alike.

const ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' '
};

function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
		if (name.startsWith('#x') || name.startsWith('#X')) {
			return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
		}
		if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
		return ENTITIES[name.toLowerCase()] ?? whole;
	});
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Plain text for an HTML mail: one paragraph per block element, and each link written as
 * "label: address" so a text-only mail client still shows where the button goes.
 */
export function htmlToText(html: string): string {
	const body = html
		.replace(/<(head|style|script|title)\b[\s\S]*?<\/\1\s*>/gi, '')
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(
			/<a\b[^>]*?\bhref\s*=\s*("([^"]*)"|'([^']*)')[^>]*>([\s\S]*?)<\/a\s*>/gi,
			(_whole, _quoted, double?: string, single?: string, label = '') => {
				const href = collapse(double ?? single ?? '');
				const text = collapse(label.replace(/<[^>]*>/g, ''));
				return text ? `${text}: ${href}` : href;
			}
		)
		.replace(/<br\s*\/?>/gi, '\n')
		.replace(/<\/?(p|div|h[1-6]|li|ul|ol|table|tr|body|html)\b[^>]*>/gi, '\n\n')
		.replace(/<[^>]*>/g, '');
	return decodeEntities(
		body
			.split(/\n{2,}/)
			.map((block) => block.split('\n').map(collapse).join('\n').trim())
			.filter(Boolean)
			.join('\n\n')
	);
}
