// Role names in the database (the membership_role enum, via the generated types) and how we call
// them on screen.
import { Constants } from '#lib/database.types';

export const ROLES = Constants.public.Enums.membership_role;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
	municipality_admin: 'Beheerder gemeente',
	coordinator: 'Buurtcoördinator',
	caseworker: 'Consulent',
	shop_staff: 'Medewerker winkel',
	board_member: 'Bestuurslid buurthuis',
	privacy_officer: 'Functionaris gegevensbescherming'
};

/** Roles the beheer page hands out; shop staff follow with the shops of Mantelzorgwaardering. */
export const GRANTABLE_ROLES = [
	'municipality_admin',
	'coordinator',
	'caseworker',
	'board_member',
	'privacy_officer'
] as const satisfies readonly Role[];

export const roleLabel = (role: string) => ROLE_LABELS[role as Role] ?? role;
