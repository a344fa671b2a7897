// DOM for the map's markers and popups, built with textContent (never innerHTML), because names
// and titles are written by buurthuis boards. Browser-only; used by Map.svelte.
import type { CentreItem, MapShop } from '#lib/buurthuizen/map-types';

export type MapCentre = Pick<
	CentreItem,
	| 'id'
	| 'slug'
	| 'name'
	| 'address'
	| 'access'
	| 'latitude'
	| 'longitude'
	| 'next'
	| 'moreActivities'
>;

function el<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	props: { className?: string; text?: string; href?: string } = {},
	...children: Node[]
): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	if (props.className) node.className = props.className;
	if (props.text !== undefined) node.textContent = props.text;
	if (props.href !== undefined) (node as HTMLAnchorElement).href = props.href;
	node.append(...children);
	return node;
}

/** "Buurthuis De Lorzie" → "De Lorzie", "Buurthuis Kalf (demo)" → "Kalf": the marker's label. */
export const shortName = (name: string) =>
	name.replace(/^Buurthuis\s+/i, '').replace(/\s*\(demo\)$/i, '');

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A pin (inline SVG, so no marker images are fetched) with the buurthuis's name beside it. */
export function markerElement(centre: MapCentre): HTMLElement {
	const svg = document.createElementNS(SVG_NS, 'svg');
	svg.setAttribute('viewBox', '0 0 24 32');
	svg.setAttribute('width', '24');
	svg.setAttribute('height', '32');
	svg.setAttribute('aria-hidden', 'true');
	svg.setAttribute('focusable', 'false');
	const pin = document.createElementNS(SVG_NS, 'path');
	pin.setAttribute(
		'd',
		'M12 0C5.4 0 0 5.3 0 11.9 0 20.8 12 32 12 32s12-11.2 12-20.1C24 5.3 18.6 0 12 0z'
	);
	pin.setAttribute('class', 'bk-pin');
	const dot = document.createElementNS(SVG_NS, 'circle');
	dot.setAttribute('cx', '12');
	dot.setAttribute('cy', '12');
	dot.setAttribute('r', '4.5');
	dot.setAttribute('fill', '#fff');
	svg.append(pin, dot);
	return el(
		'span',
		{ className: 'bk-marker-inner' },
		svg,
		el('span', { className: 'bk-marker-label', text: shortName(centre.name) })
	);
}

/** The popup: name (link to its page), address, accessibility and the next activities. */
export function popupElement(centre: MapCentre): HTMLElement {
	const heading = el(
		'h3',
		{ className: 'bk-popup-title' },
		el('a', { href: `/buurthuizen/${centre.slug}`, text: centre.name })
	);
	const box = el(
		'div',
		{ className: 'bk-popup' },
		heading,
		el('p', { text: centre.address }),
		el('p', { text: centre.access })
	);
	if (centre.next.length === 0) {
		box.append(el('p', { text: 'Geen activiteiten in deze periode.' }));
	} else {
		const list = el('ul', { className: 'bk-popup-activities' });
		for (const a of centre.next) {
			const item = el(
				'li',
				{},
				el('a', { href: `/buurthuizen/activiteit/${a.id}`, text: a.title }),
				document.createTextNode(` – ${a.when}`)
			);
			if (a.cancelled) item.append(el('strong', { text: ' (gaat niet door)' }));
			else if (a.full) item.append(el('span', { text: ' (vol)' }));
			list.append(item);
		}
		box.append(el('p', { className: 'bk-popup-subtitle', text: 'Binnenkort' }), list);
		if (centre.moreActivities > 0) {
			box.append(
				el(
					'p',
					{},
					el('a', {
						href: `/buurthuizen/${centre.slug}`,
						text: `Nog ${centre.moreActivities} meer activiteiten`
					})
				)
			);
		}
	}
	return box;
}

export function shopPopupElement(shop: MapShop): HTMLElement {
	return el(
		'div',
		{ className: 'bk-popup' },
		el('p', { className: 'bk-popup-title', text: shop.name }),
		el('p', { text: shop.address })
	);
}
