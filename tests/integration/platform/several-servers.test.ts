// Production runs several app servers on one database (issue 19): the sign-in and code limits,
// the mail worker's claims and the scheduler must hold across servers. Each "server" here is its
// own client with its own limiter, as two processes would have; concurrency that needs several
// database connections is in several-servers.pg.test.ts.
import { readdirSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { SqlAttemptStore } from '../../../src/lib/server/embedded/attempt-store.ts';
import {
	MemoryAttemptStore,
	SIGN_IN_LIMITS,
	SignInLimiter
} from '../../../src/lib/server/embedded/sign-in-limit.ts';
import { serviceClient } from '../../support/background.ts';
import { anonClient, createUser, sql } from '../../support/factories.ts';

/** One app server's limiter: its own client and store, counting in the shared database. */
function serverLimiter() {
	const client = serviceClient();
	const store = new SqlAttemptStore(
		(name, args) => client.rpc(name, args as never),
		inject('secretKey')
	);
	return new SignInLimiter(SIGN_IN_LIMITS, { bucket: 'sign_in', store });
}

const address = () => `203.0.113.${Math.floor(Math.random() * 250) + 1}-${Date.now()}`;

describe('attempt limits shared by several servers', () => {
	it('20 failures from one address spread over two servers lock it, as 20 on one would', async () => {
		const servers = [serverLimiter(), serverLimiter()];
		const from = address();
		for (let i = 0; i < 20; i++) {
			const attempt = await servers[i % 2]!.attempt(`gok-${i}-${Date.now()}@test.example`, from);
			expect(attempt.allowed).toBe(true);
			if (attempt.allowed) await attempt.settle('wrong_credentials');
		}
		for (const server of servers) {
			const locked = await server.attempt(`nieuw-${Date.now()}@test.example`, from);
			expect(locked.allowed).toBe(false);
			if (!locked.allowed) expect(locked.retryAfterSeconds).toBeGreaterThan(14 * 60);
		}
		// Counted in memory per process, the same 20 would have left each server 10 short.
		const memory = [new MemoryAttemptStore(), new MemoryAttemptStore()].map(
			(store) => new SignInLimiter(SIGN_IN_LIMITS, { bucket: 'sign_in', store })
		);
		for (let i = 0; i < 20; i++) {
			const attempt = await memory[i % 2]!.attempt(`m-${i}@test.example`, from);
			if (attempt.allowed) await attempt.settle('wrong_credentials');
		}
		expect((await memory[0]!.attempt('m-x@test.example', from)).allowed).toBe(true);
	});

	it('an account locked on one server is locked on the other; a success on one resets both', async () => {
		const [a, b] = [serverLimiter(), serverLimiter()];
		const email = `account-${Date.now()}@test.example`;
		for (let i = 0; i < 4; i++) {
			const attempt = await (i % 2 ? a : b).attempt(email, address());
			if (attempt.allowed) await attempt.settle('wrong_credentials');
		}
		const success = await a.attempt(email, address());
		expect(success.allowed).toBe(true);
		if (success.allowed) await success.settle('success');
		for (let i = 0; i < 5; i++) {
			const attempt = await (i % 2 ? a : b).attempt(email, address());
			expect(attempt.allowed).toBe(true);
			if (attempt.allowed) await attempt.settle('wrong_credentials');
		}
		expect((await b.attempt(email, address())).allowed).toBe(false);
		expect((await a.attempt(email, address())).allowed).toBe(false);
	});

	it('stores no address in clear, and only the service role may count or reset', async () => {
		const email = `clear-${Date.now()}@test.example`;
		const attempt = await serverLimiter().attempt(email, '198.51.100.77');
		if (attempt.allowed) await attempt.settle('wrong_credentials');
		// Every key is an HMAC (64 hex digits); the table has no other column that could hold one.
		const rows = await sql<{ k: string }>(`select key_hash as k from public.attempt_counters`);
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.k))).toBe(true);

		const user = await createUser({ label: 'teller' });
		for (const client of [anonClient(), user.client]) {
			const take = await client.rpc('take_attempt', {
				p_bucket: 'sign_in',
				p_keys: ['ab'.repeat(32)],
				p_limits: [5],
				p_window_seconds: 900
			});
			expect(take.error?.message).toMatch(/permission denied/);
			const reset = await client.rpc('give_back_attempts', {
				p_bucket: 'sign_in',
				p_reward: [],
				p_reset: ['ab'.repeat(32)]
			});
			expect(reset.error?.message).toMatch(/permission denied/);
			const read = await client.from('attempt_counters').select('id');
			expect(read.data ?? []).toEqual([]);
		}
	});
});

describe('readiness', () => {
	it('tells the service role the newest applied migration, and nobody else', async () => {
		const newest = readdirSync('supabase/migrations').sort().at(-1)?.slice(0, 14);
		const { data, error } = await serviceClient().rpc('readiness');
		expect(error).toBeNull();
		expect((data as { migration: string }).migration).toBe(newest);
		const anon = await anonClient().rpc('readiness');
		expect(anon.error?.message).toMatch(/permission denied/);
	});
});

describe('scheduler across servers', () => {
	it('runs a due job once per due minute, however many servers call', async () => {
		await sql(`
			create table if not exists public.test_ticks (at timestamptz not null default now());
			alter table public.test_ticks enable row level security;
			create or replace function public.test_tick() returns integer language sql security definer set search_path = '' as $$
				insert into public.test_ticks default values returning 1;
			$$;
			revoke all on function public.test_tick() from public, anon, authenticated;
			insert into public.scheduled_jobs (name, area, every) values ('test_tick', 'platform', interval '1 minute')
				on conflict (name) do nothing;
			delete from public.test_ticks;
			-- Only the test job is due: the areas' jobs are left alone.
			update public.scheduled_jobs set last_started_at = now() where name <> 'test_tick';
		`);
		const servers = [serviceClient(), serviceClient()];
		try {
			for (let minute = 0; minute < 3; minute++) {
				await sql(
					`update public.scheduled_jobs set last_started_at = now() - interval '1 minute' where name = 'test_tick'`
				);
				const reports = await Promise.all(
					[...servers, ...servers].map((s) => s.rpc('run_scheduled_jobs'))
				);
				expect(reports.every((r) => r.error === null)).toBe(true);
			}
			const [ticks] = await sql<{ n: number }>(`select count(*)::int as n from public.test_ticks`);
			expect(ticks?.n).toBe(3);
		} finally {
			await sql(`
				delete from public.scheduled_jobs where name = 'test_tick';
				drop function public.test_tick();
				drop table public.test_ticks;
			`);
		}
	});
});
