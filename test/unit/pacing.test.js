// @ts-check
'use strict';

const { AccountPace, KEEP_LEARNT_MS, RunLimits, Stopped, accountPace, heldPacing, pause } = require('../../dist/nodes/WooshPay/shared/pacing');

/**
 * The pacing arithmetic, with explicit clock values. Waiting itself, across executions, is
 * exercised through the engine in test/node/retries.test.js and test/node/transport.test.js.
 */
/** A clock the test moves by hand. */
function handClock(at = 0) {
	return { at, now() { return this.at; } };
}

/**
 * Requests sent through the pace's own turns from `from` to `to` (clock times), each as soon as
 * the rate allows, so that the pace counts as in use; returns how many went out.
 * @param {InstanceType<typeof AccountPace>} pace
 * @param {{ at: number }} clock
 * @param {number} from
 * @param {number} to
 */
async function sendAtPace(pace, clock, from, to) {
	let sent = 0;
	for (let t = from; t < to; t += 1000 / pace.rate(t) + 0.01) {
		clock.at = t;
		expect(await pace.turn(undefined)).toBe(t);
		sent++;
	}
	clock.at = to;
	return sent;
}

/**
 * The pacing arithmetic, with explicit clock values. Waiting itself, across executions, is
 * exercised through the engine in test/node/retries.test.js and test/node/transport.test.js.
 */
describe('AccountPace', () => {
	test('nothing learnt yet: no rate limit of its own', () => {
		expect(new AccountPace(handClock(1000)).rate()).toBe(Infinity);
	});

	test("the first 429 cuts to 0.75 × what WooshPay let through in the last second, never below 1/s", () => {
		const clock = handClock();
		const pace = new AccountPace(clock);
		for (let i = 0; i < 40; i++) {
			clock.at = 10_000 + i * 20;
			pace.succeeded();
		}
		clock.at = 10_900;
		pace.throttled(10_890);
		expect(pace.rate()).toBeCloseTo(30);
		const starved = new AccountPace(handClock(5_000));
		starved.throttled(5_000);
		expect(starved.rate()).toBe(1);
	});

	test('after a cut the rate climbs by 2t + 2t² (t in seconds since the cut), with no ceiling', () => {
		const clock = handClock();
		const pace = new AccountPace(clock);
		for (let i = 0; i < 4; i++) pace.succeeded();
		pace.throttled(0);
		expect(pace.rate(0)).toBeCloseTo(3);
		expect(pace.rate(500)).toBeCloseTo(3 + 1 + 0.5);
		expect(pace.rate(1_000)).toBeCloseTo(3 + 2 + 2);
		expect(pace.rate(3_000)).toBeCloseTo(3 + 6 + 18);
		expect(pace.rate(5_000)).toBeCloseTo(3 + 10 + 50);
	});

	test('a 429 for a request sent after the last cut, while the pace is in use, cuts 0.75 × the present rate; one sent before the cut changes nothing', async () => {
		const clock = handClock();
		const pace = new AccountPace(clock);
		for (let i = 0; i < 40; i++) pace.succeeded();
		pace.throttled(0);
		expect(pace.rate()).toBeCloseTo(30);
		await sendAtPace(pace, clock, 0, 1_000);
		pace.throttled(-1);
		expect(pace.rate()).toBeCloseTo(34);
		pace.throttled(999);
		expect(pace.rate()).toBeCloseTo(34 * 0.75);
		clock.at = 1_200;
		pace.throttled(999);
		expect(pace.rate()).toBeCloseTo(34 * 0.75 + 0.4 + 0.08);
	});

	test('a 429 after a quiet spell (far less sent in the last second than the climbed rate allows) cuts from what got through', async () => {
		const clock = handClock();
		const pace = new AccountPace(clock);
		for (let i = 0; i < 40; i++) pace.succeeded();
		pace.throttled(0);
		expect(pace.rate(10_000)).toBeCloseTo(30 + 20 + 200);
		for (const t of [9_200, 9_400, 9_600, 9_800, 10_000]) {
			clock.at = t;
			await pace.turn(undefined);
			pace.succeeded();
		}
		pace.throttled(10_000);
		expect(pace.rate()).toBeCloseTo(5 * 0.75);
	});

	test("the node's own Max Requests per Second: a 429 cuts from it when it held the requests back, from what got through otherwise", async () => {
		const clock = handClock();
		const capped = new AccountPace(clock);
		for (let t = 0; t < 1_000; t += 100) {
			clock.at = t;
			await capped.turn(undefined);
		}
		capped.throttled(900, 10);
		expect(capped.rate()).toBeCloseTo(7.5);
		const idle = new AccountPace(handClock(1_000));
		idle.throttled(1_000, 10);
		expect(idle.rate()).toBe(1);
	});

	test('two paces (two n8n processes on one account) fed the same 429s draw together: each cut shrinks the gap between them to 0.75 ×', async () => {
		const fastClock = handClock();
		const slowClock = handClock();
		const fast = new AccountPace(fastClock);
		const slow = new AccountPace(slowClock);
		for (let i = 0; i < 48; i++) fast.succeeded();
		for (let i = 0; i < 2; i++) slow.succeeded();
		fast.throttled(0);
		slow.throttled(0);
		let gap = fast.rate() - slow.rate();
		expect(gap).toBeCloseTo(36 - 1.5);
		for (let cut = 1; cut <= 8; cut++) {
			const at = cut * 2_000;
			await sendAtPace(fast, fastClock, at - 1_000, at);
			await sendAtPace(slow, slowClock, at - 1_000, at);
			fast.throttled(at);
			slow.throttled(at);
			const next = fast.rate() - slow.rate();
			expect(next).toBeCloseTo(gap * 0.75);
			gap = next;
		}
		expect(slow.rate() / fast.rate()).toBeGreaterThan(0.85);
	});

	test('forgettable: at once when nothing was learnt, KEEP_LEARNT_MS after its last use when something was', () => {
		const clock = handClock(1_000);
		const pace = new AccountPace(clock);
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
		old.throttled(Date.now());
		expect(heldPacing().accounts).toBe(before + 1);
		expect(accountPace('unit-old', 2_000)).toBe(old);
		accountPace('unit-new', 3_000 + KEEP_LEARNT_MS);
		expect(accountPace('unit-new', 3_000 + KEEP_LEARNT_MS)).not.toBe(old);
		expect(heldPacing().accounts).toBeLessThanOrEqual(before + 1);
	});
});

describe('AccountPace: requests on their way', () => {
	const tick = () => new Promise((resolve) => setImmediate(resolve));

	test('a fresh pace lets one request out until an answer comes; each success lets one more out, up to Max Parallel Requests; a cut ends the opening', async () => {
		const pace = new AccountPace(handClock());
		/** @type {number[]} */
		const started = [];
		await pace.startSending(20, undefined);
		for (let n = 1; n <= 4; n++) void pace.startSending(20, undefined).then(() => started.push(n));
		await tick();
		expect(started).toEqual([]);
		pace.succeeded();
		pace.doneSending();
		await tick();
		expect(started).toEqual([1, 2]);
		pace.succeeded();
		pace.doneSending();
		await tick();
		expect(started).toEqual([1, 2, 3, 4]);
		const cut = new AccountPace(handClock());
		await cut.startSending(20, undefined);
		cut.throttled(0);
		for (let n = 0; n < 19; n++) await cut.startSending(20, undefined);
		void cut.startSending(20, undefined).then(() => started.push(21));
		await tick();
		expect(started).toEqual([1, 2, 3, 4]);
	});

	test('an answer other than 429 (an error of another kind) widens the opening as a success does; a 429 does not', async () => {
		const pace = new AccountPace(handClock());
		/** @type {string[]} */
		const started = [];
		await pace.startSending(20, undefined);
		void pace.startSending(20, undefined).then(() => started.push('second'));
		void pace.startSending(20, undefined).then(() => started.push('third'));
		pace.answered();
		pace.doneSending();
		await tick();
		expect(started).toEqual(['second', 'third']);
		const throttled = new AccountPace(handClock());
		await throttled.startSending(20, undefined);
		void throttled.startSending(20, undefined).then(() => started.push('after 429'));
		void throttled.startSending(20, undefined).then(() => started.push('not yet'));
		// A 429 answer: transport.ts calls throttled(), not answered(); before the cut the window stays 1.
		throttled.doneSending();
		await tick();
		expect(started).toEqual(['second', 'third', 'after 429']);
	});

	test("at most the requesting node's Max Parallel Requests for the whole account; a cancelled wait leaves", async () => {
		const pace = new AccountPace();
		for (let i = 0; i < 5; i++) pace.succeeded();
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
