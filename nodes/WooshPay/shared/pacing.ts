import { sleep } from 'n8n-workflow';

/**
 * When a request to WooshPay may start. Two limits apply to every request:
 *
 * - The account's pace (`AccountPace`), one per WooshPay account (credential and base URL) in
 *   this n8n process, shared by every execution and node that uses the account, because
 *   WooshPay limits the account, not the execution. It learns the allowed rate from WooshPay's
 *   429 answers: the pace drops to just under what WooshPay let through in the last second,
 *   climbs back to it by RECOVERY requests per second each second, then beyond it slowly (PROBE),
 *   so that runs which start too fast settle near the allowed rate instead of hammering it. It is kept while requests run and
 *   for KEEP_LEARNT_MS after the last one (a loop's next round starts at the learnt rate), then
 *   forgotten at the next look-up: the table holds only accounts in recent use.
 * - The node's own options (`RunLimits`), one per execution and node: at most
 *   Max Parallel Requests in flight, at most Max Requests per Second started (0: no cap).
 *
 * Every wait ends at once when n8n cancels the execution (`Stopped` is thrown): a request that
 * is still waiting is then never sent.
 */

export interface PacingSettings {
	maxParallel: number;
	maxPerSecond: number;
}

/** Requests per second the pace climbs each second, back to what WooshPay let through… */
const RECOVERY = 2;
/** …and beyond it, probing whether WooshPay allows more now. */
const PROBE = 0.5;
const WINDOW_MS = 1000;
/** How long an account's learnt rate outlives its last request. */
export const KEEP_LEARNT_MS = 60_000;

/** Thrown by a wait that the execution's cancellation ended. */
export class Stopped extends Error {
	constructor() {
		super('The execution was stopped');
		this.name = 'Stopped';
	}
}

/**
 * Waits `ms`, or throws `Stopped` as soon as the signal is aborted. n8n-workflow 2.x's `sleep`
 * ends its timer on the signal itself; n8n 1.x's takes no signal, so the race ends the wait there.
 */
export async function pause(ms: number, signal?: AbortSignal): Promise<void> {
	if (signal?.aborted) throw new Stopped();
	if (ms <= 0) return;
	if (!signal) return await sleep(ms);
	let onAbort = () => {};
	const aborted = new Promise<never>((_resolve, reject) => {
		onAbort = () => reject(new Stopped());
		signal.addEventListener('abort', onAbort, { once: true });
	});
	try {
		await Promise.race([sleep(ms, signal), aborted]);
	} catch (error) {
		throw signal.aborted ? new Stopped() : error;
	} finally {
		signal.removeEventListener('abort', onAbort);
	}
}

/** Spaces starts `1000 / rate` ms apart; an infinite rate does not wait. */
class Spacing {
	private nextStart = 0;

	async turn(rate: number, signal: AbortSignal | undefined, now = Date.now()): Promise<void> {
		if (!Number.isFinite(rate)) return await pause(0, signal);
		const start = Math.max(now, this.nextStart);
		this.nextStart = start + 1000 / rate;
		await pause(start - now, signal);
	}
}

/** The pace of one WooshPay account, learnt from its 429 answers and shared by all its requests. */
export class AccountPace {
	/** The rate the last cut set (Infinity: nothing learnt yet). */
	private learntRate = Infinity;

	/** What WooshPay let through before the last cut: the rate climbs back to it quickly. */
	private letThroughRate = Infinity;

	private lastCut = 0;

	private readonly recentSuccesses: number[] = [];

	private readonly spacing = new Spacing();

	/** Requests of the account not finished yet, waits and retries included. */
	inFlight = 0;

	lastUsed = 0;

	/** Requests of the account on their way to WooshPay now. */
	private sending = 0;

	private waitingToSend: Array<() => void> = [];

	/**
	 * Waits until fewer than `maxParallel` requests of the account are on their way (the
	 * requesting node's Max Parallel Requests); the caller calls `doneSending` after. Without
	 * this, executions running at once would each send their own Max Parallel Requests, and a
	 * first burst that meets the account's limit would come back as that many 429s.
	 */
	async startSending(maxParallel: number, signal: AbortSignal | undefined): Promise<void> {
		while (this.sending >= Math.max(1, maxParallel)) {
			if (signal?.aborted) throw new Stopped();
			await new Promise<void>((resolve, reject) => {
				const wake = () => {
					signal?.removeEventListener('abort', onAbort);
					resolve();
				};
				const onAbort = () => {
					this.waitingToSend = this.waitingToSend.filter((waiting) => waiting !== wake);
					reject(new Stopped());
				};
				this.waitingToSend.push(wake);
				signal?.addEventListener('abort', onAbort, { once: true });
			});
		}
		this.sending++;
	}

	/** A request's answer came (or it failed): the waiting requests look again. */
	doneSending(): void {
		this.sending--;
		// Each waiter checks against its own node's Max Parallel Requests, so all look again;
		// they are at most the Max Parallel Requests of each run that waits (runs queue first).
		const waiting = this.waitingToSend;
		this.waitingToSend = [];
		for (const wake of waiting) wake();
	}

	/**
	 * Requests per second allowed now (Infinity: nothing learnt): from the cut's rate back up to
	 * what WooshPay let through at RECOVERY requests per second each second, then on, probing
	 * for more, at PROBE.
	 */
	rate(now = Date.now()): number {
		if (!Number.isFinite(this.learntRate)) return Infinity;
		const seconds = Math.max(0, now - this.lastCut) / 1000;
		const climb = Math.max(0, this.letThroughRate - this.learntRate) / RECOVERY;
		if (seconds <= climb) return this.learntRate + RECOVERY * seconds;
		return Math.max(this.learntRate, this.letThroughRate) + PROBE * (seconds - climb);
	}

	async turn(signal: AbortSignal | undefined): Promise<void> {
		await this.spacing.turn(this.rate(), signal);
	}

	succeeded(now = Date.now()): void {
		this.recentSuccesses.push(now);
		while (this.recentSuccesses.length && this.recentSuccesses[0] <= now - WINDOW_MS) this.recentSuccesses.shift();
	}

	/**
	 * WooshPay answered 429 to a request sent at `sentAt`: slow down to just under what it let
	 * through in the last second (and under the present rate). A request sent before the last
	 * cut says nothing new, since that cut already answered it. `cap` is the requesting node's
	 * own Max Requests per Second (0: none), the rate it was sent at when nothing was learnt yet.
	 */
	throttled(now = Date.now(), sentAt = now, cap = 0): void {
		if (sentAt < this.lastCut) return;
		while (this.recentSuccesses.length && this.recentSuccesses[0] <= now - WINDOW_MS) this.recentSuccesses.shift();
		const current = Math.min(this.rate(now), cap > 0 ? cap : Infinity);
		const letThrough = this.recentSuccesses.length;
		const next = letThrough > 0 ? letThrough * 0.95 : Number.isFinite(current) ? current / 2 : 1;
		this.learntRate = Math.max(1, Math.min(next, Number.isFinite(current) ? current * 0.9 : next));
		this.letThroughRate = Math.max(this.learntRate, letThrough);
		this.lastCut = now;
	}

	/** Whether nothing is running and nothing learnt is worth keeping any more. */
	forgettable(now = Date.now()): boolean {
		return this.inFlight === 0 && (!Number.isFinite(this.learntRate) || now - this.lastUsed > KEEP_LEARNT_MS);
	}
}

/** The limits a node run sets itself in its Options. */
export class RunLimits<S extends PacingSettings = PacingSettings> {
	private inFlight = 0;

	/** Requests of the run that are not finished, retries and waits included. */
	users = 0;

	private readonly waiting: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];

	private readonly spacing = new Spacing();

	/** The run's settings, read once for all its items. */
	constructor(readonly settings: S) {}

	/** Waits for one of the run's parallel slots; the holder calls `release` when done. */
	async acquire(signal: AbortSignal | undefined): Promise<void> {
		if (signal?.aborted) throw new Stopped();
		if (this.inFlight >= Math.max(1, this.settings.maxParallel)) {
			await new Promise<void>((resolve, reject) => {
				const entry = { resolve, reject };
				this.waiting.push(entry);
				signal?.addEventListener(
					'abort',
					() => {
						const at = this.waiting.indexOf(entry);
						if (at >= 0) this.waiting.splice(at, 1);
						reject(new Stopped());
					},
					{ once: true },
				);
			});
		} else {
			this.inFlight++;
		}
	}

	/** Waits for the turn that the run's own Max Requests per Second gives (none without a cap). */
	async turn(signal: AbortSignal | undefined): Promise<void> {
		await this.spacing.turn(this.settings.maxPerSecond > 0 ? this.settings.maxPerSecond : Infinity, signal);
	}

	/** Frees the slot; a waiting request takes it over. */
	release(): void {
		const next = this.waiting.shift();
		if (next) next.resolve();
		else this.inFlight--;
	}

	get idle(): boolean {
		return this.users === 0 && this.inFlight === 0 && this.waiting.length === 0;
	}
}

const accounts = new Map<string, AccountPace>();
const runs = new Map<string, RunLimits<PacingSettings>>();

/** The pace of a WooshPay account; forgets accounts not used for a while on the way. */
export function accountPace(key: string, now = Date.now()): AccountPace {
	let pace = accounts.get(key);
	if (!pace) {
		for (const [other, otherPace] of accounts) if (otherPace.forgettable(now)) accounts.delete(other);
		pace = new AccountPace();
		accounts.set(key, pace);
	}
	pace.lastUsed = now;
	return pace;
}

/** Forgets an account's pace once nothing runs and nothing learnt is worth keeping. */
export function dropAccountIfForgettable(key: string, now = Date.now()): void {
	if (accounts.get(key)?.forgettable(now)) accounts.delete(key);
}

/**
 * The limits of one node run; the first request of the run makes them from its settings. Each
 * caller counts as a user until it calls `doneWithRun`.
 */
export function runLimits<S extends PacingSettings>(key: string, settings: () => S): RunLimits<S> {
	let limits = runs.get(key) as RunLimits<S> | undefined;
	if (!limits) {
		limits = new RunLimits(settings());
		runs.set(key, limits);
	}
	limits.users++;
	return limits;
}

/** A request of the run is finished; the run's limits are forgotten when it was the last. */
export function doneWithRun(key: string): void {
	const limits = runs.get(key);
	if (!limits) return;
	limits.users--;
	if (limits.idle) runs.delete(key);
}

/** How many accounts and node runs are held now (for tests: nothing may pile up). */
export function heldPacing(): { accounts: number; runs: number } {
	return { accounts: accounts.size, runs: runs.size };
}
