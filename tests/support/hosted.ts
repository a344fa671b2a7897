// What the hosted-mode browser tests know about their stack (set by scripts/test-hosted.ts).
import postgres from 'postgres';

export const STACK = {
	origin: process.env.E2E_ORIGIN ?? '',
	api: process.env.E2E_SUPABASE_URL ?? '',
	control: process.env.HOSTED_CONTROL_URL ?? '',
	databaseUrl: process.env.HOSTED_DATABASE_URL ?? ''
};

/** Stops app server n (0 or 1) with a signal; answers its exit code. */
export async function stopApp(n: number, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM') {
	const res = await fetch(`${STACK.control}/apps/${n}/stop?signal=${signal}`, { method: 'POST' });
	return ((await res.json()) as { code: number | null }).code;
}

/** Starts app server n again and waits until it is ready. */
export async function startApp(n: number) {
	const res = await fetch(`${STACK.control}/apps/${n}/start`, { method: 'POST' });
	if (!res.ok) throw new Error(`could not start app ${n}: ${await res.text()}`);
}

/** The stack's database, as its owner: for checking what was written, never for set-up. */
export const database = () => postgres(STACK.databaseUrl, { max: 2, onnotice: () => {} });
