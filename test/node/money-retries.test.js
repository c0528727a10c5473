// @ts-check
'use strict';

const diagnostics = require('node:diagnostics_channel');
const net = require('node:net');

const { SECRET_KEY, byId, useSimulator } = require('../harness/fixtures');
const { addPaymentIntent, paymentsOf } = require('../simulator/payments');
const { startSimulator } = require('../simulator/simulator');

/**
 * Issue 16, finding 4: a request that moves money (Refund → Create, Payment Intent → Create
 * with Confirm) is sent again only when WooshPay's answer says it was not carried out (429, 503
 * with Retry-After) or the connection was refused before anything was sent; never after a
 * timeout, a dropped connection or a 500/502/504, unless Options → Retry Money Movements After
 * Unclear Failures is on. Updates are retried as before. A 409 idempotency_error's hint covers
 * "still being processed".
 */
const t = useSimulator();

const HELD_BACK =
	'It moves money and may already have been carried out, so it was not sent again: check in WooshPay whether it was, before you run it again (or allow it in Options → Retry Money Movements After Unclear Failures).';

/** A paid payment intent of its own at `sim`, so that refunds do not eat into each other. */
const paid = (sim = t.sim) => addPaymentIntent(sim, { amount: 5000, currency: 'USD', confirm: true }).id;

/** @param {string} paymentIntentId @param {object} [options] */
const refund = (paymentIntentId, options = {}) => ({
	resource: 'refund',
	operation: 'create',
	paymentIntentId: byId(paymentIntentId),
	additionalFields: { amount: 400 },
	options,
});

/** @param {object} [options] */
const payment = (options = {}) => ({
	resource: 'paymentIntent',
	operation: 'create',
	amount: 2500,
	currency: 'USD',
	additionalFields: { confirm: true, customer: 'cus_sandbox_1', paymentMethodData: { type: 'card' } },
	options,
});

/** The two money movements, each with how to make one and how to count what was carried out. */
const MOVEMENTS = /** @type {const} */ ([
	['Refund → Create', 'refund'],
	['Payment Intent → Create with Confirm', 'payment'],
]);

/**
 * The node's parameters for a money movement at `sim`, and a function that tells how many of
 * them were carried out there.
 * @param {'refund' | 'payment'} kind
 * @param {object} [options]
 */
function movement(kind, options = {}, sim = t.sim) {
	if (kind === 'refund') {
		const pi = paid(sim);
		return { parameters: refund(pi, options), carriedOut: () => paymentsOf(sim).paymentIntents.get(pi).amount_refunded / 400 };
	}
	const before = paymentsOf(sim).paymentIntents.size;
	return { parameters: payment(options), carriedOut: () => paymentsOf(sim).paymentIntents.size - before };
}

const keys = (sim = t.sim) => sim.requests.map((r) => r.headers['idempotency-key']);

/** Timeout of n8n's Request Options (Settings), in milliseconds. */
const SHORT_TIMEOUT = { timeout: 300 };

describe.each(MOVEMENTS)('%s', (_name, kind) => {
	describe('not sent again after an unclear failure', () => {
		test.each([
			['a 500', { status: 500, body: { error: { type: 'api_error', message: 'oops' } } }, 'WooshPay error 500 Internal Server Error: oops (type api_error) [item 0]'],
			['a 502', { status: 502, body: { error: { type: 'api_error', message: 'Upstream failed.' } } }, 'WooshPay error 502 Bad Gateway: Upstream failed. (type api_error) [item 0]'],
			['a 504', { status: 504, body: { error: { type: 'api_error', message: 'Timed out upstream.' } } }, 'WooshPay error 504 Gateway Timeout: Timed out upstream. (type api_error) [item 0]'],
			['a 503 without Retry-After', { status: 503, body: { error: { type: 'api_error', message: 'busy' } } }, 'WooshPay error 503 Service Unavailable: busy (type api_error) [item 0]'],
			['a dropped connection', { reset: true }, () => `Could not reach WooshPay at ${t.sim.url}: the connection was closed before an answer came [item 0]`],
		])('%s: sent once, the item fails with the note', async (_case, fault, message) => {
			const { parameters, carriedOut } = movement(kind);
			t.sim.fail(fault);
			const result = await t.run(parameters);
			expect(result.status).toBe('error');
			expect(result.error?.message).toBe(typeof message === 'function' ? message() : message);
			expect(result.error?.description).toContain(HELD_BACK);
			expect(t.sim.requests.map((r) => [r.method, r.path])).toEqual([['POST', kind === 'refund' ? '/v1/refunds' : '/v1/payment_intents']]);
			expect(carriedOut()).toBe(0);
		});

		test('a timeout (Settings → Timeout): sent once, the item fails with the note', async () => {
			const { parameters } = movement(kind);
			t.sim.fail({ delayMs: 3000, body: {} });
			const result = await t.run({ ...parameters, requestOptions: SHORT_TIMEOUT });
			expect(result.error?.message).toBe(`Could not reach WooshPay at ${t.sim.url}: no answer came in time [item 0]`);
			expect(result.error?.description).toContain(HELD_BACK);
			expect(t.sim.requests).toHaveLength(1);
		});

		test('carried out, then the connection cut before the answer (the simulator’s cutAfterApply): sent once, carried out once', async () => {
			const cutting = await startSimulator({ seed: true, cutAfterApply: 1 });
			try {
				const { parameters, carriedOut } = movement(kind, {}, cutting);
				const result = await t.run(parameters, { credentials: { secretKey: SECRET_KEY, environment: 'custom', baseUrl: cutting.url } });
				expect(result.error?.message).toBe(`Could not reach WooshPay at ${cutting.url}: the connection was closed before an answer came [item 0]`);
				expect(result.error?.description).toContain(HELD_BACK);
				expect(cutting.requests).toHaveLength(1);
				expect(cutting.mutations).toHaveLength(1);
				expect(carriedOut()).toBe(1);
			} finally {
				await cutting.close();
			}
		});
	});

	describe('sent again, with the same key, when WooshPay says it was not carried out', () => {
		test.each([
			['a 429', { status: 429, headers: { 'retry-after': '0' }, body: { error: { type: 'invalid_request_error', code: 'rate_limit', message: 'slow down' } } }],
			['a 503 with Retry-After', { status: 503, headers: { 'retry-after': '0' }, body: { error: { type: 'api_error', message: 'maintenance' } } }],
		])('%s: sent twice, carried out once', async (_case, fault) => {
			const { parameters, carriedOut } = movement(kind);
			t.sim.fail(fault);
			// An account of its own: a 429 slows down the account's pace for the tests after it.
			const result = await t.run(parameters, { credentialId: `throttled-${kind}-${fault.status}` });
			expect(result.status).toBe('success');
			expect(result.output).toHaveLength(1);
			expect(t.sim.requests).toHaveLength(2);
			const [first, second] = keys();
			expect(first).toMatch(/^n8n-[0-9a-f]{40}$/);
			expect(second).toBe(first);
			expect(carriedOut()).toBe(1);
		});

		test('a refused connection: the first attempt truly refused (nothing listens yet), the next reaches WooshPay and is carried out', async () => {
			const late = await refusedFirst();
			try {
				// The simulator that answers later is seeded: pi_sandbox_1 (25.00 USD, paid) is there to refund.
				const parameters = kind === 'refund' ? refund('pi_sandbox_1') : payment();
				const result = await t.run(parameters, { credentials: { secretKey: SECRET_KEY, environment: 'custom', baseUrl: late.url } });
				expect(late.refused).toBe(1);
				const sim = /** @type {import('../harness/fixtures').Simulator} */ (late.sim);
				expect(result.error).toBeUndefined();
				expect(sim.requests.map((r) => [r.method, r.path])).toEqual([['POST', kind === 'refund' ? '/v1/refunds' : '/v1/payment_intents']]);
				expect(sim.requests[0].headers['idempotency-key']).toMatch(/^n8n-[0-9a-f]{40}$/);
				expect(sim.mutations).toHaveLength(1);
				expect(result.output[0].json).toMatchObject({ object: kind === 'refund' ? 'refund' : 'payment_intent' });
			} finally {
				await late.close();
			}
		});
	});

	describe('with Retry Money Movements After Unclear Failures on', () => {
		test.each([
			['a 502', { status: 502, body: { error: { type: 'api_error', message: 'Upstream failed.' } } }],
			['a dropped connection', { reset: true }],
		])('%s: sent again with the same key, carried out once', async (_case, fault) => {
			const { parameters, carriedOut } = movement(kind, { retryMoneyMovements: true });
			t.sim.fail(fault);
			const result = await t.run(parameters);
			expect(result.status).toBe('success');
			expect(t.sim.requests).toHaveLength(2);
			expect(new Set(keys()).size).toBe(1);
			expect(carriedOut()).toBe(1);
		});

		test('a timeout: sent again with the same key', async () => {
			const { parameters, carriedOut } = movement(kind, { retryMoneyMovements: true });
			t.sim.fail({ delayMs: 3000, body: {} });
			const result = await t.run({ ...parameters, requestOptions: SHORT_TIMEOUT });
			expect(result.status).toBe('success');
			expect(t.sim.requests).toHaveLength(2);
			expect(new Set(keys()).size).toBe(1);
			expect(carriedOut()).toBe(1);
		});

		test('carried out and the answer cut: sent again, WooshPay answers from the key, carried out once', async () => {
			const cutting = await startSimulator({ seed: true, cutAfterApply: 1 });
			try {
				const { parameters, carriedOut } = movement(kind, { retryMoneyMovements: true }, cutting);
				const result = await t.run(parameters, { credentials: { secretKey: SECRET_KEY, environment: 'custom', baseUrl: cutting.url } });
				expect(result.status).toBe('success');
				expect(cutting.requests).toHaveLength(2);
				expect(new Set(keys(cutting)).size).toBe(1);
				expect(carriedOut()).toBe(1);
			} finally {
				await cutting.close();
			}
		});
	});
});

describe('every other operation README marks “moves money”', () => {
	const OTHERS = /** @type {Array<[string, object, string]>} */ ([
		['Payment Intent → Capture', { resource: 'paymentIntent', operation: 'capture', paymentIntentId: byId('pi_sandbox_1'), additionalFields: {} }, '/v1/payment_intents/pi_sandbox_1/capture'],
		['Payment Intent → Confirm', { resource: 'paymentIntent', operation: 'confirm', paymentIntentId: byId('pi_sandbox_4'), additionalFields: {} }, '/v1/payment_intents/pi_sandbox_4/confirm'],
		[
			'Payout → Create',
			{ resource: 'payout', operation: 'create', beneficiaryFrom: 'saved', beneficiary: 'bf_sandbox_1', amountGivenAs: 'payment', paymentAmount: 1000, paymentCurrency: 'GBP', sourceCurrency: 'USD', additionalFields: {} },
			'/v1/payouts',
		],
		['Subscription → Create', { resource: 'subscription', operation: 'create', customer: 'cus_sandbox_1', items: { item: [{ price: 'price_sandbox_2', quantity: 1 }] }, additionalFields: {} }, '/v1/subscriptions'],
		['Subscription Item → Create', { resource: 'subscriptionItem', operation: 'create', subscription: 'sub_sandbox_1', price: 'price_sandbox_1', additionalFields: {} }, '/v1/subscription_items'],
	]);

	test.each(OTHERS)('%s: a 500 is not sent again, the item fails with the note; a 429 is, with the same key', async (_name, parameters, path) => {
		t.sim.fail({ status: 500, body: { error: { type: 'api_error', message: 'oops' } } });
		const failed = await t.run({ ...parameters, options: {} });
		expect(failed.error?.message).toBe('WooshPay error 500 Internal Server Error: oops (type api_error) [item 0]');
		expect(failed.error?.description).toContain(HELD_BACK);
		expect(t.sim.requests.map((r) => [r.method, r.path])).toEqual([['POST', path]]);
		t.sim.reset();
		t.sim.fail({ status: 429, headers: { 'retry-after': '0' }, body: { error: { type: 'invalid_request_error', code: 'rate_limit', message: 'slow down' } } });
		await t.run({ ...parameters, options: {} }, { credentialId: `throttled-${path}` });
		expect(t.sim.requests.map((r) => [r.method, r.path])).toEqual([['POST', path], ['POST', path]]);
		expect(new Set(keys()).size).toBe(1);
	});
});

test('a payment intent created without Confirm moves no money: sent again after a 500, as before', async () => {
	t.sim.fail({ status: 500, body: { error: { type: 'api_error', message: 'oops' } } });
	const result = await t.run({ resource: 'paymentIntent', operation: 'create', amount: 2500, currency: 'USD', additionalFields: {}, options: {} });
	expect(result.status).toBe('success');
	expect(t.sim.requests).toHaveLength(2);
	expect(new Set(keys()).size).toBe(1);
	expect(result.output[0].json).toMatchObject({ status: 'requires_payment_method' });
});

test.each([
	['a 500', { status: 500, body: { error: { type: 'api_error', message: 'oops' } } }],
	['a dropped connection', { reset: true }],
])('updates are still sent again after %s (their repeat is harmless)', async (_case, fault) => {
	t.sim.fail(fault);
	const result = await t.run({ resource: 'customer', operation: 'update', customerId: byId('cus_sandbox_3'), updateFields: { description: 'vip' }, options: {} });
	expect(result.status).toBe('success');
	expect(t.sim.requests).toHaveLength(2);
	expect(new Set(keys()).size).toBe(1);
	expect(t.sim.mutations).toHaveLength(1);
});

test('a 409 idempotency_error: the hint also covers a first request that is still being processed', async () => {
	const { parameters } = movement('refund');
	t.sim.fail({
		status: 409,
		body: { error: { type: 'idempotency_error', message: 'There is currently another in-progress request using this Idempotent Key.' } },
	});
	const result = await t.run(parameters);
	expect(result.error?.message).toBe(
		'WooshPay error 409 Conflict: There is currently another in-progress request using this Idempotent Key. (type idempotency_error) [item 0]',
	);
	expect(result.error?.description).toBe(
		'This Idempotency-Key was used before with other values, or the first request with it is still being processed. Wait a moment and check in WooshPay whether it was carried out; use a new key only for a new request.',
	);
	expect(t.sim.requests).toHaveLength(1);
});

test('a money movement against a port nothing listens on: each attempt refused, sent Max Retries + 1 times, then the error', async () => {
	const port = await freePort();
	const refused = countRefused(port);
	try {
		const result = await t.run(refund('pi_sandbox_1', { maxRetries: 2 }), { credentials: { secretKey: SECRET_KEY, environment: 'custom', baseUrl: `http://127.0.0.1:${port}` } });
		expect(result.error?.message).toBe(`Could not reach WooshPay at http://127.0.0.1:${port}: the connection was refused [item 0]`);
		expect(result.error?.description).toContain('(Sent 3 times.)');
		expect(refused.count).toBe(3);
	} finally {
		refused.stop();
	}
});

/** A port of 127.0.0.1 that nothing listens on (one the system just gave out and was closed again). */
async function freePort() {
	const server = net.createServer();
	await /** @type {Promise<void>} */ (new Promise((resolve) => server.listen(0, '127.0.0.1', resolve)));
	const port = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
	await /** @type {Promise<void>} */ (new Promise((resolve) => server.close(() => resolve())));
	return port;
}

/**
 * Counts the connections to `port` that were refused, as Node's own diagnostics channel for
 * client sockets reports them (the node's requests are made with Node's http module), and
 * calls `then` after the first.
 * @param {number} port
 * @param {() => void} [then]
 */
function countRefused(port, then) {
	const counter = { count: 0, stop: () => diagnostics.unsubscribe('net.client.socket', listener) };
	/** @param {unknown} message */
	function listener(message) {
		const { socket } = /** @type {{ socket: net.Socket }} */ (message);
		socket.once('error', (/** @type {NodeJS.ErrnoException & { port?: number }} */ error) => {
			if (error.code !== 'ECONNREFUSED' || error.port !== port) return;
			counter.count++;
			if (counter.count === 1) then?.();
		});
	}
	diagnostics.subscribe('net.client.socket', listener);
	return counter;
}

/**
 * A base URL whose first connection is refused for real (nothing listens on its port), and
 * which a simulator answers from the moment that refusal is seen: the node's next attempt
 * (after its backoff of at least 250 ms) reaches it.
 */
async function refusedFirst() {
	const port = await freePort();
	const late = {
		url: `http://127.0.0.1:${port}`,
		/** @type {import('../harness/fixtures').Simulator | undefined} */
		sim: undefined,
		/** @type {Promise<unknown> | undefined} */
		starting: undefined,
		get refused() {
			return refused.count;
		},
		async close() {
			refused.stop();
			await late.starting;
			await late.sim?.close();
		},
	};
	const refused = countRefused(port, () => {
		late.starting = startSimulator({ seed: true, port }).then((sim) => {
			late.sim = sim;
		});
	});
	return late;
}
