// The sign-in and code limiters of this app server. They count in the database through the
// service role (the app acting for nobody, src/lib/server/admin.ts), so every server behind a load
// balancer shares one count; without a secret key they count in this process only.
import { SUPABASE_SECRET_KEY } from '$app/env/private';
import { adminClient } from './admin';
import { SqlAttemptStore } from './embedded/attempt-store';
import { CODE_BUCKET, CODE_LIMITS } from './embedded/code-limit';
import {
	MemoryAttemptStore,
	SIGN_IN_LIMITS,
	SignInLimiter,
	type AttemptStore
} from './embedded/sign-in-limit';
import { log } from './platform/log';

export interface Limiters {
	signIns: SignInLimiter;
	codes: SignInLimiter;
}

let limiters: Limiters | undefined;

function store(): AttemptStore {
	const client = adminClient();
	if (!client || !SUPABASE_SECRET_KEY) {
		log.warn('Sign-in and code limits count in this process only: SUPABASE_SECRET_KEY is not set.');
		return new MemoryAttemptStore();
	}
	return new SqlAttemptStore((name, args) => client.rpc(name, args as never), SUPABASE_SECRET_KEY);
}

export function appLimiters(): Limiters {
	if (!limiters) {
		const shared = store();
		limiters = {
			signIns: new SignInLimiter(SIGN_IN_LIMITS, { bucket: 'sign_in', store: shared }),
			codes: new SignInLimiter(CODE_LIMITS, { bucket: CODE_BUCKET, store: shared })
		};
	}
	return limiters;
}
