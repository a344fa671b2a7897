// Counts sign-in and code attempts in the database (public.take_attempt and give_back_attempts,
// service role only), so every app server shares one count. The keys are HMAC-SHA256 of the
// bucket and the account or client address, keyed with the server's secret key: the table holds
// no e-mail address or IP address, and nobody without the secret can tell whose count a row is.
// No Node APIs: Vite and plain Node both load it (Web Crypto).
import type { AttemptStore, TakeResult } from './sign-in-limit.ts';

/** A service-role rpc call, as supabase-js's client.rpc answers it. */
export type ServiceRpc = (
	name: 'take_attempt' | 'give_back_attempts',
	args: Record<string, unknown>
) => PromiseLike<{ data: unknown; error: { message: string; code?: string } | null }>;

const hex = (bytes: ArrayBuffer) =>
	Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

export class SqlAttemptStore implements AttemptStore {
	readonly #rpc: ServiceRpc;
	readonly #key: Promise<CryptoKey>;

	constructor(rpc: ServiceRpc, secret: string) {
		if (!secret) throw new Error('SqlAttemptStore needs the secret key to hash its keys.');
		this.#rpc = rpc;
		this.#key = crypto.subtle.importKey(
			'raw',
			new TextEncoder().encode(`attempt-counters:${secret}`),
			{ name: 'HMAC', hash: 'SHA-256' },
			false,
			['sign']
		);
	}

	async #hash(bucket: string, key: string): Promise<string> {
		const signed = await crypto.subtle.sign(
			'HMAC',
			await this.#key,
			new TextEncoder().encode(`${bucket}\n${key}`)
		);
		return hex(signed);
	}

	async take(
		bucket: string,
		keys: { key: string; limit: number }[],
		windowSeconds: number
	): Promise<TakeResult> {
		const hashed = await Promise.all(keys.map((k) => this.#hash(bucket, k.key)));
		const { data, error } = await this.#rpc('take_attempt', {
			p_bucket: bucket,
			p_keys: hashed,
			p_limits: keys.map((k) => k.limit),
			p_window_seconds: windowSeconds
		});
		if (error) throw new Error(`take_attempt failed (${error.code ?? 'no code'})`);
		const answer = data as { allowed?: unknown; retry_after_seconds?: unknown } | null;
		if (answer?.allowed === true) return { allowed: true };
		return {
			allowed: false,
			retryAfterSeconds: Math.max(1, Number(answer?.retry_after_seconds) || 1)
		};
	}

	async giveBack(bucket: string, reward: string[], reset: string[]): Promise<void> {
		if (reward.length === 0 && reset.length === 0) return;
		const [rewardHashed, resetHashed] = await Promise.all([
			Promise.all(reward.map((k) => this.#hash(bucket, k))),
			Promise.all(reset.map((k) => this.#hash(bucket, k)))
		]);
		const { error } = await this.#rpc('give_back_attempts', {
			p_bucket: bucket,
			p_reward: rewardHashed,
			p_reset: resetHashed
		});
		if (error) throw new Error(`give_back_attempts failed (${error.code ?? 'no code'})`);
	}
}
