// Role names in the database and how we call them on screen.
export const ROLE_LABELS: Record<string, string> = {
	municipality_admin: 'Beheerder gemeente',
	coordinator: 'Buurtcoördinator',
	caseworker: 'Consulent',
	shop_staff: 'Medewerker winkel',
	board_member: 'Bestuurslid buurthuis'
};

/** Roles the beheer page hands out; shop staff follow with the shops of Mantelzorgwaardering. */
export const GRANTABLE_ROLES = [
	'municipality_admin',
	'coordinator',
	'caseworker',
	'board_member'
] as const;

export const roleLabel = (role: string) => ROLE_LABELS[role] ?? role;
