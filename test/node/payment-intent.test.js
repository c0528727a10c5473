// @ts-check
'use strict';

const { AUTHORIZATION, byId, expectRequest, useSimulator } = require('../harness/fixtures');

const { paymentsOf, addPaymentIntent } = require('../simulator/payments');

/** Payment Intent → Create, Get, Get Many and Search through the engine against the simulator. */
const t = useSimulator();

/** @param {object} extra */
const create = (extra) => ({ resource: 'paymentIntent', operation: 'create', amount: 2500, currency: 'USD', ...extra });

describe('Payment Intent → Create', () => {
	test('amount and currency only: POST /v1/payment_intents with an idempotency key; outputs the new payment intent', async () => {
		const result = await t.run(create({}));
		expectRequest(t.sim.requests[0], { method: 'POST', path: '/v1/payment_intents', body: { amount: 2500, currency: 'USD' } });
		expect(t.sim.requests[0].headers['idempotency-key']).toMatch(/^n8n-[0-9a-f]{40}$/);
		const id = t.sim.mutations[0].id;
		expect(result.output).toEqual([{ json: paymentsOf(t.sim).paymentIntents.get(id), pairedItem: { item: 0 } }]);
		expect(result.output[0].json).toMatchObject({ object: 'payment_intent', amount: 2500, currency: 'USD', status: 'requires_payment_method' });
	});

	test('every field at its documented JSON path, off-session with its hyphen', async () => {
		const result = await t.run(
			create({
				amount: '={{ 1999 }}',
				currency: 'gbp',
				additionalFields: {
					confirm: true,
					customer: 'cus_sandbox_2',
					description: 'Order 2001',
					merchantOrderId: 'order_2001',
					merchantUserId: 'user-7',
					metadata: { pair: [{ key: 'channel', value: 'web' }] },
					offSession: false,
					paymentMethodData: {
						type: 'card',
						email: 'grace@example.com',
						name: 'Grace Hopper',
						phone: '+1 212 555 0100',
						line1: '1 Navy Way',
						city: 'Arlington',
						country: 'us',
						postalCode: '22202',
						state: 'VA',
						line2: 'Suite 1',
					},
					paymentMethodTypes: ['card', 'alipay', 'wechat_pay'],
					quantity: 3,
					returnUrl: 'https://shop.example.com/paid',
					shipping: { name: 'Grace Hopper', phone: '+1 212 555 0101', line1: '2 Dock St', city: 'Baltimore', country: 'US' },
				},
			}),
		);
		const body = {
			amount: 1999,
			currency: 'gbp',
			confirm: true,
			customer: 'cus_sandbox_2',
			description: 'Order 2001',
			merchant_order_id: 'order_2001',
			merchant_user_id: 'user-7',
			metadata: { channel: 'web' },
			'off-session': false,
			payment_method_data: {
				type: 'card',
				billing_details: {
					email: 'grace@example.com',
					name: 'Grace Hopper',
					phone: '+1 212 555 0100',
					address: { line1: '1 Navy Way', line2: 'Suite 1', city: 'Arlington', country: 'US', postal_code: '22202', state: 'VA' },
				},
			},
			payment_method_types: ['card', 'alipay', 'wechat_pay'],
			quantity: 3,
			return_url: 'https://shop.example.com/paid',
			shipping: { name: 'Grace Hopper', phone: '+1 212 555 0101', address: { line1: '2 Dock St', city: 'Baltimore', country: 'US' } },
		};
		expect(result.error).toBeUndefined();
		expectRequest(t.sim.requests[0], { method: 'POST', path: '/v1/payment_intents', body });
		expect(result.output).toEqual([{ json: paymentsOf(t.sim).paymentIntents.get(t.sim.mutations[0].id), pairedItem: { item: 0 } }]);
		// The simulator keeps what it was sent, but turns payment_method_data into a payment method and confirm into a status.
		const stored = Object.fromEntries(Object.entries(body).filter(([key]) => !['payment_method_data', 'confirm'].includes(key)));
		expect(result.output[0].json).toMatchObject({ ...stored, status: 'succeeded', amount_received: 1999, payment_method: expect.stringMatching(/^pm_/) });
	});

	test.each([
		['amount 0', { amount: 0 }, 'Amount is 0, which is not a whole number of 1 or more [item 0]', "currency's smallest unit"],
		['amount with cents', { amount: 12.5 }, 'Amount is 12.5, which is not a whole number of 1 or more', 'such as 5000 for 50.00 USD'],
		['amount as a decimal text from an expression', { amount: '={{ "25.00" }}' }, 'Amount is "25.00"', 'whole number'],
		['currency name', { currency: 'dollars' }, 'Currency is "dollars", which is not a three-letter currency code [item 0]', 'ISO 4217'],
		['empty customer ID', { additionalFields: { customer: '={{ "" }}' } }, 'Additional Fields → Customer ID is empty [item 0]', 'Enter a value'],
		['payment method type from an expression', { additionalFields: { paymentMethodData: { type: '={{ "cash" }}' } } }, 'Additional Fields → Payment Method Data → Type is "cash", which is not one of the allowed values', 'alipay_hk'],
		['payment method types from an expression', { additionalFields: { paymentMethodTypes: '={{ "card, cheque" }}' } }, 'Additional Fields → Payment Method Types is "cheque"', 'Use one of: 9pay'],
		['billing email', { additionalFields: { paymentMethodData: { type: 'card', email: 'nope' } } }, 'Additional Fields → Payment Method Data → Billing Email is "nope", which is not an email address', 'name@example.com'],
		['billing details without a type', { additionalFields: { paymentMethodData: { name: 'Grace' } } }, 'Additional Fields → Payment Method Data → Type is required when other Payment Method Data fields are set [item 0]', 'Add Type, or remove the other Payment Method Data fields.'],
		['shipping without a recipient name', { additionalFields: { shipping: { city: 'Leeds' } } }, 'Additional Fields → Shipping → Recipient Name is required when other Shipping fields are set [item 0]', 'Add Recipient Name'],
		['quantity 0', { additionalFields: { quantity: 0 } }, 'Additional Fields → Quantity is 0, which is not a whole number of 1 or more', 'such as 1 or 2'],
	])('bad input is refused before sending: %s', async (_case, extra, message, fix) => {
		const result = await t.run(create(extra));
		expect(t.sim.requests).toHaveLength(0);
		expect(result.error?.message).toContain(message);
		expect(result.error?.message).toContain(fix);
	});

	test("WooshPay's error for a customer it does not know, in its words", async () => {
		const result = await t.run(create({ additionalFields: { customer: 'cus_nobody' } }));
		expect(result.error?.message).toBe(
			"WooshPay error 400 Bad Request: No such customer: 'cus_nobody' (type invalid_request_error, code resource_missing, param customer) [item 0]",
		);
		expect(t.sim.requests).toHaveLength(1);
	});

	test('the simulator refuses what the reference does not document, such as off_session with an underscore', async () => {
		const response = await fetch(`${t.sim.url}/v1/payment_intents`, {
			method: 'POST',
			headers: { authorization: AUTHORIZATION, 'content-type': 'application/json' },
			body: JSON.stringify({ amount: 100, currency: 'USD', off_session: true }),
		});
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual({
			error: { type: 'invalid_request_error', code: 'parameter_invalid', param: 'off_session', message: 'Received unknown parameter: off_session' },
		});
	});
});

describe('Payment Intent → Get Many', () => {
	const paged = useSimulator({ maxPageSize: 2 });
	const newestFirst = () => [...paymentsOf(paged.sim).paymentIntents.values()].sort((a, b) => b.created - a.created).map((p) => p.id);
	beforeAll(() => {
		for (let i = 0; i < 3; i++) addPaymentIntent(paged.sim, { amount: 100 * (i + 1), currency: 'USD' });
	});
	/** @param {object} extra */
	const getMany = (extra) => ({ resource: 'paymentIntent', operation: 'getAll', simplify: false, ...extra });

	test('Return All follows has_more and starting_after across pages smaller than asked', async () => {
		const ids = newestFirst();
		expect(ids).toHaveLength(7);
		const result = await paged.run(getMany({ returnAll: true }));
		expect(result.output.map((o) => o.json.id)).toEqual(ids);
		expect(result.output.map((o) => o.json)).toEqual(ids.map((id) => paymentsOf(paged.sim).paymentIntents.get(id)));
		expect(result.output.every((o) => JSON.stringify(o.pairedItem) === '{"item":0}')).toBe(true);
		expect(paged.sim.requests.map((r) => r.query)).toEqual([
			{ limit: '100' },
			{ limit: '100', starting_after: ids[1] },
			{ limit: '100', starting_after: ids[3] },
			{ limit: '100', starting_after: ids[5] },
		]);
		for (const request of paged.sim.requests) expectRequest(request, { method: 'GET', path: '/v1/payment_intents', query: request.query });
	});

	test('Limit stops without fetching more pages than it needs', async () => {
		const ids = newestFirst();
		const result = await paged.run(getMany({ returnAll: false, limit: 3 }));
		expect(result.output.map((o) => o.json.id)).toEqual(ids.slice(0, 3));
		expect(paged.sim.requests.map((r) => r.query)).toEqual([{ limit: '3' }, { limit: '1', starting_after: ids[1] }]);
		paged.sim.reset();
		await paged.run(getMany({ returnAll: false, limit: 2 }));
		expect(paged.sim.requests).toHaveLength(1);
	});

	test('Created After / Before go in the query string as created[gte] / created[lte], in Unix seconds', async () => {
		const seeded = ['pi_sandbox_2', 'pi_sandbox_3'].map((id) => paymentsOf(paged.sim).paymentIntents.get(id));
		/** @param {number} seconds */
		const iso = (seconds) => new Date(seconds * 1000).toISOString();
		const result = await paged.run(getMany({ returnAll: true, filters: { createdAfter: iso(seeded[0].created), createdBefore: iso(seeded[1].created) } }));
		expect(paged.sim.requests[0].query).toEqual({
			limit: '100',
			'created[gte]': String(seeded[0].created),
			'created[lte]': String(seeded[1].created),
		});
		expect(paged.sim.requests[0].body).toBeUndefined();
		expect(result.output.map((o) => o.json.id)).toEqual(['pi_sandbox_3', 'pi_sandbox_2']);
	});
});

describe('Payment Intent → Search', () => {
	/** @param {string} query */
	const search = (query, limit = 50) => ({ resource: 'paymentIntent', operation: 'search', query, limit, simplify: false });

	test("by merchant order ID: GET /v1/payment_intents/search with query and limit; each result one item", async () => {
		const result = await t.run(search("merchant_order_id:'order_1002'"));
		expectRequest(t.sim.requests[0], {
			method: 'GET',
			path: '/v1/payment_intents/search',
			query: { query: "merchant_order_id:'order_1002'", limit: '50' },
		});
		expect(result.output).toEqual([{ json: paymentsOf(t.sim).paymentIntents.get('pi_sandbox_2'), pairedItem: { item: 0 } }]);
	});

	test('one request per item, each with its own query from an expression; results paired with their item', async () => {
		const result = await t.run(search("={{ \"customer:'\" + $json.customer + \"' AND status:'succeeded'\" }}", 10), {
			items: [{ customer: 'cus_sandbox_1' }, { customer: 'cus_nobody' }, { customer: 'cus_sandbox_3' }],
		});
		expect(t.sim.requests.map((r) => r.query.query).sort()).toEqual([
			"customer:'cus_nobody' AND status:'succeeded'",
			"customer:'cus_sandbox_1' AND status:'succeeded'",
			"customer:'cus_sandbox_3' AND status:'succeeded'",
		]);
		expect(result.output.map((o) => [o.json.id, o.pairedItem])).toEqual([
			['pi_sandbox_1', { item: 0 }],
			['pi_sandbox_3', { item: 2 }],
		]);
	});

	test('one page only, as the reference shows: Limit is sent, no cursor follows', async () => {
		const paged = await t.run(search("currency:'USD'", 2));
		expect(paged.output).toHaveLength(2);
		expect(t.sim.requests).toHaveLength(1);
		expect(t.sim.requests[0].query).toEqual({ query: "currency:'USD'", limit: '2' });
	});

	test('nothing found: no items, no error', async () => {
		const result = await t.run(search("merchant_order_id:'no_such_order'"));
		expect(result.status).toBe('success');
		expect(result.output).toEqual([]);
	});

	test.each([
		['an empty query from an expression', search('={{ $json.missing }}'), 'Query is empty [item 0]'],
		['a limit over 100', search("status:'succeeded'", 101), 'Limit is 101, but WooshPay answers at most 100 at a time [item 0]'],
	])('refused before sending: %s', async (_case, parameters, message) => {
		const result = await t.run(parameters);
		expect(result.error?.message).toContain(message);
		expect(t.sim.requests).toHaveLength(0);
	});

	test("a query WooshPay cannot read comes back in WooshPay's words", async () => {
		const result = await t.run(search('merchant_order_id=order_1001'));
		expect(result.error?.message).toBe(
			'WooshPay error 400 Bad Request: Invalid search query: merchant_order_id=order_1001 (type invalid_request_error, code parameter_invalid, param query) [item 0]',
		);
	});
});

describe('Payment Intent → Get', () => {
	/** @param {string} id */
	const get = (id) => ({ resource: 'paymentIntent', operation: 'get', paymentIntentId: byId(id), simplify: false });

	test('GET /v1/payment_intents/{id}, no body, no idempotency key; outputs the payment intent', async () => {
		const result = await t.run(get(' pi_sandbox_2 '));
		expectRequest(t.sim.requests[0], { method: 'GET', path: '/v1/payment_intents/pi_sandbox_2', body: undefined });
		expect(t.sim.requests[0].headers['idempotency-key']).toBeUndefined();
		expect(result.output).toEqual([{ json: paymentsOf(t.sim).paymentIntents.get('pi_sandbox_2'), pairedItem: { item: 0 } }]);
		expect(result.output[0].json).toMatchObject({ object: 'payment_intent', amount: 12000, currency: 'GBP', merchant_order_id: 'order_1002' });
	});

	test('the ID from each item, as after a WooshPay Trigger', async () => {
		const result = await t.run(
			{ resource: 'paymentIntent', operation: 'get', paymentIntentId: byId('={{ $json.data.object.id }}') },
			{ items: [{ data: { object: { id: 'pi_sandbox_3' } } }, { data: { object: { id: 'pi_sandbox_1' } } }] },
		);
		expect(t.sim.requests.map((r) => r.path)).toEqual(['/v1/payment_intents/pi_sandbox_3', '/v1/payment_intents/pi_sandbox_1']);
		expect(result.output.map((item) => [item.json.id, item.pairedItem])).toEqual([
			['pi_sandbox_3', { item: 0 }],
			['pi_sandbox_1', { item: 1 }],
		]);
	});

	test.each([
		['../x', '/v1/payment_intents/..%2Fx'],
		['pi_1?expand=x', '/v1/payment_intents/pi_1%3Fexpand%3Dx'],
	])('an ID that tries to leave its path (%s) stays in it, encoded', async (id, path) => {
		const result = await t.run(get(id));
		expect(t.sim.requests.map((r) => r.path)).toEqual([path]);
		expect(result.status).toBe('error');
	});

	test('"search" in the ID\'s place would reach the search endpoint: refused before sending', async () => {
		const result = await t.run(get(' search '));
		expect(t.sim.requests).toEqual([]);
		expect(result.error?.message).toBe(
			'Payment Intent is "search", which is not an ID [item 0]. Enter the payment intent\'s ID (pi_...); to find payment intents, use Payment Intent → Search.',
		);
	});

	test('a payment intent WooshPay does not know: its 404 in its words', async () => {
		const result = await t.run(get('pi_gone'));
		expect(result.error?.message).toBe("WooshPay error 404 Not Found: No such payment_intent: 'pi_gone' (type invalid_request_error, code resource_missing, param id) [item 0]");
	});
});
