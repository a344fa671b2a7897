// People for browser tests: each test makes its own through the real sign-up API and the
// confirmation mail (no shortcuts into the database), then signs them in with the real form.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { expect, type Browser, type Page } from '@playwright/test';
import type { Database } from '../../src/lib/database.types.ts';
import { E2E_API, e2eKey } from '../../playwright.config.ts';
import { newEmail, signIn, waitForMail } from './browser.ts';

const PASSWORD = 'e2e-wachtwoord-2026';

export interface Person {
	email: string;
	id: string;
	displayName: string;
	/** The person's own API session (as their browser would have), for set-up steps. */
	api: SupabaseClient<Database>;
	page: Page;
}

/** A confirmed account, signed in, in a browser context of its own. */
export async function newPerson(
	browser: Browser,
	label: string,
	displayName: string,
	options: { javaScriptEnabled?: boolean } = {}
): Promise<Person> {
	const email = newEmail(label);
	const api = createClient<Database>(E2E_API, e2eKey(), {
		auth: { persistSession: false, autoRefreshToken: false }
	});
	const signUp = await api.auth.signUp({
		email,
		password: PASSWORD,
		options: { data: { display_name: displayName } }
	});
	expect(signUp.error).toBeNull();
	const mail = await waitForMail(email, 'Bevestig je e-mailadres');
	const tokenHash = /token_hash=([a-f0-9]+)/.exec(mail.html)?.[1] ?? '';
	const confirmed = await api.auth.verifyOtp({ token_hash: tokenHash, type: 'signup' });
	expect(confirmed.error).toBeNull();

	const context = await browser.newContext({
		javaScriptEnabled: options.javaScriptEnabled ?? true
	});
	const page = await context.newPage();
	await signIn(page, email, PASSWORD);
	return { email, id: confirmed.data.user?.id ?? '', displayName, api, page };
}

/** A demo account (seeded with the app) in a browser context of its own. */
export async function demoPerson(browser: Browser, email: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await signIn(page, email);
	return page;
}

/** Sets phone and address on the profile, through the same function the profile page uses. */
export async function setContact(person: Person, phone: string, streetAddress: string | null) {
	const { error } = await person.api.rpc('update_my_profile', {
		p_display_name: person.displayName,
		p_district_id: null as unknown as string,
		p_phone: phone,
		p_street_address: streetAddress as string,
		p_postcode: null as unknown as string,
		p_city: null as unknown as string
	});
	expect(error).toBeNull();
}

export { dayFromNow as isoDate } from './days.ts';
