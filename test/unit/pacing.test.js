// @ts-check
'use strict';

const { AccountPace, KEEP_LEARNT_MS, RunLimits, Stopped, accountPace, heldPacing, pause } = require('../../dist/nodes/WooshPay/shared/pacing');

/**
 * The pacing arithmetic, with explicit clock values. Waiting itself, across executions, is
 * exercised through the engine in test/node/retries.test.js and test/node/transport.test.js.
 */
describe('AccountPace', () => {
	test('nothing learnt yet: no rate limit of its own', () => {
		expect(new AccountPace().rate(1000)).toBe(Infinity);
	});

	test('a 429 drops the rate just under what WooshPay let through in the last second; it climbs back to that at 2/s per second, then on at 0.5/s', () => {
		const pace = new AccountPace();
		for (let i = 0; i < 40; i++) pace.succeeded(10_000 + i * 20); // 40 in the last second
		pace.throttled(10_900);
		expect(pace.rate(10_900)).toBeCloseTo(38);
		expect(pace.rate(11_400)).toBeCloseTo(39);
		expect(pace.rate(11_900)).toBeCloseTo(40);
		expect(pace.rate(13_900)).toBeCloseTo(41);
	});

	test('a 429 for a request sent before the last cut does not cut again; one sent after it does, below the present rate', () => {
		const pace = new AccountPace();
		for (let i = 0; i < 20; i++) pace.succeeded(5_000 + i);
		pace.throttled(5_100, 5_050);
		const after = pace.rate(5_100);
		expect(after).toBeCloseTo(19);
		pace.throttled(5_600, 5_090);
		expect(pace.rate(5_600)).toBeCloseTo(after + 1);
		const present = pace.rate(5_700);
		pace.throttled(5_700, 5_650);
		expect(pace.rate(5_700)).toBeCloseTo(present * 0.9);
	});

	test("a 429 with nothing let through halves the node's own cap, or drops to 1/s without one", () => {
		const capped = new AccountPace();
		capped.throttled(1_000, 1_000, 10);
		expect(capped.rate(1_000)).toBe(5);
		const uncapped = new AccountPace();
		uncapped.throttled(1_000, 1_000, 0);
		expect(uncapped.rate(1_000)).toBe(1);
	});

	test('forgettable: at once when nothing was learnt, KEEP_LEARNT_MS after its last use when something was', () => {
		const pace = new AccountPace();
		expect(pace.forgettable(0)).toBe(true);
		pace.inFlight = 1;
		expect(pace.forgettable(0)).toBe(false);
		pace.inFlight = 0;
		pace.throttled(1_000);
		pace.lastUsed = 1_000;
		expect(pace.forgettable(1_000 + KEEP_LEARNT_MS)).toBe(false);
		expect(pace.forgettable(1_001 + KEEP_LEARNT_MS)).toBe(true);
	});

	test('the table forgets accounts not used for a while when a new one comes', () => {
		const before = heldPacing().accounts;
		const old = accountPace('unit-old', 1_000);
		old.throttled(1_000);
		expect(heldPacing().accounts).toBe(before + 1);
		expect(accountPace('unit-old', 2_000)).toBe(old);
		accountPace('unit-new', 3_000 + KEEP_LEARNT_MS);
		expect(accountPace('unit-new', 3_000 + KEEP_LEARNT_MS)).not.toBe(old);
		expect(heldPacing().accounts).toBeLessThanOrEqual(before + 1);
	});
});

describe('AccountPace: requests on their way', () => {
	const tick = () => new Promise((resolve) => setImmediate(resolve));

	test("at most the requesting node's Max Parallel Requests for the whole account; a cancelled wait leaves", async () => {
		const pace = new AccountPace();
		/** @type {string[]} */
		const started = [];
		const controller = new AbortController();
		await pace.startSending(2, undefined);
		await pace.startSending(2, undefined);
		void pace.startSending(2, undefined).then(() => started.push('third'));
		const cancelled = pace.startSending(2, controller.signal);
		void pace.startSending(5, undefined).then(() => started.push('wider'));
		await tick();
		expect(started).toEqual(['wider']);
		controller.abort();
		await expect(cancelled).rejects.toBeInstanceOf(Stopped);
		pace.doneSending();
		pace.doneSending();
		await tick();
		expect(started).toEqual(['wider', 'third']);
	});
});

describe('RunLimits', () => {
	const tick = () => new Promise((resolve) => setImmediate(resolve));

	test('at most maxParallel in flight; a released slot goes to the next waiting request', async () => {
		const limits = new RunLimits({ maxParallel: 2, maxPerSecond: 0 });
		/** @type {number[]} */
		const started = [];
		/** @param {number} n */
		const go = (n) => limits.acquire(undefined).then(() => started.push(n));
		void go(1);
		void go(2);
		void go(3);
		await tick();
		expect(started).toEqual([1, 2]);
		expect(limits.idle).toBe(false);
		limits.release();
		await tick();
		expect(started).toEqual([1, 2, 3]);
		limits.release();
		limits.release();
		expect(limits.idle).toBe(true);
	});

	test('a cancelled execution: a waiting request leaves the queue with Stopped and never takes a slot', async () => {
		const limits = new RunLimits({ maxParallel: 1, maxPerSecond: 0 });
		const controller = new AbortController();
		await limits.acquire(controller.signal);
		const waiting = limits.acquire(controller.signal);
		controller.abort();
		await expect(waiting).rejects.toBeInstanceOf(Stopped);
		limits.release();
		expect(limits.idle).toBe(true);
		await expect(limits.acquire(controller.signal)).rejects.toBeInstanceOf(Stopped);
		expect(limits.idle).toBe(true);
	});
});

describe('pause', () => {
	test('ends with Stopped as soon as the signal aborts', async () => {
		const controller = new AbortController();
		const waiting = pause(60_000, controller.signal);
		controller.abort();
		await expect(waiting).rejects.toBeInstanceOf(Stopped);
	});
});
