import { AccountPace, KEEP_LEARNT_MS, RunLimits, Stopped, accountPace, heldPacing, pause } from '../../nodes/WooshPay/shared/pacing';

/**
 * The pacing arithmetic, with explicit clock values. Waiting itself, across executions, is
 * exercised through the engine in test/node/retries.test.ts and test/node/transport.test.ts.
 */
describe('AccountPace', () => {
	test('nothing learnt yet: no rate limit of its own', () => {
		expect(new AccountPace().rate(1000)).toBe(Infinity);
	});

	test('a 429 drops the rate just under what WooshPay let through in the last second, then it climbs back 2/s per second', () => {
		const pace = new AccountPace();
		for (let i = 0; i < 40; i++) pace.succeeded(10_000 + i * 20); // 40 in the last second
		pace.throttled(10_900);
		expect(pace.rate(10_900)).toBeCloseTo(38);
		expect(pace.rate(12_900)).toBeCloseTo(42);
	});

	test('429s within a second of a cut do not cut again', () => {
		const pace = new AccountPace();
		for (let i = 0; i < 20; i++) pace.succeeded(5_000 + i);
		pace.throttled(5_100);
		const after = pace.rate(5_100);
		pace.throttled(5_600);
		expect(pace.rate(5_600)).toBeCloseTo(after + 1);
		pace.throttled(6_200);
		expect(pace.rate(6_200)).toBeLessThan(after);
	});

	test("a 429 with nothing let through halves the node's own cap, or drops to 1/s without one", () => {
		const capped = new AccountPace();
		capped.throttled(1_000, 10);
		expect(capped.rate(1_000)).toBe(5);
		const uncapped = new AccountPace();
		uncapped.throttled(1_000, 0);
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

describe('RunLimits', () => {
	const tick = () => new Promise((resolve) => setImmediate(resolve));

	test('at most maxParallel in flight; a released slot goes to the next waiting request', async () => {
		const limits = new RunLimits({ maxParallel: 2, maxPerSecond: 0 });
		const started: number[] = [];
		const go = (n: number) => limits.acquire(undefined).then(() => started.push(n));
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
