import { sleep } from 'n8n-workflow';

/**
 * When a request to WooshPay may start. Two limits apply to every request:
 *
 * - The account's pace (`AccountPace`), one per WooshPay account (credential and base URL) in
 *   this n8n process, shared by every execution and node that uses the account, because
 *   WooshPay limits the account, not the execution. It learns the allowed rate from WooshPay's
 *   429 answers, as TCP learns a link's: each 429 for a request sent after the last cut
 *   multiplies the rate by CUT, and between cuts the rate climbs ever faster (CLIMB_LINEAR ×
 *   t + CLIMB_QUADRATIC × t², t the seconds since the cut), with no ceiling. Several n8n
 *   processes on one account (queue mode) cannot see each other's pace, but each meets the
 *   same 429s: a cut takes more from a fast process than from a slow one and the climb gives
 *   both the same, so their rates draw together, and a process that starts while others use
 *   the whole account climbs to its share in a few seconds. The pace is kept while requests run
 *   and for KEEP_LEARNT_MS after the last one (a loop's next round starts at the learnt rate),
 *   then forgotten at the next look-up: the table holds only accounts in recent use.
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

/** Where the pace reads the time: Date.now in n8n, a clock of their own in the unit tests. */
export interface Clock {
	now(): number;
}

const systemClock: Clock = { now: () => Date.now() };

/** A cut keeps this share of the rate: enough off to end the 429s at once, not so much that the account sits idle. */
const CUT = 0.75;
/** Requests per second the rate climbs per second since the cut, at first… */
const CLIMB_LINEAR = 2;
/** …plus this × t², so that a process cut far below its share (it met the limit while others used it) is back within seconds. */
const CLIMB_QUADRATIC = 2;
/** No cut goes below one request per second: the pace must keep asking to find out when WooshPay allows more. */
const MIN_RATE = 1;
/** Below this share of its rate sent in the last second, the pace was not what held requests back (a quiet spell, or a long climb): a cut starts from what got through instead. */
const IN_USE_SHARE = 0.5;
/** Requests a fresh pace lets out at once before its first answer; each answer that is not a 429 lets one more out (doubling per round trip, up to Max Parallel Requests), so that a process starting while others use the whole account meets the limit with one 429 instead of a burst of them. */
const OPENING_WINDOW = 1;
/** The window for what was sent and let through "in the last second". */
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

/** Drops the times older than the window from the front of a list of times. */
function keepLastSecond(times: number[], now: number): number {
	while (times.length && times[0] <= now - WINDOW_MS) times.shift();
	return times.length;
}

/** The pace of one WooshPay account, learnt from its 429 answers and shared by all its requests. */
export class AccountPace {
	/** The rate the last cut set (Infinity: nothing learnt yet). */
	private cutRate = Infinity;

	private lastCut = -Infinity;

	/** When the last request went out, for the spacing of the next. */
	private lastStart = -Infinity;

	private readonly recentSends: number[] = [];

	private readonly recentSuccesses: number[] = [];

	/** Requests of the account not finished yet, waits and retries included. */
	inFlight = 0;

	lastUsed = 0;

	/** Requests of the account on their way to WooshPay now. */
	private sending = 0;

	private waitingToSend: Array<() => void> = [];

	/** How many requests may be on their way until the first cut (see OPENING_WINDOW). */
	private openingWindow = OPENING_WINDOW;

	constructor(private readonly clock: Clock = systemClock) {}

	/**
	 * Waits until fewer than `maxParallel` requests of the account are on their way (the
	 * requesting node's Max Parallel Requests); the caller calls `doneSending` after. Without
	 * this, executions running at once would each send their own Max Parallel Requests, and a
	 * first burst that meets the account's limit would come back as that many 429s. Until the
	 * first cut, the opening window (OPENING_WINDOW) keeps the limit lower still.
	 */
	async startSending(maxParallel: number, signal: AbortSignal | undefined): Promise<void> {
		while (this.sending >= Math.max(1, Math.min(maxParallel, this.openingWindow))) {
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
	 * Requests per second allowed now (Infinity: nothing learnt): the cut's rate plus
	 * CLIMB_LINEAR × t + CLIMB_QUADRATIC × t², t the seconds since the cut.
	 */
	rate(now = this.clock.now()): number {
		if (!Number.isFinite(this.cutRate)) return Infinity;
		const seconds = Math.max(0, now - this.lastCut) / 1000;
		return this.cutRate + CLIMB_LINEAR * seconds + CLIMB_QUADRATIC * seconds * seconds;
	}

	/**
	 * Waits for the request's turn at the account's rate and returns when it went out. The rate
	 * is read again after each wait rather than once in advance, so a cut slows the requests
	 * already waiting too: sent at the old rate, they would meet the limit and cut again.
	 */
	async turn(signal: AbortSignal | undefined): Promise<number> {
		for (;;) {
			if (signal?.aborted) throw new Stopped();
			const now = this.clock.now();
			const gap = 1000 / this.rate(now);
			const start = this.lastStart + gap;
			if (start <= now) {
				// A turn taken late by less than a gap keeps the cadence (timers fire late on a busy
				// machine, and the rate would fall short of the pace); after a pause it starts anew.
				this.lastStart = start > now - gap ? start : now;
				this.recentSends.push(now);
				keepLastSecond(this.recentSends, now);
				return now;
			}
			await pause(start - now, signal);
		}
	}

	/**
	 * WooshPay answered without a 429 (a success, or an error of another kind): the account's
	 * limit did not hold the request back, so the opening window lets one more request out.
	 */
	answered(): void {
		if (Number.isFinite(this.openingWindow)) this.openingWindow++;
	}

	/** WooshPay carried a request out. */
	succeeded(): void {
		this.answered();
		const now = this.clock.now();
		this.recentSuccesses.push(now);
		keepLastSecond(this.recentSuccesses, now);
	}

	/**
	 * WooshPay answered 429 to a request sent at `sentAt` (as `turn` returned it): cut the rate
	 * to CUT × the present rate. A request sent before the last cut says nothing new, since that
	 * cut already answered it. When the pace did not hold requests back (nothing learnt yet, or
	 * less than IN_USE_SHARE of the rate sent in the last second: its climb since the last cut
	 * says nothing of the account), the cut starts from what WooshPay let through in the last
	 * second instead. `cap` is the requesting node's own Max Requests per Second (0: none), the
	 * rate it was sent at when the pace allows more.
	 */
	throttled(sentAt: number, cap = 0): void {
		if (sentAt < this.lastCut) return;
		const now = this.clock.now();
		const sent = keepLastSecond(this.recentSends, now);
		const letThrough = keepLastSecond(this.recentSuccesses, now);
		const ownCap = cap > 0 ? cap : Infinity;
		const present = Math.min(this.rate(now), ownCap);
		const inUse = Number.isFinite(present) && sent >= IN_USE_SHARE * present;
		const from = inUse ? present : Math.min(letThrough, ownCap);
		this.cutRate = Math.max(MIN_RATE, from * CUT);
		this.lastCut = now;
		// From the first cut on, the rate spaces the requests: the opening window has done its part.
		this.openingWindow = Infinity;
	}

	/** Whether nothing is running and nothing learnt is worth keeping any more. */
	forgettable(now = this.clock.now()): boolean {
		return this.inFlight === 0 && (!Number.isFinite(this.cutRate) || now - this.lastUsed > KEEP_LEARNT_MS);
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
