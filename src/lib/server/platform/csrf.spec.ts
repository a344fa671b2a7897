import { describe, expect, it } from 'vitest';
import { isForbiddenCrossSitePost } from './csrf';

const site = new URL('https://zaanstad.buurtkracht.nl/hulp/vraag/nieuw');
const post = (headers: Record<string, string>, method = 'POST') =>
	new Request(site, { method, headers });

describe('the cross-site form-post check', () => {
	it('lets a form post from its own host through', () => {
		const request = post({
			origin: 'https://zaanstad.buurtkracht.nl',
			'content-type': 'application/x-www-form-urlencoded'
		});
		expect(isForbiddenCrossSitePost(request, site)).toBe(false);
	});

	it('refuses a form post from another site, another municipality or no origin', () => {
		for (const origin of ['https://evil.example', 'https://dordrecht.buurtkracht.nl', null]) {
			for (const type of [
				'application/x-www-form-urlencoded',
				'multipart/form-data; boundary=x',
				'TEXT/PLAIN'
			]) {
				const headers: Record<string, string> = { 'content-type': type };
				if (origin) headers.origin = origin;
				expect(isForbiddenCrossSitePost(post(headers), site), `${origin} ${type}`).toBe(true);
			}
		}
		expect(isForbiddenCrossSitePost(post({ origin: 'https://evil.example' }, 'DELETE'), site)).toBe(
			true
		);
	});

	it('leaves reads and JSON calls to the rules of their own', () => {
		const read = new Request(site, { headers: { origin: 'https://evil.example' } });
		expect(isForbiddenCrossSitePost(read, site)).toBe(false);
		const json = post({ origin: 'https://evil.example', 'content-type': 'application/json' });
		expect(isForbiddenCrossSitePost(json, site)).toBe(false);
	});

	it('lets the one-click unsubscribe of a mail through from anywhere, and nothing beside it', () => {
		const token = '3f0c6a52-58f4-4c61-9d2a-8d7f1b5a9e11';
		const unsubscribe = new URL(`https://zaanstad.buurtkracht.nl/hulp/meldingen/afmelden/${token}`);
		const oneClick = new Request(unsubscribe, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'List-Unsubscribe=One-Click'
		});
		expect(isForbiddenCrossSitePost(oneClick, unsubscribe)).toBe(false);
		for (const path of [
			'/hulp/meldingen/afmelden',
			`/hulp/meldingen/afmelden/${token}/x`,
			`/x/hulp/meldingen/afmelden/${token}`
		]) {
			const other = new URL(path, unsubscribe);
			const request = new Request(other, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' }
			});
			expect(isForbiddenCrossSitePost(request, other), path).toBe(true);
		}
	});
});
