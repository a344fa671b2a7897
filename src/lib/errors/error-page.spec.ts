// The error page as a server error renders it. A browser test once needed a reproducible 500 from
// the running app; the only one it had was a bug (an impossible date on /hulp), so the page's
// words are checked here, with handleServerError's own test covering what reaches it.
import { render } from 'svelte/server';
import { describe, expect, it, vi } from 'vitest';
import { dutchErrorMessage } from './messages';

const state = vi.hoisted(() => ({
	page: { status: 500, error: null as { message: string; reference?: string } | null }
}));
vi.mock('$app/state', () => state);

const { default: ErrorPage } = await import('../../routes/+error.svelte');

describe('+error.svelte', () => {
	it('shows a 500 in Dutch with its reference, never SvelteKit’s English', () => {
		state.page.status = 500;
		state.page.error = { message: dutchErrorMessage(500), reference: '1a2b3c4d' };
		const { body, head } = render(ErrorPage);
		expect(head).toContain('<title>Er ging iets mis – Buurtkracht</title>');
		expect(body).toMatch(/<h1[^>]*>Er ging iets mis<\/h1>/);
		expect(body).toContain('Er ging iets mis aan onze kant');
		expect(body).toContain('Foutcode: <code>1a2b3c4d</code>');
		expect(body).not.toContain('Internal Error');
	});

	it('falls back to Dutch when an error arrives without a message', () => {
		state.page.status = 500;
		state.page.error = null;
		const { body } = render(ErrorPage);
		expect(body).toContain(dutchErrorMessage(500));
	});
});
