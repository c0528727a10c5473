import { Pacer } from '../../nodes/WooshPay/shared/pacing';

/** The pacer's arithmetic, with explicit clock values. Waiting itself is exercised through the engine in test/node/retries.test.ts. */
describe('Pacer', () => {
	test('no cap and no 429 yet: no rate limit of its own', () => {
		expect(new Pacer({ maxParallel: 5, maxPerSecond: 0 }).rate(1000)).toBe(Infinity);
	});

	test('a cap of its own', () => {
		expect(new Pacer({ maxParallel: 5, maxPerSecond: 7 }).rate(1000)).toBe(7);
	});

	test('a 429 drops the rate just under what WooshPay let through in the last second, then it climbs back 2/s per second', () => {
		const pacer = new Pacer({ maxParallel: 50, maxPerSecond: 0 });
		for (let i = 0; i < 40; i++) pacer.succeeded(10_000 + i * 20); // 40 in the last second
		pacer.throttled(10_900);
		expect(pacer.rate(10_900)).toBeCloseTo(38);
		expect(pacer.rate(12_900)).toBeCloseTo(42);
	});

	test('429s within a second of a cut do not cut again', () => {
		const pacer = new Pacer({ maxParallel: 50, maxPerSecond: 0 });
		for (let i = 0; i < 20; i++) pacer.succeeded(5_000 + i);
		pacer.throttled(5_100);
		const after = pacer.rate(5_100);
		pacer.throttled(5_600);
		expect(pacer.rate(5_600)).toBeCloseTo(after + 1);
		pacer.throttled(6_200);
		expect(pacer.rate(6_200)).toBeLessThan(after);
	});

	test('a 429 with nothing let through halves the current rate (never below 1/s)', () => {
		const capped = new Pacer({ maxParallel: 5, maxPerSecond: 10 });
		capped.throttled(1_000);
		expect(capped.rate(1_000)).toBe(5);
		const uncapped = new Pacer({ maxParallel: 5, maxPerSecond: 0 });
		uncapped.throttled(1_000);
		expect(uncapped.rate(1_000)).toBe(1);
	});

	test('at most maxParallel in flight; a released slot goes to the next waiting request', async () => {
		const pacer = new Pacer({ maxParallel: 2, maxPerSecond: 0 });
		const started: number[] = [];
		const go = (n: number) => pacer.acquire().then(() => started.push(n));
		void go(1);
		void go(2);
		void go(3);
		await new Promise((resolve) => setImmediate(resolve));
		expect(started).toEqual([1, 2]);
		expect(pacer.idle).toBe(false);
		pacer.release();
		await new Promise((resolve) => setImmediate(resolve));
		expect(started).toEqual([1, 2, 3]);
		pacer.release();
		pacer.release();
		expect(pacer.idle).toBe(true);
	});
});
