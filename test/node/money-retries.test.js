// @ts-check
'use strict';

const diagnostics = require('node:diagnostics_channel');
const net = require('node:net');

const { SECRET_KEY, byId, useSimulator } = require('../harness/fixtures');
const { moneyMovementTests } = require('../harness/money-movements');
const { addPaymentIntent, paymentsOf } = require('../simulator/payments');
const { startSimulator } = require('../simulator/simulator');
/** @typedef {import('../harness/fixtures').Simulator} Simulator */

/**
 * Issue 16, finding 4: a request that moves money is sent again only when WooshPay's answer
 * says it was not carried out (429, 503 with Retry-After) or the connection was refused before
 * anything was sent; never after a timeout, a dropped connection or a 500/502/504, unless
 * Options → Retry Money Movements After Unclear Failures is on. A 409 idempotency_error's hint
 * covers "still being processed".
 *
 * The rule's common cases run for Refund → Create here through the shared moneyMovementTests
 * (as for payouts and subscriptions), and for Payment Intent → Create with Confirm, Capture and
 * Confirm in payment-intent-lifecycle.test.js; updates are retried after a 500 there and in
 * retries.test.js. This file adds what those leave out: a 502, a 504 and a timeout, with and
 * without the option, and a connection refused for real, then answered.
 */
const t = useSimulator();

const HELD_BACK =
	'It moves money and may already have been carried out, so it was not sent again: check in WooshPay whether it was, before you run it again (or allow it in Options → Retry Money Movements After Unclear Failures).';

/** A paid payment intent of its own at `sim`, so that refunds do not eat into each other. */
const paid = (/** @type {Simulator} */ sim) => addPaymentIntent(sim, { amount: 5000, currency: 'USD', confirm: true }).id;

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

describe('Refund → Create', () => moneyMovementTests(t, (sim) => refund(paid(sim)), (sim) => paymentsOf(sim).refunds, '/v1/refunds'));

/**
 * The node's parameters for a money movement at t.sim, the path it posts to, and how many of
 * them were carried out there.
 * @param {'refund' | 'payment'} kind
 * @param {object} [options]
 */
function movement(kind, options = {}) {
	const { paymentIntents, refunds } = paymentsOf(t.sim);
	const store = kind === 'refund' ? refunds : paymentIntents;
	const before = store.size;
	const parameters = kind === 'refund' ? refund(paid(t.sim), options) : payment(options);
	return { parameters, path: kind === 'refund' ? '/v1/refunds' : '/v1/payment_intents', carriedOut: () => store.size - before };
}

const keys = () => t.sim.requests.map((r) => r.headers['idempotency-key']);

/** Timeout of n8n's Request Options (Settings), in milliseconds. */
const SHORT_TIMEOUT = { timeout: 300 };

describe.each(/** @type {const} */ ([
	['Refund → Create', 'refund'],
	['Payment Intent → Create with Confirm', 'payment'],
]))('%s', (_name, kind) => {
	test.each([
		['a 502', { status: 502, body: { error: { type: 'api_error', message: 'Upstream failed.' } } }, 'WooshPay error 502 Bad Gateway: Upstream failed. (type api_error) [item 0]'],
		['a 504', { status: 504, body: { error: { type: 'api_error', message: 'Timed out upstream.' } } }, 'WooshPay error 504 Gateway Timeout: Timed out upstream. (type api_error) [item 0]'],
		['a timeout (Settings → Timeout)', { delayMs: 3000, body: {} }, () => `Could not reach WooshPay at ${t.sim.url}: no answer came in time [item 0]`],
	])('not sent again after %s: sent once, the item fails with the note', async (_case, fault, message) => {
		const { parameters, path, carriedOut } = movement(kind);
		t.sim.fail(fault);
		const result = await t.run({ ...parameters, requestOptions: SHORT_TIMEOUT });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(typeof message === 'function' ? message() : message);
		expect(result.error?.description).toContain(HELD_BACK);
		expect(t.sim.requests.map((r) => [r.method, r.path])).toEqual([['POST', path]]);
		expect(carriedOut()).toBe(0);
	});

	test.each([
		['a 502', { status: 502, body: { error: { type: 'api_error', message: 'Upstream failed.' } } }],
		['a timeout', { delayMs: 3000, body: {} }],
	])('with Retry Money Movements After Unclear Failures on, sent again after %s with the same key: carried out once', async (_case, fault) => {
		const { parameters, carriedOut } = movement(kind, { retryMoneyMovements: true });
		t.sim.fail(fault);
		const result = await t.run({ ...parameters, requestOptions: SHORT_TIMEOUT });
		expect(result.status).toBe('success');
		expect(t.sim.requests).toHaveLength(2);
		expect(new Set(keys()).size).toBe(1);
		expect(carriedOut()).toBe(1);
	});

	test('a refused connection: the first attempt truly refused (nothing listens yet), the next reaches WooshPay and is carried out', async () => {
		const late = await refusedFirst();
		try {
			// The simulator that answers later is seeded: pi_sandbox_1 (25.00 USD, paid) is there to refund.
			const parameters = kind === 'refund' ? refund('pi_sandbox_1') : payment();
			const result = await t.run(parameters, { credentials: { secretKey: SECRET_KEY, environment: 'custom', baseUrl: late.url } });
			expect(late.refused).toBe(1);
			const sim = /** @type {Simulator} */ (late.sim);
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
		/** @type {Simulator | undefined} */
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
