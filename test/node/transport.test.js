// @ts-check
'use strict';

const { heldPacing } = require('../../dist/nodes/WooshPay/shared/pacing');
const { byId, useSimulator } = require('../harness/fixtures');

/**
 * The transport through the engine: one pace per WooshPay account across executions, Stop
 * (no request sent or retried after it, in-flight ones aborted), nothing left behind after
 * many executions, the routing's postReceive running on every answer.
 */
const t = useSimulator();

/** @param {string} id @param {object} [options] */
const update = (id, status = 'blocked', options = {}) => ({
	resource: 'cardholder',
	operation: 'update',
	cardholderId: byId(id),
	updateFields: { status },
	options,
});

const tooMany = { status: 429, body: { error: { type: 'invalid_request_error', code: 'rate_limit', message: 'Too many requests' } } };

/** @param {() => boolean} condition */
const waitUntil = async (condition) => {
	for (let i = 0; i < 400 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
	if (!condition()) throw new Error(`condition not met within 4 s (${t.sim.requests.length} requests, ${t.sim.closedEarly} closed early)`);
};

test("a rate learnt in one execution paces the next execution's requests to the same account", async () => {
	// Execution A meets a 429 with nothing let through: its account's pace drops to what got
	// through (nothing: the floor of 1/s), then climbs by 2t + 2t² in the t seconds after.
	t.sim.fail(tooMany);
	const first = await t.run(update('ich_sandbox_1', 'blocked', { maxPerSecond: 4 }), { credentialId: 'account-a' });
	expect(first.status).toBe('success');
	const learntAt = t.sim.requests[0].receivedAt;
	t.sim.reset();
	// Execution B, no cap of its own, three items: spaced by the account's learnt rate. Without
	// a shared pace the three requests would leave together.
	const second = await t.run(update('={{ $json.id }}'), {
		credentialId: 'account-a',
		items: [{ id: 'ich_sandbox_1' }, { id: 'ich_sandbox_2' }, { id: 'ich_sandbox_3' }],
	});
	expect(second.status).toBe('success');
	expect(second.output.map((item) => item.json.id)).toEqual(['ich_sandbox_1', 'ich_sandbox_2', 'ich_sandbox_3']);
	const times = t.sim.requests.map((r) => r.receivedAt);
	// The rate is at most 1 + 2t + 2t², t the seconds since the 429. The pace keeps a cadence (a
	// turn taken late lets the next one go sooner), so two requests may come close together, but
	// the three span at least one gap at the highest rate (less a little for the clock's
	// granularity); without a shared pace they would leave together.
	const seconds = (times[times.length - 1] - learntAt) / 1000;
	const highestRate = 1 + 2 * seconds + 2 * seconds * seconds;
	expect(times[times.length - 1] - times[0]).toBeGreaterThanOrEqual(1000 / highestRate - 15);
});

test('two executions at once on one account keep together to Max Parallel Requests', async () => {
	const items = Array.from({ length: 6 }, (_, i) => ({ id: `ich_sandbox_${(i % 3) + 1}` }));
	for (let i = 0; i < 12; i++) t.sim.fail({ status: 200, delayMs: 40, body: { id: 'slow', object: 'issuing.cardholder' } });
	const both = await Promise.all(
		[1, 2].map((n) => t.run(update('={{ $json.id }}', 'blocked', { maxParallel: 2 }), { items, credentialId: 'account-shared', executionId: `shared-${n}` })),
	);
	expect(both.map((r) => r.status)).toEqual(['success', 'success']);
	expect(t.sim.requests).toHaveLength(12);
	expect(t.sim.mostActive).toBe(2);
});

test('another WooshPay account (another credential) does not share the pace', async () => {
	t.sim.fail(tooMany);
	await t.run(update('ich_sandbox_1', 'blocked', { maxPerSecond: 1 }), { credentialId: 'account-slow' });
	const before = heldPacing().accounts;
	t.sim.reset();
	const other = await t.run(update('ich_sandbox_2'), { credentialId: 'account-other' });
	expect(other.status).toBe('success');
	// account-other learnt nothing, so it was forgotten as soon as its request ended; account-slow
	// keeps its learnt rate.
	expect(heldPacing().accounts).toBe(before);
});

test('Stop: requests still waiting are never sent, failed ones are not retried, in-flight ones are aborted', async () => {
	const items = Array.from({ length: 12 }, (_, i) => ({ id: `ich_sandbox_${(i % 3) + 1}` }));
	// Two in flight at a time; the first two answers are slow 503s, which would be retried.
	t.sim.fail({ status: 503, delayMs: 300, body: { error: { type: 'api_error', message: 'busy' } } }, 2);
	t.sim.fail({ status: 200, delayMs: 5_000, body: {} }, 2);
	let stop = () => {};
	const running = t.run(update('={{ $json.id }}', 'blocked', { maxParallel: 2 }), { items, onStart: (s) => (stop = s) });
	// The 503s came back and were retried: the two retries are now in flight (slow answers).
	await waitUntil(() => t.sim.requests.length === 4);
	stop();
	const sentAtStop = t.sim.requests.length;
	void running;
	await waitUntil(() => t.sim.closedEarly === 2);
	await new Promise((resolve) => setTimeout(resolve, 1_500));
	expect(t.sim.requests).toHaveLength(sentAtStop);
	expect(t.sim.closedEarly).toBe(2);
	expect(t.sim.mutations).toHaveLength(0);
	expect(heldPacing().runs).toBe(0);
});

test('Stop during the wait before a retry: the retry is never sent', async () => {
	t.sim.fail({ status: 503, headers: { 'retry-after': '30' }, body: { error: { type: 'api_error', message: 'busy' } } });
	let stop = () => {};
	void t.run(update('ich_sandbox_1'), { onStart: (s) => (stop = s) });
	await waitUntil(() => t.sim.requests.length === 1);
	await new Promise((resolve) => setTimeout(resolve, 100));
	stop();
	await new Promise((resolve) => setTimeout(resolve, 1_000));
	expect(t.sim.requests).toHaveLength(1);
	await waitUntil(() => heldPacing().runs === 0);
});

test('nothing piles up: 300 executions leave no run limits and no account behind', async () => {
	for (let i = 0; i < 300; i++) {
		const result = await t.run(update(`ich_sandbox_${(i % 3) + 1}`, i % 2 ? 'active' : 'blocked'), {
			credentialId: `pile-${i % 7}`,
		});
		expect(result.status).toBe('success');
	}
	expect(heldPacing().runs).toBe(0);
	const accounts = heldPacing().accounts;
	// Accounts that learnt a rate in earlier tests may still be held for a minute; none of these 7.
	await t.run(update('ich_sandbox_1'), { credentialId: 'pile-check' });
	expect(heldPacing().accounts).toBeLessThanOrEqual(accounts);
	expect(accounts).toBeLessThanOrEqual(2);
});

test('the routing postReceive runs on every answer: an error answer is WooshPay\'s error, a success the object', async () => {
	t.sim.fail({ status: 402, body: { error: { type: 'card_error', code: 'card_declined', message: 'Declined' } } });
	const failed = await t.run(update('ich_sandbox_1'));
	expect(failed.error?.message).toBe('WooshPay error 402 Request Failed: Declined (type card_error, code card_declined) [item 0]');
	const ok = await t.run(update('ich_sandbox_1', 'active'));
	expect(ok.output).toEqual([{ json: expect.objectContaining({ id: 'ich_sandbox_1', status: 'active' }), pairedItem: { item: 0 } }]);
});
