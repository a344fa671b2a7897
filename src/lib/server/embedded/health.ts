// Keeps the embedded Supabase answering. Some statements leave PGlite's single backend broken for
// good (a ~7,500-term full-text search left it answering every later query with
// "ERRORDATA_STACK_SIZE exceeded"), and nothing in lite notices. This wrapper probes the database
// after suspicious responses and every 30 s, and when it no longer answers it closes that instance
// and opens a new one on the same data folder: PostgreSQL's own WAL recovery then brings back every
// committed transaction. Node-free like lite.ts, so the app, the scripts and the tests share it.
import type { AppRequestContext } from '@supabase/lite';
import type { Lite } from './lite.ts';
import { answers, serviceUnavailable, sleep, suspicious, timeout, TimedOut } from './probe.ts';

export interface HealthOptions {
	/** Opens a new embedded Supabase on the same database; called again for every recovery. */
	start: () => Promise<Lite>;
	/** Background probe interval; 0 turns it off. */
	intervalMs?: number;
	/** A probe that takes longer counts as a failure. */
	probeTimeoutMs?: number;
	/** How long a request waits for a running check or recovery before it gets a 503. */
	admitTimeoutMs?: number;
	/** How long requests still running on a broken instance may take before it is closed. */
	drainMs?: number;
	/** The old instance must close within this; otherwise reopening could put two on one folder. */
	closeTimeoutMs?: number;
	/** Called when recovery cannot go on safely; the app exits so a supervisor can restart it. */
	onGiveUp?: (error: unknown) => void;
	log?: (line: string) => void;
}

export interface Recovery {
	reason: string;
	/** From the failed probe to the new instance answering its first query (lite's warm-up rpc). */
	millis: number;
	finishedAt: Date;
}

/** Seconds a client should wait before retrying during a recovery: a reopen takes about one. */
/**
 * The embedded Supabase behind a health check: same interface as Lite, always the current
 * instance. Requests wait (bounded) while a check or a reopen is under way, so the request after a
 * crash is served by the new instance; requests that were running on the broken one get a 503 with
 * Retry-After.
 */
export class SupervisedLite implements Lite {
	readonly driver: Lite['driver'];
	/** Every recovery so far, oldest first. */
	readonly recoveries: Recovery[] = [];

	#current: Lite | null;
	#lastApp: Lite['app'];
	#generation = 0;
	#inflight = new Map<number, number>();
	#gate: { promise: Promise<void>; release: () => void; holders: number } | null = null;
	#checking: Promise<boolean> | null = null;
	#recovering: Promise<void> | null = null;
	#timer: ReturnType<typeof setInterval> | undefined;
	#closed = false;
	readonly #options: Required<Omit<HealthOptions, 'onGiveUp'>> & Pick<HealthOptions, 'onGiveUp'>;

	constructor(first: Lite, options: HealthOptions) {
		this.#current = first;
		this.#lastApp = first.app;
		this.driver = first.driver;
		this.#options = {
			intervalMs: 30_000,
			probeTimeoutMs: 5_000,
			admitTimeoutMs: 15_000,
			drainMs: 2_000,
			closeTimeoutMs: 10_000,
			log: (line) => console.error(line),
			...options
		};
		if (this.#options.intervalMs > 0) {
			this.#timer = setInterval(() => void this.check('periodic check'), this.#options.intervalMs);
			this.#timer.unref?.();
		}
	}

	/** The current instance's App; during a reopen, the last one's. */
	get app(): Lite['app'] {
		return this.#current?.app ?? this.#lastApp;
	}

	fetch = async (request: Request, context?: AppRequestContext): Promise<Response> => {
		const pathname = new URL(request.url).pathname;
		const admitted = await this.#admit();
		if (!admitted) return serviceUnavailable(pathname);
		const { lite, generation } = admitted;
		this.#inflight.set(generation, (this.#inflight.get(generation) ?? 0) + 1);
		let response: Response | undefined;
		let failure: unknown;
		try {
			response = await lite.fetch(request, context);
		} catch (error) {
			failure = error;
		} finally {
			this.#inflight.set(generation, (this.#inflight.get(generation) ?? 1) - 1);
		}
		const status = response?.status ?? 500;
		if (!suspicious(pathname, status)) return response as Response;
		const healthy =
			generation === this.#generation &&
			(await this.check(`${status} on ${request.method} ${pathname}`));
		// A server error from an instance that has since been found broken says nothing about the
		// request itself: tell the client to retry.
		if (!healthy && status >= 500 && generation < this.#generation) {
			return serviceUnavailable(pathname);
		}
		if (failure !== undefined) throw failure;
		return response as Response;
	};

	exec: Lite['exec'] = async (sql) => {
		const admitted = await this.#admit();
		if (!admitted) throw new Error('The embedded database is restarting.');
		return admitted.lite.exec(sql);
	};

	dumpDataDir = async (): Promise<Blob> => {
		const admitted = await this.#admit();
		if (!admitted) throw new Error('The embedded database is restarting.');
		if (!admitted.lite.dumpDataDir) throw new Error('Only PGlite has a data folder to copy.');
		return admitted.lite.dumpDataDir();
	};

	/**
	 * Probes the database (one probe at a time; callers share it) and starts a reopen when it does
	 * not answer. Resolves to whether it answered, without waiting for the reopen.
	 */
	check(reason: string): Promise<boolean> {
		if (this.#closed) return Promise.resolve(true);
		const lite = this.#current;
		if (this.#recovering || !lite) return Promise.resolve(false);
		this.#checking ??= (async () => {
			const release = this.#hold();
			try {
				// A probe can land inside another request's failed transaction and fail once on a
				// healthy database; a broken one fails every time.
				for (let attempt = 0; attempt < 2; attempt++) {
					if (attempt > 0) await sleep(100);
					if (await answers(lite, this.#options.probeTimeoutMs)) return true;
				}
				void this.#recover(reason);
				return false;
			} finally {
				this.#checking = null;
				release();
			}
		})();
		return this.#checking;
	}

	/** Resolves when no recovery is running (at once when none is). */
	async settled(): Promise<void> {
		while (this.#recovering || this.#checking) {
			await (this.#recovering ?? this.#checking);
		}
	}

	close = async (): Promise<void> => {
		this.#closed = true;
		clearInterval(this.#timer);
		await this.#recovering;
		const lite = this.#current;
		this.#current = null;
		await lite?.close();
	};

	async #admit(): Promise<{ lite: Lite; generation: number } | null> {
		const deadline = performance.now() + this.#options.admitTimeoutMs;
		while (this.#gate) {
			const left = deadline - performance.now();
			if (left <= 0) return null;
			try {
				await timeout(this.#gate.promise, left, 'waiting for the database');
			} catch {
				return null;
			}
		}
		if (!this.#current) return null;
		return { lite: this.#current, generation: this.#generation };
	}

	/** Holds new requests back until every holder has released. */
	#hold(): () => void {
		if (!this.#gate) {
			let release!: () => void;
			const promise = new Promise<void>((resolve) => (release = resolve));
			this.#gate = { promise, release, holders: 0 };
		}
		const gate = this.#gate;
		gate.holders += 1;
		let released = false;
		return () => {
			if (released) return;
			released = true;
			gate.holders -= 1;
			if (gate.holders === 0) {
				if (this.#gate === gate) this.#gate = null;
				gate.release();
			}
		};
	}

	#recover(reason: string): Promise<void> {
		this.#recovering ??= (async () => {
			const release = this.#hold();
			const detected = performance.now();
			const broken = this.#current;
			const generation = this.#generation;
			this.#current = null;
			this.#generation += 1;
			const { log } = this.#options;
			log(`Embedded database stopped answering (after ${reason}); reopening it.`);
			try {
				// Requests still running on the broken instance fail fast; let them finish first.
				const drainUntil = performance.now() + this.#options.drainMs;
				while ((this.#inflight.get(generation) ?? 0) > 0 && performance.now() < drainUntil) {
					await sleep(20);
				}
				this.#inflight.delete(generation);
				if (broken) {
					try {
						await timeout(broken.close(), this.#options.closeTimeoutMs, 'closing the database');
					} catch (error) {
						// A PGlite still open might yet write, and a second one on the same folder could
						// corrupt it: only a new process is safe now. A PostgreSQL pool that will not end
						// shares no files with its successor.
						if (error instanceof TimedOut && this.driver === 'pglite') throw error;
						// It refused to close cleanly but is idle and unreferenced: it writes nothing more.
						log(`Closing the broken database failed (${String(error)}); reopening anyway.`);
					}
				}
				for (let attempt = 1; ; attempt++) {
					try {
						const lite = await this.#options.start();
						this.#current = lite;
						this.#lastApp = lite.app;
						break;
					} catch (error) {
						const pause = Math.min(500 * 2 ** (attempt - 1), 30_000);
						log(`Reopening the embedded database failed (attempt ${attempt}): ${String(error)}`);
						if (this.#closed) return;
						await sleep(pause);
					}
				}
				const millis = performance.now() - detected;
				this.recoveries.push({ reason, millis, finishedAt: new Date() });
				log(`Embedded database reopened in ${millis.toFixed(0)} ms.`);
			} catch (error) {
				log(`Cannot recover the embedded database in this process: ${String(error)}`);
				this.#options.onGiveUp?.(error);
			} finally {
				this.#recovering = null;
				release();
			}
		})();
		return this.#recovering;
	}
}

/** Starts the embedded Supabase and keeps it answering. */
export async function superviseLite(options: HealthOptions): Promise<SupervisedLite> {
	return new SupervisedLite(await options.start(), options);
}
