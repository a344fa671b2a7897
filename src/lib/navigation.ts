// Where each role finds its own pages: one list that the header, the home page's personal block,
// /profiel and the landing after sign-in all read. A new role page is one entry here.
import type { Role } from '#lib/roles';

export interface RolePage {
	role: Role;
	/** The header's and home page's word for it (B1, short). */
	label: string;
	href: string;
	/** One sentence on /profiel and the home page: what you do there. */
	description: string;
}

export const ROLE_PAGES: readonly RolePage[] = [
	{
		role: 'shop_staff',
		label: 'Cheque aannemen',
		href: '/winkel',
		description: 'Een cheque van een mantelzorger aannemen aan de kassa.'
	},
	{
		role: 'board_member',
		label: 'Mijn buurthuis',
		href: '/buurthuizen/bestuur',
		description: 'De activiteiten van je buurthuis maken en bijhouden.'
	},
	{
		role: 'caseworker',
		label: 'Consulent',
		href: '/mantelzorg/consulent',
		description: 'Aanvragen voor mantelzorgwaardering bekijken en beslissen.'
	},
	{
		role: 'coordinator',
		label: 'Coördinatie',
		href: '/hulp/coordinatie',
		description: 'Hulpvragen en meldingen in Buurthulp in de gaten houden.'
	},
	{
		role: 'municipality_admin',
		label: 'Beheer',
		href: '/beheer',
		description: 'Rollen, regeling, winkels, uitbetalingen en cijfers van de gemeente.'
	},
	{
		role: 'privacy_officer',
		label: 'Privacy',
		href: '/beheer/privacy',
		description: 'Het register van verwerkingen bekijken en downloaden.'
	}
];

/** The role pages this person may open, once each, in the list's order. */
export function rolePagesFor(roles: readonly { role: string }[]): RolePage[] {
	return ROLE_PAGES.filter((page) => roles.some((r) => r.role === page.role));
}

/**
 * Where to go after signing in when no page asked for it: the page of someone's only staff role
 * (a shop assistant to the counter), else the home page with its personal block.
 */
export function landingAfterSignIn(roles: readonly { role: string }[]): string {
	const pages = rolePagesFor(roles);
	return pages.length === 1 ? pages[0]!.href : '/';
}
