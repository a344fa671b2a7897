// A platform operator in the browser-test stack: a fresh account signed up through the app, made
// operator the way maintenance does it (a row in platform_operators, written with the service
// key; there is no API or page for it). The page is left signed in as that account.
import { createClient } from '@supabase/supabase-js';
import { expect, type Page } from '@playwright/test';
import type { Database } from '../../src/lib/database.types.ts';
import { ensureEnvFile } from '../../scripts/lib/env.ts';
import { E2E_API, e2eKey } from '../../playwright.config.ts';
import { NEW_PASSWORD, newEmail, signUpAndConfirm } from './browser.ts';

export async function signUpOperator(page: Page, label = 'operator'): Promise<{ email: string }> {
	const email = newEmail(label);
	await signUpAndConfirm(page, email, 'Platformbeheerder');
	const keys = ensureEnvFile();
	const service = createClient<Database>(E2E_API, keys.SUPABASE_SECRET_KEY!, {
		auth: { persistSession: false, autoRefreshToken: false }
	});
	const me = createClient<Database>(E2E_API, e2eKey(), {
		auth: { persistSession: false, autoRefreshToken: false }
	});
	const { data: signedIn } = await me.auth.signInWithPassword({ email, password: NEW_PASSWORD });
	const operatorId = signedIn.user?.id;
	expect(operatorId).toBeTruthy();
	const { error } = await service.from('platform_operators').insert({ user_id: operatorId! });
	expect(error).toBeNull();
	return { email };
}
