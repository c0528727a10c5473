// @ts-check
'use strict';

const { byId, expectRequest, useSimulator } = require('../harness/fixtures');

const { paymentsOf, addPaymentIntent } = require('../simulator/payments');

/** Refund → Create and Get through the engine against the simulator. */
const t = useSimulator();

/** A payment intent of its own for each test, so that refunds do not eat into each other. */
const paid = (amount = 5000) => addPaymentIntent(t.sim, { amount, currency: 'USD', confirm: true }).id;

/** @param {string} paymentIntentId @param {object} [additionalFields] @param {object} [options] */
const create = (paymentIntentId, additionalFields = {}, options = {}) => ({
	resource: 'refund',
	operation: 'create',
	paymentIntentId: byId(paymentIntentId),
	additionalFields,
	options,
});

describe('Refund → Create', () => {
	test('every field: POST /v1/refunds, amount sent as text as the reference types it; outputs the refund', async () => {
		const pi = paid(5000);
		const result = await t.run(
			create(pi, { amount: 1250, reason: 'requested_by_customer', metadata: { pair: [{ key: 'ticket', value: 'T-77' }] } }),
		);
		const body = { payment_intent: pi, amount: '1250', reason: 'requested_by_customer', metadata: { ticket: 'T-77' } };
		expectRequest(t.sim.requests[0], { method: 'POST', path: '/v1/refunds', body });
		expect(t.sim.requests[0].headers['idempotency-key']).toMatch(/^n8n-[0-9a-f]{40}$/);
		const refund = paymentsOf(t.sim).refunds.get(t.sim.mutations[0].id);
		expect(result.output).toEqual([{ json: refund, pairedItem: { item: 0 } }]);
		expect(refund).toMatchObject({ object: 'refund', amount: 1250, currency: 'USD', payment_intent: pi, status: 'succeeded' });
	});

	test('without an amount, and with an amount mapped to nothing: the amount is left out (a full refund)', async () => {
		const [first, second] = [paid(700), paid(900)];
		const result = await t.run(create('={{ $json.pi }}', { amount: '={{ $json.amount }}', reason: '={{ $json.reason }}' }), {
			items: [
				{ pi: first, amount: '', reason: 'duplicate' },
				{ pi: second, amount: null, reason: 'fraudulent' },
			],
		});
		expect(result.status).toBe('success');
		expect(t.sim.requests.map((r) => r.body).sort((a, b) => (a.payment_intent < b.payment_intent ? -1 : 1))).toEqual([
			{ payment_intent: first, reason: 'duplicate' },
			{ payment_intent: second, reason: 'fraudulent' },
		]);
		expect(result.output.map((o) => [o.json.amount, o.pairedItem])).toEqual([
			[700, { item: 0 }],
			[900, { item: 1 }],
		]);
		const none = await t.run(create(paid(300)));
		expect(none.output[0].json.amount).toBe(300);
		expect(t.sim.requests[2].body).toEqual({ payment_intent: expect.stringMatching(/^pi_/) });
	});

	test('an amount given as text of digits by an expression is sent as that text', async () => {
		const pi = paid();
		await t.run(create(pi, { amount: '={{ "250" }}' }));
		expect(t.sim.requests[0].body).toEqual({ payment_intent: pi, amount: '250' });
	});

	test.each([
		['an amount with cents', { amount: 12.5 }, 'Additional Fields → Amount is 12.5, which is not a whole number of 1 or more [item 0]', "currency's smallest unit"],
		['an amount written as money', { amount: '={{ "12.50" }}' }, 'Additional Fields → Amount is "12.50", which is not a whole number', 'such as 5000 for 50.00 USD'],
		['a zero amount', { amount: 0 }, 'Additional Fields → Amount is 0', 'whole number'],
		['a negative amount', { amount: '={{ -5 }}' }, 'Additional Fields → Amount is -5', 'whole number'],
		['words', { amount: '={{ "all of it" }}' }, 'Additional Fields → Amount is "all of it"', 'whole number'],
		['a reason that does not exist', { reason: '={{ "changed mind" }}' }, 'Additional Fields → Reason is "changed mind", which is not one of the allowed values', 'duplicate, fraudulent, requested_by_customer, resolved_dispute'],
	])('bad input is refused before sending: %s', async (_case, fields, message, fix) => {
		const result = await t.run(create('pi_sandbox_1', fields));
		expect(t.sim.requests).toHaveLength(0);
		expect(result.error?.message).toContain(message);
		expect(result.error?.message).toContain(fix);
		expect(result.error?.description).toContain(fix);
	});

	test('a payment intent ID mapped to nothing is refused before sending', async () => {
		const result = await t.run(create('={{ $json.paymentIntentId }}'), { items: [{}] });
		expect(result.error?.message).toBe(
			'Payment Intent is empty [item 0]. Enter a value, or map one from an earlier node with an expression such as {{ $json.id }}.',
		);
		expect(t.sim.requests).toHaveLength(0);
	});

	test("WooshPay's refusal of too large an amount, in its words, not retried", async () => {
		const pi = paid(1000);
		const result = await t.run(create(pi, { amount: 1500 }));
		expect(result.error?.message).toBe(
			'WooshPay error 400 Bad Request: Refund amount (1500) is greater than the amount left to refund (1000). (type invalid_request_error, code amount_too_large, param amount) [item 0]',
		);
		expect(result.error?.httpCode).toBe('400');
		expect(t.sim.requests).toHaveLength(1);
	});

	test('a refund that got a 500 is not sent again (it may have been carried out), and the error says so', async () => {
		const pi = paid(1000);
		t.sim.fail({ status: 500, body: { error: { type: 'api_error', message: 'oops' } } });
		const result = await t.run(create(pi, { amount: 400 }));
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('WooshPay error 500 Internal Server Error: oops (type api_error) [item 0]');
		expect(result.error?.description).toContain('It moves money and may already have been carried out, so it was not sent again');
		expect(t.sim.requests).toHaveLength(1);
	});

	test('a refund that got a 429 is sent again with the same key: WooshPay did not carry it out; refunded once', async () => {
		const pi = paid(1000);
		t.sim.fail({ status: 429, headers: { 'retry-after': '0' }, body: { error: { type: 'invalid_request_error', code: 'rate_limit', message: 'slow down' } } });
		const result = await t.run(create(pi, { amount: 400 }));
		expect(result.status).toBe('success');
		expect(t.sim.requests).toHaveLength(2);
		expect(t.sim.requests[1].headers['idempotency-key']).toBe(t.sim.requests[0].headers['idempotency-key']);
		expect(paymentsOf(t.sim).paymentIntents.get(pi).amount_refunded).toBe(400);
	});

	test('with Retry Money Movements After Unclear Failures on, a refund retried after a 500 keeps its key: refunded once', async () => {
		const pi = paid(1000);
		t.sim.fail({ status: 500, body: { error: { type: 'api_error', message: 'oops' } } });
		const result = await t.run(create(pi, { amount: 400 }, { retryMoneyMovements: true }));
		expect(result.status).toBe('success');
		expect(t.sim.requests).toHaveLength(2);
		expect(t.sim.requests[1].headers['idempotency-key']).toBe(t.sim.requests[0].headers['idempotency-key']);
		expect(paymentsOf(t.sim).paymentIntents.get(pi).amount_refunded).toBe(400);
	});

	test('Continue On Fail: one output per item, paired; bad input and WooshPay errors in their item, the rest refunded', async () => {
		const [a, b] = [paid(1000), paid(1000)];
		const result = await t.run(create('={{ $json.pi }}', { amount: '={{ $json.amount }}' }), {
			continueOnFail: true,
			items: [
				{ pi: a, amount: 100 },
				{ pi: b, amount: '9.99' },
				{ pi: 'pi_missing', amount: 100 },
				{ pi: b, amount: 200 },
			],
		});
		expect(result.status).toBe('success');
		expect(result.output.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(result.output[0].json).toMatchObject({ object: 'refund', payment_intent: a, amount: 100 });
		expect(result.output[1].json).toEqual({
			error:
				"Additional Fields → Amount is \"9.99\", which is not a whole number of 1 or more [item 1]. Give the amount in the currency's smallest unit as a whole number, such as 5000 for 50.00 USD.",
		});
		expect(result.output[2].json).toEqual({
			error:
				"WooshPay error 400 Bad Request: No such payment_intent: 'pi_missing' (type invalid_request_error, code resource_missing, param payment_intent) [item 2]",
		});
		expect(result.output[3].json).toMatchObject({ object: 'refund', payment_intent: b, amount: 200 });
		expect(t.sim.requests).toHaveLength(3);
	});
});

describe('Refund → Get', () => {
	test('GET /v1/refunds/{id}, no body, no idempotency key; outputs the refund', async () => {
		const result = await t.run({ resource: 'refund', operation: 'get', refundId: byId(' re_sandbox_1 ') });
		expectRequest(t.sim.requests[0], { method: 'GET', path: '/v1/refunds/re_sandbox_1', body: undefined });
		expect(t.sim.requests[0].headers['idempotency-key']).toBeUndefined();
		expect(result.output).toEqual([{ json: paymentsOf(t.sim).refunds.get('re_sandbox_1'), pairedItem: { item: 0 } }]);
		expect(result.output[0].json).toMatchObject({ amount: 3000, payment_intent: 'pi_sandbox_2', reason: 'requested_by_customer' });
	});

	test.each([
		['../x', '/v1/refunds/..%2Fx', "No such refund: '../x'"],
		['a/b', '/v1/refunds/a%2Fb', "No such refund: 'a/b'"],
		['re_1?expand=x', '/v1/refunds/re_1%3Fexpand%3Dx', "No such refund: 're_1?expand=x'"],
	])('an ID that tries to leave its path (%s) stays in it, encoded', async (id, path, message) => {
		const result = await t.run({ resource: 'refund', operation: 'get', refundId: byId(id) });
		expect(t.sim.requests.map((r) => [r.path, r.query])).toEqual([[path, {}]]);
		expect(result.error?.message).toBe(`WooshPay error 404 Not Found: ${message} (type invalid_request_error, code resource_missing, param id) [item 0]`);
	});

	test.each([
		['..', 'Refund is "..", which is not an ID [item 0]'],
		['={{ "" }}', 'Refund is empty [item 0]'],
	])('%j is refused before sending', async (id, message) => {
		const result = await t.run({ resource: 'refund', operation: 'get', refundId: byId(id) });
		expect(result.error?.message).toContain(message);
		expect(t.sim.requests).toHaveLength(0);
	});
});
