// @ts-check
'use strict';

const { byId, useSimulator } = require('../harness/fixtures');

/**
 * Retries and pacing through the engine: 429 (with and without Retry-After), 5xx and dropped
 * connections are sent again with backoff, keeping the idempotency key; other 4xx are not;
 * a throttled bulk run completes with every item applied exactly once.
 */
const t = useSimulator();

/** @param {object} [options] */
const block = (id = 'ich_sandbox_1', options = {}) => ({
	resource: 'cardholder',
	operation: 'update',
	cardholderId: byId(id),
	updateFields: { status: 'blocked' },
	options,
});

const keysOf = () => t.sim.requests.map((r) => r.headers['idempotency-key']);

test('429 with Retry-After, then success: sent twice with the same idempotency key, one output', async () => {
	t.sim.fail({ status: 429, headers: { 'retry-after': '1' }, body: { error: { type: 'invalid_request_error', code: 'rate_limit', message: 'Slow down' } } });
	const result = await t.run(block());
	expect(result.status).toBe('success');
	expect(result.output).toHaveLength(1);
	expect(t.sim.requests).toHaveLength(2);
	const [first, second] = keysOf();
	expect(first).toMatch(/^n8n-[0-9a-f]{40}$/);
	expect(second).toBe(first);
	expect(t.sim.mutations).toHaveLength(1);
});

test('5xx then success', async () => {
	t.sim.fail({ status: 503, body: { error: { type: 'api_error', message: 'busy' } } });
	t.sim.fail({ status: 500, body: { error: { type: 'api_error', message: 'oops' } } });
	const result = await t.run(block());
	expect(result.status).toBe('success');
	expect(t.sim.requests).toHaveLength(3);
	expect(new Set(keysOf()).size).toBe(1);
});

test('a dropped connection then success; WooshPay replays the stored answer rather than applying twice', async () => {
	// The first request is applied, but its answer is lost on the way back.
	const original = t.sim.handle.bind(t.sim);
	let dropped = false;
	t.sim.server.removeAllListeners('request');
	t.sim.server.on('request', (req, res) => {
		if (!dropped) {
			dropped = true;
			res.end = /** @type {typeof res.end} */ (() => {
				req.socket.destroy();
				return res;
			});
		}
		void original(req, res);
	});
	try {
		const result = await t.run(block('ich_sandbox_2'));
		expect(result.status).toBe('success');
		expect(t.sim.requests).toHaveLength(2);
		expect(new Set(keysOf()).size).toBe(1);
		expect(t.sim.mutations).toHaveLength(1);
		expect(result.output[0].json).toMatchObject({ id: 'ich_sandbox_2', status: 'blocked' });
	} finally {
		t.sim.server.removeAllListeners('request');
		t.sim.server.on('request', (req, res) => void original(req, res));
	}
});

test('other 4xx are not retried', async () => {
	t.sim.fail({ status: 400, body: { error: { type: 'invalid_request_error', message: 'bad' } } });
	const result = await t.run(block());
	expect(result.status).toBe('error');
	expect(t.sim.requests).toHaveLength(1);
});

test('retries stop at Max Retries and say how often the request was sent', async () => {
	t.sim.fail({ status: 503, body: { error: { type: 'api_error', message: 'busy' } } }, 3);
	const result = await t.run(block('ich_sandbox_1', { maxRetries: 2 }));
	expect(result.status).toBe('error');
	expect(t.sim.requests).toHaveLength(3);
	expect(result.error?.message).toBe('WooshPay error 503 Service Unavailable: busy (type api_error) [item 0]');
	expect(result.error?.description).toContain('(Sent 3 times.)');
});

test('different items get different keys; the same item in a new execution gets a new key', async () => {
	// Each item's key by its path: the two requests are sent side by side, in either order.
	const keysByPath = () => Object.fromEntries(t.sim.requests.map((r) => [r.path, r.headers['idempotency-key']]));
	await t.run(block('={{ $json.id }}'), { items: [{ id: 'ich_sandbox_1' }, { id: 'ich_sandbox_2' }], executionId: 'exec-a' });
	const firstRun = keysOf();
	const firstByPath = keysByPath();
	expect(new Set(firstRun).size).toBe(2);
	expect(Object.keys(firstByPath)).toHaveLength(2);
	t.sim.reset();
	await t.run(block('={{ $json.id }}'), { items: [{ id: 'ich_sandbox_1' }, { id: 'ich_sandbox_2' }], executionId: 'exec-a' });
	expect(keysByPath()).toEqual(firstByPath);
	t.sim.reset();
	await t.run(block('={{ $json.id }}'), { items: [{ id: 'ich_sandbox_1' }, { id: 'ich_sandbox_2' }], executionId: 'exec-b' });
	expect(keysOf().some((key) => firstRun.includes(key))).toBe(false);
});

test('without an execution ID, each run gets fresh keys (no stale replay of an earlier run)', async () => {
	await t.run(block('ich_sandbox_1'), { executionId: '' });
	await t.run(block('ich_sandbox_1'), { executionId: '' });
	const [first, second] = keysOf();
	expect(first).toMatch(/^n8n-[0-9a-f-]{36}$/);
	expect(second).not.toBe(first);
	expect(t.sim.mutations).toHaveLength(2);
});

test('a key of your own is sent as given', async () => {
	await t.run(block('={{ $json.id }}', { idempotencyKey: '={{ "block-" + $json.id }}' }), { items: [{ id: 'ich_sandbox_3' }] });
	expect(keysOf()).toEqual(['block-ich_sandbox_3']);
});

test("n8n's Retry On Fail after a failure: items already done are replayed by WooshPay, not applied twice", async () => {
	// Item 2 fails once with a 400 (not retried by the node), so n8n's Retry On Fail runs the
	// node again for all three items, in the same execution.
	t.sim.fail({ status: 400, body: { error: { type: 'invalid_request_error', message: 'try later' } }, match: (r) => r.path.endsWith('ich_sandbox_2') });
	const result = await t.run(block('={{ $json.id }}'), {
		items: [{ id: 'ich_sandbox_1' }, { id: 'ich_sandbox_2' }, { id: 'ich_sandbox_3' }],
		retryOnFail: true,
		maxTries: 2,
		waitBetweenTries: 0,
		executionId: 'exec-retry',
	});
	expect(result.status).toBe('success');
	expect(t.sim.requests.length).toBe(6);
	const applied = t.sim.mutations.map((m) => m.id).sort();
	expect(applied).toEqual(['ich_sandbox_1', 'ich_sandbox_2', 'ich_sandbox_3']);
	expect(result.output.map((o) => o.json.id)).toEqual(['ich_sandbox_1', 'ich_sandbox_2', 'ich_sandbox_3']);
});

describe('a throttled bulk run', () => {
	const limited = useSimulator({ rateLimit: 20 });

	test('40 items at 20 requests/second: none failed, none applied twice, 429s seen and settled', async () => {
		const ids = Array.from({ length: 40 }, () => limited.sim.addCardholder().id);
		const result = await limited.run(block('={{ $json.id }}'), { items: ids.map((id) => ({ id })) });
		expect(result.status).toBe('success');
		expect(result.output.map((o) => o.json.id)).toEqual(ids);
		expect(result.output.every((o) => o.json.status === 'blocked')).toBe(true);
		const throttled = limited.sim.requests.length - ids.length;
		expect(throttled).toBeGreaterThan(0);
		const applied = limited.sim.mutations.map((m) => m.id).sort();
		expect(applied).toEqual([...ids].sort());
	});
});
