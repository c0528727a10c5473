// @ts-check
'use strict';

const { AUTHORIZATION, byId, expectRequest, useSimulator } = require('../harness/fixtures');

const { paymentsOf, addPaymentIntent } = require('../simulator/payments');

/** Charge → Get Many, Balance → Get and Event → Get through the engine against the simulator. */
const t = useSimulator();

describe('Charge → Get Many', () => {
	const paged = useSimulator({ maxPageSize: 2 });
	/** @param {string} [customer] */
	const chargesNewestFirst = (customer) =>
		[...paymentsOf(paged.sim).charges.values()]
			.filter((c) => !customer || c.customer === customer)
			.sort((a, b) => b.created - a.created)
			.map((c) => c.id);
	beforeAll(() => {
		for (let i = 0; i < 3; i++) addPaymentIntent(paged.sim, { amount: 1000 + i, currency: 'USD', customer: 'cus_sandbox_2', confirm: true });
	});
	/** @param {object} extra */
	const getMany = (extra) => ({ resource: 'charge', operation: 'getAll', simplify: false, ...extra });

	test('Return All: GET /v1/charges/list, following has_more and starting_after across pages smaller than asked', async () => {
		const ids = chargesNewestFirst();
		expect(ids).toHaveLength(6);
		const result = await paged.run(getMany({ returnAll: true }));
		expect(result.output).toEqual(ids.map((id) => ({ json: paymentsOf(paged.sim).charges.get(id), pairedItem: { item: 0 } })));
		expect(paged.sim.requests.map((r) => r.query)).toEqual([
			{ limit: '100' },
			{ limit: '100', starting_after: ids[1] },
			{ limit: '100', starting_after: ids[3] },
		]);
		for (const request of paged.sim.requests) expectRequest(request, { method: 'GET', path: '/v1/charges/list', query: request.query });
	});

	test('Limit stops without fetching more pages than it needs', async () => {
		const ids = chargesNewestFirst();
		const result = await paged.run(getMany({ returnAll: false, limit: 3 }));
		expect(result.output.map((o) => o.json.id)).toEqual(ids.slice(0, 3));
		expect(paged.sim.requests.map((r) => r.query)).toEqual([{ limit: '3' }, { limit: '1', starting_after: ids[1] }]);
		paged.sim.reset();
		await paged.run(getMany({ returnAll: false, limit: 1 }));
		expect(paged.sim.requests.map((r) => r.query)).toEqual([{ limit: '1' }]);
	});

	test('Customer ID and Created After / Before go in the query string (customer, created[gte], created[lte])', async () => {
		const ids = chargesNewestFirst('cus_sandbox_2');
		/** @param {string} id */
		const created = (id) => paymentsOf(paged.sim).charges.get(id).created;
		/** @param {number} seconds */
		const iso = (seconds) => new Date(seconds * 1000).toISOString();
		const result = await paged.run(
			getMany({ returnAll: true, filters: { customer: ' cus_sandbox_2 ', createdAfter: iso(created(ids[2])), createdBefore: iso(created(ids[1])) } }),
		);
		expect(paged.sim.requests[0].query).toEqual({
			limit: '100',
			customer: 'cus_sandbox_2',
			'created[gte]': String(created(ids[2])),
			'created[lte]': String(created(ids[1])),
		});
		expect(result.output.map((o) => o.json.id)).toEqual([ids[1], ids[2]]);
	});

	test('an empty Customer ID filter is refused before sending', async () => {
		const result = await paged.run(getMany({ returnAll: true, filters: { customer: '' } }));
		expect(result.error?.message).toContain('Filters → Customer ID is empty [item 0]');
		expect(paged.sim.requests).toHaveLength(0);
	});

	test("a failing page: the item fails with WooshPay's words", async () => {
		paged.sim.fail({ status: 403, body: { error: { type: 'invalid_request_error', code: 'permission_denied', message: 'This key may not list charges.' } } });
		const result = await paged.run(getMany({ returnAll: true }));
		expect(result.error?.message).toBe(
			'WooshPay error 403 Forbidden: This key may not list charges. (type invalid_request_error, code permission_denied) [item 0]',
		);
	});
});

/** The fields README lists for a simplified charge, in its order. */
const SIMPLIFIED_CHARGE = ['id', 'status', 'amount', 'amount_refunded', 'currency', 'captured', 'payment_intent', 'customer', 'failure_message', 'created'];

/** A charge as Simplify gives it: the README's fields the charge has. @param {any} charge */
const simplifiedCharge = (charge) => Object.fromEntries(SIMPLIFIED_CHARGE.filter((field) => field in charge).map((field) => [field, charge[field]]));

describe('Charge → Get', () => {
	/** @param {string} id @param {object} [extra] */
	const get = (id, extra = {}) => ({ resource: 'charge', operation: 'get', chargeId: byId(id), ...extra });
	/** @param {string} id */
	const charge = (id) => paymentsOf(t.sim).charges.get(id);

	test('GET /v1/charges/{id}, no body, no query, no idempotency key; Simplify off: the charge as WooshPay gives it', async () => {
		const result = await t.run(get(' ch_sandbox_2 ', { simplify: false }));
		expectRequest(t.sim.requests[0], { method: 'GET', path: '/v1/charges/ch_sandbox_2', body: undefined });
		expect(t.sim.requests[0].headers['idempotency-key']).toBeUndefined();
		expect(t.sim.requests).toHaveLength(1);
		expect(result.output).toEqual([{ json: charge('ch_sandbox_2'), pairedItem: { item: 0 } }]);
		expect(result.output[0].json).toMatchObject({ object: 'charge', amount: 12000, amount_refunded: 3000, currency: 'GBP', payment_intent: 'pi_sandbox_2' });
	});

	test("Simplify (on by default): exactly the README's fields the charge has, IDs kept", async () => {
		const result = await t.run(get('ch_sandbox_1'));
		expectRequest(t.sim.requests[0], { method: 'GET', path: '/v1/charges/ch_sandbox_1', body: undefined });
		expect(result.output).toEqual([
			{
				json: {
					id: 'ch_sandbox_1',
					status: 'succeeded',
					amount: 2500,
					amount_refunded: 0,
					currency: 'USD',
					captured: true,
					payment_intent: 'pi_sandbox_1',
					customer: 'cus_sandbox_1',
					created: charge('ch_sandbox_1').created,
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(Object.keys(result.output[0].json)).toEqual(SIMPLIFIED_CHARGE.filter((field) => field !== 'failure_message'));
	});

	test('Simplify keeps failure_message when the charge has one (null included)', async () => {
		const failed = { ...charge('ch_sandbox_3'), id: 'ch_failed_1', status: 'failed', paid: false, captured: false, failure_message: 'Your card was declined.' };
		paymentsOf(t.sim).charges.set(failed.id, failed);
		const unpaid = { ...charge('ch_sandbox_3'), id: 'ch_unpaid_1', failure_message: null };
		paymentsOf(t.sim).charges.set(unpaid.id, unpaid);
		const result = await t.run(get('={{ $json.id }}'), { items: [{ id: failed.id }, { id: unpaid.id }] });
		for (const id of [failed.id, unpaid.id]) paymentsOf(t.sim).charges.delete(id);
		expect(result.output).toEqual([
			{ json: simplifiedCharge(failed), pairedItem: { item: 0 } },
			{ json: simplifiedCharge(unpaid), pairedItem: { item: 1 } },
		]);
		expect(result.output.map((o) => Object.keys(o.json))).toEqual([SIMPLIFIED_CHARGE, SIMPLIFIED_CHARGE]);
		expect(result.output.map((o) => o.json.failure_message)).toEqual(['Your card was declined.', null]);
	});

	test('the ID from each item, as after a payment intent (its charge), one request each, paired', async () => {
		const result = await t.run(get('={{ $json.charge }}', { simplify: false }), { items: [{ charge: 'ch_sandbox_3' }, { charge: 'ch_sandbox_1' }] });
		expect(t.sim.requests.map((r) => r.path).sort()).toEqual(['/v1/charges/ch_sandbox_1', '/v1/charges/ch_sandbox_3']);
		expect(result.output.map((o) => [o.json.id, o.pairedItem])).toEqual([
			['ch_sandbox_3', { item: 0 }],
			['ch_sandbox_1', { item: 1 }],
		]);
	});

	test('a charge WooshPay does not know: its 404 in its words', async () => {
		const result = await t.run(get('ch_gone'));
		expect(result.error?.message).toBe("WooshPay error 404 Not Found: No such charge: 'ch_gone' (type invalid_request_error, code resource_missing, param id) [item 0]");
	});

	test('"list" in the ID\'s place would reach the list of charges (GET /v1/charges/list): refused before sending', async () => {
		const result = await t.run(get(' list '));
		expect(t.sim.requests).toEqual([]);
		expect(result.error?.message).toBe('Charge is "list", which is not an ID [item 0]. Enter the charge\'s ID (ch_...); to list charges, use Charge → Get Many.');
	});
});

describe('Charge → Get Many: Simplify', () => {
	test("on by default: each charge as the README's fields it has", async () => {
		const result = await t.run({ resource: 'charge', operation: 'getAll', returnAll: true });
		const charges = [...paymentsOf(t.sim).charges.values()].sort((a, b) => b.created - a.created);
		expect(charges).toHaveLength(3);
		expect(result.output).toEqual(charges.map((c) => ({ json: simplifiedCharge(c), pairedItem: { item: 0 } })));
		const fields = SIMPLIFIED_CHARGE.filter((field) => field !== 'failure_message');
		expect(result.output.map((o) => Object.keys(o.json))).toEqual(charges.map(() => fields));
	});
});

describe('Balance → Get', () => {
	test('GET /v1/balance, nothing else; outputs the balance as WooshPay gives it', async () => {
		const result = await t.run({ resource: 'balance', operation: 'get' });
		expectRequest(t.sim.requests[0], { method: 'GET', path: '/v1/balance', body: undefined });
		expect(t.sim.requests[0].headers['idempotency-key']).toBeUndefined();
		expect(result.output).toEqual([
			{
				json: {
					object: 'balance',
					available: [
						{ amount: 1254000, currency: 'usd' },
						{ amount: 83000, currency: 'gbp' },
					],
					livemode: false,
					pending: [
						{ amount: 4999, currency: 'usd' },
						{ amount: 0, currency: 'gbp' },
					],
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('one request per input item, each output paired', async () => {
		const result = await t.run({ resource: 'balance', operation: 'get' }, { items: [{}, {}] });
		expect(t.sim.requests).toHaveLength(2);
		expect(result.output.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('a wrong key: 401 in WooshPay\'s words', async () => {
		const result = await t.run(
			{ resource: 'balance', operation: 'get' },
			{ credentials: { secretKey: 'sk_test_wrong', environment: 'custom', baseUrl: t.sim.url } },
		);
		expect(result.error?.message).toMatch(/^WooshPay error 401 Unauthorized: Invalid API Key provided: .* \(type invalid_request_error, code api_key_invalid\) \[item 0\]$/);
	});
});

describe('Event → Get', () => {
	test('GET /v1/events/{id}; outputs the event with the object it is about', async () => {
		const result = await t.run({ resource: 'event', operation: 'get', eventId: byId('evt_sandbox_1') });
		expectRequest(t.sim.requests[0], { method: 'GET', path: '/v1/events/evt_sandbox_1', body: undefined });
		expect(result.output).toEqual([{ json: paymentsOf(t.sim).events.get('evt_sandbox_1'), pairedItem: { item: 0 } }]);
		expect(result.output[0].json).toMatchObject({ object: 'event', type: 'payment_intent.succeeded', data: { object: { id: 'pi_sandbox_1' } } });
	});

	test('event IDs from the incoming items, one request each', async () => {
		const result = await t.run({ resource: 'event', operation: 'get', eventId: byId('={{ $json.id }}') }, { items: [{ id: 'evt_sandbox_2' }, { id: 'evt_sandbox_1' }] });
		expect(t.sim.requests.map((r) => r.path).sort()).toEqual(['/v1/events/evt_sandbox_1', '/v1/events/evt_sandbox_2']);
		expect(result.output.map((o) => [o.json.type, o.pairedItem])).toEqual([
			['charge.refund.updated', { item: 0 }],
			['payment_intent.succeeded', { item: 1 }],
		]);
	});

	test.each([
		['../balance', '/v1/events/..%2Fbalance'],
		['a/b', '/v1/events/a%2Fb'],
	])('an ID that tries to leave its path (%s) stays in it, encoded', async (id, path) => {
		const result = await t.run({ resource: 'event', operation: 'get', eventId: byId(id) });
		expect(t.sim.requests.map((r) => r.path)).toEqual([path]);
		expect(result.error?.message).toBe(`WooshPay error 404 Not Found: No such event: '${id}' (type invalid_request_error, code resource_missing, param id) [item 0]`);
	});

	test('".." is refused before sending', async () => {
		const result = await t.run({ resource: 'event', operation: 'get', eventId: byId('..') });
		expect(result.error?.message).toContain('Event is "..", which is not an ID [item 0]');
		expect(t.sim.requests).toHaveLength(0);
	});
});

test('the simulator refuses list parameters the reference does not document', async () => {
	/** @param {string} path */
	const get = async (path) => {
		const response = await fetch(`${t.sim.url}${path}`, { headers: { authorization: AUTHORIZATION } });
		return [response.status, (/** @type {{ error?: { message?: string } }} */ (await response.json())).error?.message];
	};
	expect(await get('/v1/payment_intents/search?query=status%3A%27succeeded%27&starting_after=pi_sandbox_1')).toEqual([400, 'Received unknown parameter: starting_after']);
	expect(await get('/v1/charges/list?status=succeeded')).toEqual([400, 'Received unknown parameter: status']);
	expect(await get('/v1/payment_intents?created.gte=1')).toEqual([400, 'Received unknown parameter: created.gte']);
	expect(await get('/v1/balance?currency=usd')).toEqual([400, 'Received unknown parameter: currency']);
});
