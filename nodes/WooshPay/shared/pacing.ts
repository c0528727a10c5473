import { sleep } from 'n8n-workflow';

/**
 * Paces the requests of one node run: at most `maxParallel` in flight, at most `maxPerSecond`
 * started per second (0: no cap of its own), and a rate learnt from WooshPay's 429 answers.
 *
 * The engine starts every item's request at once; each goes through `acquire` first. On a
 * 429 the pace drops to just under what WooshPay let through in the last second, then climbs
 * back by RECOVERY requests per second each second, so a run that starts too fast settles
 * near the allowed rate instead of hammering it.
 */

export interface PacingSettings {
	maxParallel: number;
	maxPerSecond: number;
}

const RECOVERY = 2;
const WINDOW_MS = 1000;

export class Pacer<S extends PacingSettings = PacingSettings> {
	private inFlight = 0;

	private readonly waiting: Array<() => void> = [];

	private nextStart = 0;

	private learntRate = Infinity;

	private lastCut = 0;

	private readonly recentSuccesses: number[] = [];

	/** The run's settings, read once for all its items. */
	constructor(readonly settings: S) {}

	/** Requests per second allowed now: the cap, or the learnt rate as it recovers. */
	rate(now = Date.now()): number {
		const learnt = this.learntRate + (RECOVERY * (now - this.lastCut)) / 1000;
		const cap = this.settings.maxPerSecond > 0 ? this.settings.maxPerSecond : Infinity;
		return Math.min(cap, learnt);
	}

	/** Waits for a free slot and for this request's turn in the pace. */
	async acquire(): Promise<void> {
		if (this.inFlight >= Math.max(1, this.settings.maxParallel)) {
			await new Promise<void>((resolve) => this.waiting.push(resolve));
		} else {
			this.inFlight++;
		}
		const now = Date.now();
		const rate = this.rate(now);
		if (!Number.isFinite(rate)) return;
		const start = Math.max(now, this.nextStart);
		this.nextStart = start + 1000 / rate;
		if (start > now) await sleep(start - now);
	}

	/** Frees the slot; a waiting request takes it over. */
	release(): void {
		const next = this.waiting.shift();
		if (next) next();
		else this.inFlight--;
	}

	succeeded(now = Date.now()): void {
		this.recentSuccesses.push(now);
		while (this.recentSuccesses.length && this.recentSuccesses[0] <= now - WINDOW_MS) this.recentSuccesses.shift();
	}

	/** WooshPay answered 429: slow down to what it let through, at most once a second. */
	throttled(now = Date.now()): void {
		if (now - this.lastCut < WINDOW_MS) return;
		while (this.recentSuccesses.length && this.recentSuccesses[0] <= now - WINDOW_MS) this.recentSuccesses.shift();
		const current = this.rate(now);
		const letThrough = this.recentSuccesses.length;
		const next = letThrough > 0 ? letThrough * 0.95 : Number.isFinite(current) ? current / 2 : 1;
		this.learntRate = Math.max(1, Math.min(next, Number.isFinite(current) ? current : next));
		this.lastCut = now;
	}

	get idle(): boolean {
		return this.inFlight === 0 && this.waiting.length === 0;
	}
}

const pacers = new Map<string, Pacer<PacingSettings>>();

/** The pacer shared by the requests of one node in one execution; the first request makes it. */
export function pacerFor<S extends PacingSettings>(key: string, settings: () => S): Pacer<S> {
	let pacer = pacers.get(key) as Pacer<S> | undefined;
	if (!pacer) {
		pacer = new Pacer(settings());
		pacers.set(key, pacer);
	}
	return pacer;
}

/** Forgets a pacer once nothing of its run is waiting or in flight. */
export function dropIfIdle(key: string): void {
	if (pacers.get(key)?.idle) pacers.delete(key);
}
