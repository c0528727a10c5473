// @ts-check
'use strict';

const { runListSearch } = require('../harness/engine');
const { SECRET_KEY, byId, expectRequest, useSimulator } = require('../harness/fixtures');

/** Create and Get for customers; Create, Get and Get Many for cardholders; the cardholder list search. */
const t = useSimulator();

describe('Customer → Create', () => {
	test('sends every added field to POST /v1/customers with an idempotency key; outputs the new customer', async () => {
		const result = await t.run({
			resource: 'customer',
			operation: 'create',
			additionalFields: {
				address: { city: 'Leeds', country: 'gb' },
				description: 'Trade account',
				email: 'new@example.com',
				metadata: { pair: [{ key: 'crm_id', value: 'C-9' }] },
				name: 'New Customer',
				phone: '+44 113 000 0000',
				shipping: { line1: '1 Dock Rd', name: 'Goods In' },
			},
		});
		const body = {
			address: { city: 'Leeds', country: 'GB' },
			description: 'Trade account',
			email: 'new@example.com',
			metadata: { crm_id: 'C-9' },
			name: 'New Customer',
			phone: '+44 113 000 0000',
			shipping: { address: { line1: '1 Dock Rd' }, name: 'Goods In' },
		};
		expectRequest(t.sim.requests[0], { method: 'POST', path: '/v1/customers', body });
		expect(t.sim.requests[0].headers['idempotency-key']).toMatch(/^n8n-[0-9a-f]{40}$/);
		const created = t.sim.mutations[0].id;
		expect(result.output).toEqual([{ json: t.sim.customers.get(created), pairedItem: { item: 0 } }]);
		expect(result.output[0].json).toMatchObject({ object: 'customer', ...body });
	});

	test('a create retried after a 500 keeps its key: one customer, not two', async () => {
		t.sim.fail({ status: 500, body: { error: { type: 'api_error', message: 'oops' } } });
		const before = t.sim.customers.size;
		const result = await t.run({ resource: 'customer', operation: 'create', additionalFields: { name: 'Once' } });
		expect(result.status).toBe('success');
		expect(t.sim.requests).toHaveLength(2);
		expect(t.sim.requests[1].headers['idempotency-key']).toBe(t.sim.requests[0].headers['idempotency-key']);
		expect(t.sim.customers.size).toBe(before + 1);
	});

	test('errors name the Additional Fields collection', async () => {
		const result = await t.run({ resource: 'customer', operation: 'create', additionalFields: { email: 'nope' } });
		expect(result.error?.message).toContain('Additional Fields → Email is "nope"');
		expect(t.sim.requests).toHaveLength(0);
	});
});

test('Customer → Get: GET /v1/customers/{id}, no body', async () => {
	const result = await t.run({ resource: 'customer', operation: 'get', customerId: byId('cus_sandbox_2') });
	expectRequest(t.sim.requests[0], { method: 'GET', path: '/v1/customers/cus_sandbox_2', body: undefined });
	expect(t.sim.requests[0].headers['idempotency-key']).toBeUndefined();
	expect(result.output).toEqual([{ json: t.sim.customers.get('cus_sandbox_2'), pairedItem: { item: 0 } }]);
});

describe('Cardholder → Create', () => {
	test('name, type and billing address required; additional fields added; documented body', async () => {
		const result = await t.run({
			resource: 'cardholder',
			operation: 'create',
			name: 'Jane Doe',
			type: 'individual',
			line1: '1 Main Street',
			city: 'London',
			postalCode: 'SW1A 1AA',
			country: 'GB',
			additionalFields: {
				line2: 'Flat 1',
				email: 'jane@example.com',
				individual: { firstName: 'Jane', lastName: 'Doe', dob: '1990-05-17' },
				status: 'inactive',
				spendingControls: { amount: 10000, interval: 'monthly', currency: 'gbp' },
			},
		});
		const body = {
			name: 'Jane Doe',
			type: 'individual',
			billing: { address: { line1: '1 Main Street', line2: 'Flat 1', city: 'London', postal_code: 'SW1A 1AA', country: 'GB' } },
			email: 'jane@example.com',
			individual: { first_name: 'Jane', last_name: 'Doe', dob: { day: 17, month: 5, year: 1990 } },
			status: 'inactive',
			spending_controls: { spending_limits: { amount: 10000, interval: 'monthly' }, spending_limits_currency: 'gbp' },
		};
		expect(result.error).toBeUndefined();
		expectRequest(t.sim.requests[0], { method: 'POST', path: '/v1/issuing/cardholders', body });
		expect(t.sim.requests[0].headers['idempotency-key']).toMatch(/^n8n-/);
		expect(result.output[0].json).toMatchObject({ object: 'issuing.cardholder', ...body });
	});

	test('the "Billing" fields carry their name into errors', async () => {
		const result = await t.run({
			resource: 'cardholder',
			operation: 'create',
			name: 'Jane Doe',
			type: 'company',
			line1: '1 Main Street',
			city: 'London',
			postalCode: 'SW1A 1AA',
			country: 'England',
		});
		expect(result.error?.message).toContain('Billing Country is "England"');
		expect(t.sim.requests).toHaveLength(0);
	});
});

test('Cardholder → Get: GET /v1/issuing/cardholders/{id}', async () => {
	const result = await t.run({ resource: 'cardholder', operation: 'get', cardholderId: { __rl: true, mode: 'list', value: 'ich_sandbox_3' } });
	expectRequest(t.sim.requests[0], { method: 'GET', path: '/v1/issuing/cardholders/ich_sandbox_3', body: undefined });
	expect(result.output[0].json.id).toBe('ich_sandbox_3');
});

describe('Cardholder → Get Many', () => {
	const paged = useSimulator({ maxPageSize: 2 });
	const all = () => [...paged.sim.cardholders.values()].sort((a, b) => b.created - a.created).map((c) => c.id);
	beforeAll(() => {
		for (let i = 0; i < 4; i++) paged.sim.addCardholder({ status: i % 2 ? 'blocked' : 'active', email: `p${i}@example.com` });
	});
	/** @param {object} extra */
	const getMany = (extra) => ({ resource: 'cardholder', operation: 'getAll', ...extra });

	test('Return All follows has_more and starting_after across pages smaller than asked', async () => {
		const ids = all();
		expect(ids).toHaveLength(7);
		const result = await paged.run(getMany({ returnAll: true }));
		expect(result.output.map((o) => o.json.id)).toEqual(ids);
		expect(result.output.every((o) => JSON.stringify(o.pairedItem) === '{"item":0}')).toBe(true);
		expect(paged.sim.requests.map((r) => r.query)).toEqual([
			{ limit: '100' },
			{ limit: '100', starting_after: ids[1] },
			{ limit: '100', starting_after: ids[3] },
			{ limit: '100', starting_after: ids[5] },
		]);
		for (const request of paged.sim.requests) {
			expect(request.path).toBe('/v1/issuing/cardholders');
			expect(request.method).toBe('GET');
		}
	});

	test('Limit stops without fetching more pages than it needs', async () => {
		const ids = all();
		const result = await paged.run(getMany({ returnAll: false, limit: 3 }));
		expect(result.output.map((o) => o.json.id)).toEqual(ids.slice(0, 3));
		expect(paged.sim.requests.map((r) => r.query)).toEqual([{ limit: '3' }, { limit: '1', starting_after: ids[1] }]);
		paged.sim.reset();
		await paged.run(getMany({ returnAll: false, limit: 2 }));
		expect(paged.sim.requests).toHaveLength(1);
	});

	test('filters are sent as WooshPay query parameters', async () => {
		const result = await paged.run(
			getMany({ returnAll: true, filters: { status: 'blocked', email: 'p1@example.com', createdAfter: '2026-01-01T00:00:00Z', type: 'individual' } }),
		);
		expect(paged.sim.requests[0].query).toEqual({
			limit: '100',
			status: 'blocked',
			email: 'p1@example.com',
			'created[gte]': String(Date.parse('2026-01-01T00:00:00Z') / 1000),
			type: 'individual',
		});
		expect(result.output.map((o) => o.json.email)).toEqual(['p1@example.com']);
	});

	test('an empty list gives no items and no error', async () => {
		const result = await paged.run(getMany({ returnAll: true, filters: { email: 'nobody@example.com' } }));
		expect(result.status).toBe('success');
		expect(result.output).toEqual([]);
	});
});

describe('Cardholder list search (the "From List" mode)', () => {
	const paged = useSimulator({ maxPageSize: 2 });
	/** @param {string} [filter] @param {string} [token] */
	const search = (filter, token) =>
		runListSearch({ credentials: { secretKey: SECRET_KEY, environment: 'custom', baseUrl: paged.sim.url } }, 'searchCardholders', filter, token);

	test('first page, then the next page with the token', async () => {
		const first = await search();
		expect(first.results.map((r) => r.value)).toEqual(['ich_sandbox_3', 'ich_sandbox_2']);
		expect(first.results[0].name).toBe('Alan Turing');
		expect(first.paginationToken).toBe('ich_sandbox_2');
		const next = await search(undefined, /** @type {string} */ (first.paginationToken));
		expect(next.results.map((r) => r.value)).toEqual(['ich_sandbox_1']);
		expect(next.paginationToken).toBeUndefined();
		expect(paged.sim.requests.map((r) => r.query)).toEqual([{ limit: '50' }, { limit: '50', starting_after: 'ich_sandbox_2' }]);
		expect(paged.sim.requests[0].headers.authorization).toBe(`Basic ${Buffer.from(`${SECRET_KEY}:`).toString('base64')}`);
	});

	test('a search term filters by name; an email address goes to WooshPay\'s email filter', async () => {
		const byName = await search('grace');
		expect(byName.results.map((r) => r.value)).toEqual(['ich_sandbox_2']);
		paged.sim.reset();
		const byEmail = await search('ada@example.com');
		expect(paged.sim.requests[0].query).toEqual({ limit: '50', email: 'ada@example.com' });
		expect(byEmail.results).toEqual([{ name: 'Ada Lovelace', value: 'ich_sandbox_1' }]);
	});
});

describe('errors of the other operations come through the same way', () => {
	test('Customer → Get of a missing customer', async () => {
		const result = await t.run({ resource: 'customer', operation: 'get', customerId: byId('cus_gone') });
		expect(result.error?.message).toBe(
			"WooshPay error 404 Not Found: No such customer: 'cus_gone' (type invalid_request_error, code resource_missing, param id) [item 0]",
		);
	});

	test('Cardholder → Create missing what WooshPay requires (from an expression) is WooshPay\'s 400, not retried', async () => {
		t.sim.fail({ status: 400, body: { error: { type: 'invalid_request_error', code: 'parameter_missing', message: 'Missing required param: name.', param: 'name' } } });
		const result = await t.run({
			resource: 'cardholder',
			operation: 'create',
			name: '={{ "" }}',
			type: 'individual',
			line1: '1 Main Street',
			city: 'London',
			postalCode: 'SW1A 1AA',
			country: 'GB',
		});
		expect(result.error?.message).toBe(
			'WooshPay error 400 Bad Request: Missing required param: name. (type invalid_request_error, code parameter_missing, param name) [item 0]',
		);
		expect(t.sim.requests).toHaveLength(1);
	});

	test('Cardholder → Get Many when a page fails after retries: the item fails, with WooshPay\'s words', async () => {
		t.sim.fail({ status: 500, body: { error: { type: 'api_error', message: 'list unavailable' } } }, 2);
		const result = await t.run({ resource: 'cardholder', operation: 'getAll', returnAll: true, options: { maxRetries: 1 } });
		expect(result.error?.message).toBe('WooshPay error 500 Internal Server Error: list unavailable (type api_error) [item 0]');
		expect(t.sim.requests).toHaveLength(2);
	});
});
