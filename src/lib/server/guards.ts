// Who may open which route group, written once and applied by the `guard` handle in
// hooks.server.ts. It runs before every load and every form action (a +layout.server.ts load
// does not run before actions), so pages repeat none of it. The database checks again: these
// rules only decide which page someone gets to see.
import type { Role } from '#lib/roles';
import { hasRole, type Viewer } from './viewer';

export interface RouteRule {
	/** A route id; the rule covers it and every route below it. */
	route: string;
	/** Several roles: any one of them will do. A platform operator is above the municipalities. */
	requires: 'signed_in' | 'platform_operator' | Role | readonly Role[];
	/** The 403 page's sentence when a signed-in person lacks the role. */
	forbidden?: string;
	/** Only the form actions need it: the page itself is public. */
	actionsOnly?: boolean;
	/**
	 * The role rules of the route groups around it do not apply: this rule alone decides who may
	 * open the route (the privacy officer's page sits under /beheer but is not for admins).
	 */
	standalone?: boolean;
}

export const ROUTE_RULES: readonly RouteRule[] = [
	{ route: '/(app)', requires: 'signed_in' },
	{
		route: '/(app)/hulp/coordinatie',
		requires: 'coordinator',
		forbidden: 'Deze pagina is alleen voor buurtcoördinatoren.'
	},
	{
		route: '/beheer',
		requires: 'municipality_admin',
		forbidden: 'Deze pagina is alleen voor beheerders van de gemeente.'
	},
	{
		route: '/(app)/buurthuizen/bestuur',
		requires: 'board_member',
		forbidden: 'Deze pagina is alleen voor bestuursleden van een buurthuis.'
	},
	{
		route: '/(app)/winkel',
		requires: 'shop_staff',
		forbidden:
			'Deze pagina is alleen voor medewerkers van een winkel die meedoet aan de mantelzorgwaardering.'
	},
	// Admins decide applications a consulent entered when no other consulent can (four eyes).
	{
		route: '/(app)/mantelzorg/consulent',
		requires: ['caseworker', 'municipality_admin'],
		forbidden:
			'Deze pagina is alleen voor consulenten van het sociaal wijkteam en beheerders van de gemeente.'
	},
	{
		route: '/beheer/privacy',
		requires: 'privacy_officer',
		forbidden: 'Deze pagina is alleen voor de functionaris gegevensbescherming van de gemeente.',
		standalone: true
	},
	{
		route: '/platform',
		requires: 'platform_operator',
		forbidden: 'Deze pagina is alleen voor platformbeheerders.'
	},
	// Reacting, choosing a reaction and cancelling happen on the public request page.
	{ route: '/(public)/hulp/vraag/[id=uuid]', requires: 'signed_in', actionsOnly: true }
];

const FORBIDDEN_DEFAULT = 'Deze pagina is niet voor jou.';

/** The page that shows a refusal inside the layout: /geen-toegang names the refusing rule. */
export const forbiddenPagePath = (route: string) =>
	`/geen-toegang?voor=${encodeURIComponent(route)}`;

/** The refusing rule's sentence, for the /geen-toegang page. */
export function forbiddenMessage(route: string | null): string {
	return ROUTE_RULES.find((r) => r.route === route)?.forbidden ?? FORBIDDEN_DEFAULT;
}

export type GuardDecision =
	| { kind: 'pass'; personal: boolean }
	| { kind: 'sign_in' }
	| { kind: 'forbidden'; message: string; route: string };

/** By route segments, so '/beheer' covers '/beheer/rollen' but not '/beheerder'. */
const covers = (rule: RouteRule, routeId: string) =>
	routeId === rule.route || routeId.startsWith(`${rule.route}/`);

export function decideRoute(
	rules: readonly RouteRule[],
	routeId: string | null,
	isAction: boolean,
	viewer: (Pick<Viewer, 'roles'> & { isPlatformOperator?: boolean }) | null
): GuardDecision {
	const matching = rules.filter(
		(rule) => routeId !== null && covers(rule, routeId) && (isAction || !rule.actionsOnly)
	);
	// A standalone rule replaces the role rules of the groups around it (sign-in still applies).
	const standalone = matching.filter((rule) => rule.standalone);
	const applying = matching.filter(
		(rule) =>
			rule.standalone ||
			rule.requires === 'signed_in' ||
			!standalone.some((inner) => covers(rule, inner.route) && inner.route !== rule.route)
	);
	if (applying.length > 0 && !viewer) return { kind: 'sign_in' };
	for (const rule of applying) {
		const roles = typeof rule.requires === 'string' ? [rule.requires] : rule.requires;
		const allowed =
			rule.requires === 'signed_in' ||
			(rule.requires === 'platform_operator'
				? viewer?.isPlatformOperator === true
				: roles.some((role) => hasRole(viewer, role as Role)));
		if (!allowed) {
			return {
				kind: 'forbidden',
				message: rule.forbidden ?? FORBIDDEN_DEFAULT,
				route: rule.route
			};
		}
	}
	// Pages that exist only for a signed-in person must never sit in a shared cache.
	return { kind: 'pass', personal: applying.some((rule) => !rule.actionsOnly) };
}

export const guardRoute = (
	routeId: string | null,
	isAction: boolean,
	viewer: (Pick<Viewer, 'roles'> & { isPlatformOperator?: boolean }) | null
) => decideRoute(ROUTE_RULES, routeId, isAction, viewer);
