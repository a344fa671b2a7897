import { describe, expect, it } from 'vitest';
import type { Role } from '#lib/roles';
import { forbiddenMessage, guardRoute } from './guards';

const person = (...roles: Role[]) => ({
	roles: roles.map((role, i) => ({
		id: `m${i}`,
		role,
		municipalityId: 'z',
		shopId: null,
		communityCentreId: null
	}))
});

describe('guardRoute', () => {
	it('lets anyone see public pages, and caches them as usual', () => {
		expect(guardRoute('/(public)/hulp', false, null)).toEqual({ kind: 'pass', personal: false });
		expect(guardRoute(null, false, null)).toEqual({ kind: 'pass', personal: false });
	});

	it('sends signed-out visitors of (app) to sign in, and keeps signed-in pages out of caches', () => {
		expect(guardRoute('/(app)/profiel', false, null)).toEqual({ kind: 'sign_in' });
		expect(guardRoute('/(app)/hulp/mijn', true, null)).toEqual({ kind: 'sign_in' });
		expect(guardRoute('/(app)/profiel', false, person())).toEqual({
			kind: 'pass',
			personal: true
		});
	});

	it('keeps the consulent pages, and their actions, for caseworkers and admins', () => {
		expect(
			guardRoute('/(app)/mantelzorg/consulent/[id=uuid]', true, person('coordinator'))
		).toMatchObject({
			kind: 'forbidden',
			message:
				'Deze pagina is alleen voor consulenten van het sociaal wijkteam en beheerders van de gemeente.'
		});
		expect(
			guardRoute('/(app)/mantelzorg/consulent/[id=uuid]', true, person('municipality_admin'))
		).toEqual({ kind: 'pass', personal: true });
		expect(guardRoute('/(app)/mantelzorg/consulent', false, person('caseworker'))).toEqual({
			kind: 'pass',
			personal: true
		});
		expect(guardRoute('/(app)/mantelzorg/mijn', false, null)).toEqual({ kind: 'sign_in' });
	});

	it('keeps the coordination pages, and their actions, for coordinators', () => {
		for (const route of ['/(app)/hulp/coordinatie', '/(app)/hulp/coordinatie/vraag/[id=uuid]']) {
			for (const isAction of [false, true]) {
				expect(guardRoute(route, isAction, person('caseworker'))).toMatchObject({
					kind: 'forbidden',
					message: 'Deze pagina is alleen voor buurtcoördinatoren.'
				});
				expect(guardRoute(route, isAction, person('coordinator')).kind).toBe('pass');
				expect(guardRoute(route, isAction, null)).toEqual({ kind: 'sign_in' });
			}
		}
	});

	it('keeps beheer for municipality admins, matching whole route segments only', () => {
		expect(guardRoute('/beheer/rollen', false, person('coordinator'))).toMatchObject({
			kind: 'forbidden',
			message: 'Deze pagina is alleen voor beheerders van de gemeente.'
		});
		expect(guardRoute('/beheer', false, person('municipality_admin')).kind).toBe('pass');
		expect(guardRoute('/beheerder', false, null)).toEqual({ kind: 'pass', personal: false });
	});

	it('asks sign-in only for the actions of the public request page', () => {
		const route = '/(public)/hulp/vraag/[id=uuid]';
		expect(guardRoute(route, false, null)).toEqual({ kind: 'pass', personal: false });
		expect(guardRoute(route, true, null)).toEqual({ kind: 'sign_in' });
		expect(guardRoute(route, true, person())).toEqual({ kind: 'pass', personal: false });
	});

	it('names the missing role, so /geen-toegang shows the same sentence inside the layout', () => {
		expect(guardRoute('/(app)/winkel', false, person())).toMatchObject({ route: '/(app)/winkel' });
		expect(forbiddenMessage('/(app)/winkel')).toMatch(/^Deze pagina is alleen voor medewerkers/);
		expect(forbiddenMessage('iets anders')).toBe('Deze pagina is niet voor jou.');
	});

	it('keeps the privacy officer’s page for privacy officers, not for admins', () => {
		expect(guardRoute('/beheer/privacy', false, person('privacy_officer'))).toEqual({
			kind: 'pass',
			personal: true
		});
		expect(guardRoute('/beheer/privacy/register.csv', false, person('privacy_officer')).kind).toBe(
			'pass'
		);
		expect(guardRoute('/beheer/privacy', true, person('municipality_admin'))).toEqual({
			kind: 'forbidden',
			message: 'Deze pagina is alleen voor de functionaris gegevensbescherming van de gemeente.',
			route: '/beheer/privacy'
		});
		expect(guardRoute('/beheer/rollen', false, person('privacy_officer')).kind).toBe('forbidden');
		expect(guardRoute('/beheer/privacy', false, null)).toEqual({ kind: 'sign_in' });
	});

	it('keeps the platform pages for platform operators, above any role in a municipality', () => {
		expect(guardRoute('/platform', false, null)).toEqual({ kind: 'sign_in' });
		expect(guardRoute('/platform/gemeente/[slug]', true, person('municipality_admin'))).toEqual({
			kind: 'forbidden',
			message: 'Deze pagina is alleen voor platformbeheerders.',
			route: '/platform'
		});
		expect(guardRoute('/platform', false, { ...person(), isPlatformOperator: true })).toEqual({
			kind: 'pass',
			personal: true
		});
	});
});
