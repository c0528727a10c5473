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
