// @ts-check
'use strict';

const { readFileSync } = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const { runListSearch } = require('../harness/engine');
const { SECRET_KEY, byId, expectRequest, issuingOf, useSimulator } = require('../harness/fixtures');

/**
 * Card (Issuing) → Get, Get Many, Update and Get Remaining Limits through the engine against
 * the simulator: each request as WooshPay's pages document it, each output item, the list
 * search, errors and IDs that try to leave their path.
 */
const t = useSimulator();
const cards = () => issuingOf(t.sim).cards;
/** @param {string} value */
const fromList = (value) => ({ __rl: true, mode: 'list', value });

/** @param {object} updateFields @param {object} [cardId] */
const update = (updateFields, cardId = byId('ic_sandbox_1')) => ({
	resource: 'card',
	operation: 'update',
	cardId,
	updateFields,
});

describe('Card → Get', () => {
	test.each([
		['By ID', byId('ic_sandbox_1')],
		['From List', fromList('ic_sandbox_1')],
	])('%s: GET /v1/issuing/cards/{id}, no query, no body, no idempotency key; outputs the card', async (_mode, cardId) => {
		const result = await t.run({ resource: 'card', operation: 'get', cardId });
		expectRequest(t.sim.requests[0], { method: 'GET', path: '/v1/issuing/cards/ic_sandbox_1', body: undefined });
		expect(t.sim.requests[0].headers['idempotency-key']).toBeUndefined();
		expect(result.output).toEqual([{ json: cards().get('ic_sandbox_1'), pairedItem: { item: 0 } }]);
		expect(result.output[0].json).toMatchObject({ object: 'issuing.card', last4: '4242', cardholder: { id: 'ich_sandbox_1' } });
	});
});

test('Card → Get Remaining Limits: GET /v1/issuing/cards/{id}/limits; outputs currency and limits as WooshPay gives them', async () => {
	const result = await t.run({ resource: 'card', operation: 'getLimits', cardId: fromList('ic_sandbox_1') });
	expectRequest(t.sim.requests[0], { method: 'GET', path: '/v1/issuing/cards/ic_sandbox_1/limits', body: undefined });
	expect(result.output).toEqual([
		{
			json: {
				currency: 'usd',
				limits: [
					{ amount: 50000, interval: 'per_authorization', remaining: 50000 },
					{ amount: 200000, interval: 'monthly', remaining: 154250 },
				],
			},
			pairedItem: { item: 0 },
		},
	]);
});

describe('Card → Update', () => {
	test.each([
		['status active', { status: 'active' }, { status: 'active' }],
		['status inactive (freeze)', { status: 'inactive' }, { status: 'inactive' }],
		['status canceled', { status: 'canceled' }, { status: 'canceled' }],
		['canceled, lost', { status: 'canceled', cancellationReason: 'lost' }, { status: 'canceled', cancellation_reason: 'lost' }],
		['canceled, stolen', { status: 'canceled', cancellationReason: 'stolen' }, { status: 'canceled', cancellation_reason: 'stolen' }],
		['canceled, design rejected', { status: 'canceled', cancellationReason: 'design_rejected' }, { status: 'canceled', cancellation_reason: 'design_rejected' }],
		['metadata as one JSON text', { metadata: { pair: [{ key: 'cost_centre', value: '42' }, { key: 'team', value: 'ops' }] } }, { metadata: '{"cost_centre":"42","team":"ops"}' }],
	])('%s: POST /v1/issuing/cards/{id} with the documented body and an idempotency key', async (_case, fields, body) => {
		const card = issuingOf(t.sim).addCard();
		const before = structuredClone(card);
		const result = await t.run(update(fields, byId(card.id)));
		expect(result.error).toBeUndefined();
		expect(t.sim.requests).toHaveLength(1);
		expectRequest(t.sim.requests[0], { method: 'POST', path: `/v1/issuing/cards/${card.id}`, body });
		expect(t.sim.requests[0].headers['idempotency-key']).toMatch(/^n8n-[0-9a-f]{40}$/);
		expect(result.output).toEqual([{ json: { ...before, ...body }, pairedItem: { item: 0 } }]);
	});

	test('a status and reason from expressions are checked like picked ones', async () => {
		const card = issuingOf(t.sim).addCard();
		const result = await t.run(update({ status: '={{ $json.status }}', cancellationReason: '={{ $json.reason }}' }, byId(card.id)), {
			items: [{ status: 'canceled', reason: 'stolen' }],
		});
		expect(result.error).toBeUndefined();
		expect(t.sim.requests[0].body).toEqual({ status: 'canceled', cancellation_reason: 'stolen' });
	});

	describe('a cancellation reason without Status "Canceled" is refused before sending', () => {
		test.each([
			['no status', { cancellationReason: 'lost' }],
			['status inactive', { status: 'inactive', cancellationReason: 'lost' }],
			['status active', { status: 'active', cancellationReason: 'stolen' }],
			['status from an expression that is not canceled', { status: '={{ "inactive" }}', cancellationReason: 'lost' }],
		])('%s', async (_case, fields) => {
			const result = await t.run(update(fields));
			expect(t.sim.requests).toHaveLength(0);
			expect(result.error?.message).toBe(
				'Update Fields → Cancellation Reason is set, but Status is not Canceled [item 0]. A cancellation reason goes only with canceling the card: add Status "Canceled", or remove Cancellation Reason.',
			);
			expect(result.error?.description).toContain('add Status "Canceled"');
		});
	});

	test.each([
		['a status that does not exist', { status: '={{ "frozen" }}' }, 'Update Fields → Status is "frozen", which is not one of the allowed values [item 0]. Use one of: active, canceled, inactive.'],
		['a reason that does not exist', { status: 'canceled', cancellationReason: '={{ "misplaced" }}' }, 'Update Fields → Cancellation Reason is "misplaced", which is not one of the allowed values [item 0]. Use one of: design_rejected, lost, stolen.'],
		['a metadata pair without a key', { metadata: { pair: [{ key: ' ', value: 'x' }] } }, 'Update Fields → Metadata pair 1 has an empty key [item 0]. Give every metadata pair a key, or remove the pair.'],
	])('%s is refused before sending', async (_case, fields, message) => {
		const result = await t.run(update(fields));
		expect(t.sim.requests).toHaveLength(0);
		expect(result.error?.message).toBe(message);
	});

	test('freezing many cards: one request per item, each with its own ID and key, outputs paired in order', async () => {
		const ids = [1, 2, 3].map(() => issuingOf(t.sim).addCard().id);
		const result = await t.run(update({ status: 'inactive' }, byId('={{ $json.cardId }}')), { items: ids.map((cardId) => ({ cardId })) });
		expect(result.status).toBe('success');
		expect(t.sim.requests.map((r) => r.path).sort()).toEqual(ids.map((id) => `/v1/issuing/cards/${id}`));
		expect(new Set(t.sim.requests.map((r) => r.headers['idempotency-key'])).size).toBe(3);
		expect(result.output.map((o) => [o.json.id, o.json.status, o.pairedItem])).toEqual(ids.map((id, i) => [id, 'inactive', { item: i }]));
	});

	test('Continue On Fail: every item gives one output item, paired; bad input and WooshPay errors carry their message', async () => {
		const good = issuingOf(t.sim).addCard().id;
		const result = await t.run(update({ status: '={{ $json.status }}', cancellationReason: 'lost' }, byId('={{ $json.cardId }}')), {
			items: [
				{ cardId: good, status: 'canceled' },
				{ cardId: good, status: 'inactive' },
				{ cardId: 'ic_missing', status: 'canceled' },
				{ cardId: '..', status: 'canceled' },
			],
			continueOnFail: true,
		});
		expect(result.status).toBe('success');
		expect(result.output.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(result.output[0].json).toMatchObject({ id: good, status: 'canceled', cancellation_reason: 'lost' });
		expect(result.output[1].json).toEqual({
			error:
				'Update Fields → Cancellation Reason is set, but Status is not Canceled [item 1]. A cancellation reason goes only with canceling the card: add Status "Canceled", or remove Cancellation Reason.',
		});
		expect(result.output[2].json.error).toBe(
			"WooshPay error 404 Not Found: No such card: 'ic_missing' (type invalid_request_error, code resource_missing, param id) [item 2]",
		);
		expect(result.output[3].json).toEqual({ error: 'Card is "..", which is not an ID [item 3]. Enter the ID of the object, as WooshPay shows it.' });
		expect(t.sim.requests.map((r) => r.path).sort()).toEqual(['/v1/issuing/cards/ic_missing', `/v1/issuing/cards/${good}`].sort());
	});
});

/**
 * A node of examples/card-freeze-lost.json, as far as the test reads it.
 * @typedef {{ name: string; parameters: { assignments?: Assignments } }} ExampleNode
 * @typedef {{ assignments: Array<{ name: string; value: string }> }} Assignments
 */

test('the example "freeze a lost card" sends what examples/README.md says', async () => {
	const workflow = /** @type {{ nodes: ExampleNode[] }} */ (JSON.parse(readFileSync(path.join(__dirname, '../../examples/card-freeze-lost.json'), 'utf8')));
	const report = /** @type {Assignments} */ (/** @type {ExampleNode} */ (workflow.nodes.find((n) => n.name === 'Lost card report')).parameters.assignments).assignments;
	const freeze = /** @type {ExampleNode} */ (workflow.nodes.find((n) => n.name === 'Freeze card')).parameters;
	const card = issuingOf(t.sim).cards.get('ic_sandbox_1');
	const result = await t.run(freeze, { items: [Object.fromEntries(report.map((a) => [a.name, a.value]))] });
	expectRequest(t.sim.requests[0], { method: 'POST', path: '/v1/issuing/cards/ic_sandbox_1', body: { status: 'inactive' } });
	expect(result.output[0].json).toMatchObject({ id: 'ic_sandbox_1', status: 'inactive' });
	card.status = 'active';
});

describe('IDs stay inside their path', () => {
	test.each([
		['get', '../x', '/v1/issuing/cards/..%2Fx', "No such card: '../x'"],
		['get', 'a/b', '/v1/issuing/cards/a%2Fb', "No such card: 'a/b'"],
		['getLimits', '../ic_sandbox_1', '/v1/issuing/cards/..%2Fic_sandbox_1/limits', "No such card: '../ic_sandbox_1'"],
		['update', 'ic_sandbox_1/limits', '/v1/issuing/cards/ic_sandbox_1%2Flimits', "No such card: 'ic_sandbox_1/limits'"],
	])('%s with %j goes to %s only', async (operation, id, path, message) => {
		const result = await t.run({ resource: 'card', operation, cardId: byId(id), updateFields: { status: 'inactive' } });
		expect(t.sim.requests.map((r) => r.path)).toEqual([path]);
		expect(result.error?.message).toContain(message);
	});

	test.each(['..', '.', ' '])('%j is refused before sending', async (id) => {
		const result = await t.run({ resource: 'card', operation: 'getLimits', cardId: byId(id) });
		expect(t.sim.requests).toHaveLength(0);
		expect(result.error?.message).toMatch(/^Card is (empty|"\.\.?", which is not an ID) \[item 0\]/);
	});
});

describe('Card → Get Many', () => {
	const paged = useSimulator({ maxPageSize: 2 });
	/** @param {object} extra */
	const getMany = (extra) => ({ resource: 'card', operation: 'getAll', ...extra });
	const newestFirst = () => [...issuingOf(paged.sim).cards.values()].sort((a, b) => b.created - a.created).map((c) => c.id);
	beforeAll(() => {
		for (let i = 0; i < 3; i++) issuingOf(paged.sim).addCard({ cardholder: 'ich_sandbox_2', type: i ? 'virtual' : 'physical' });
	});

	test('Return All follows has_more and starting_after across pages smaller than asked', async () => {
		const ids = newestFirst();
		expect(ids).toHaveLength(7);
		const result = await paged.run(getMany({ returnAll: true }));
		expect(result.output.map((o) => o.json)).toEqual(ids.map((id) => issuingOf(paged.sim).cards.get(id)));
		expect(result.output.every((o) => JSON.stringify(o.pairedItem) === '{"item":0}')).toBe(true);
		expect(paged.sim.requests.map((r) => r.query)).toEqual([
			{ limit: '100' },
			{ limit: '100', starting_after: ids[1] },
			{ limit: '100', starting_after: ids[3] },
			{ limit: '100', starting_after: ids[5] },
		]);
		for (const request of paged.sim.requests) expectRequest(request, { method: 'GET', path: '/v1/issuing/cards', body: undefined, query: request.query });
	});

	test('Limit stops without fetching more pages than it needs', async () => {
		const ids = newestFirst();
		const result = await paged.run(getMany({ returnAll: false, limit: 3 }));
		expect(result.output.map((o) => o.json.id)).toEqual(ids.slice(0, 3));
		expect(paged.sim.requests.map((r) => r.query)).toEqual([{ limit: '3' }, { limit: '1', starting_after: ids[1] }]);
		paged.sim.reset();
		await paged.run(getMany({ returnAll: false, limit: 2 }));
		expect(paged.sim.requests.map((r) => r.query)).toEqual([{ limit: '2' }]);
	});

	test('filters are the query parameters the page declares: cardholder (From List or By ID), type, created', async () => {
		const cards = issuingOf(paged.sim).cards;
		const created = [...cards.values()].map((c) => c.created).sort((a, b) => a - b);
		/** @param {number} unix */
		const seconds = (unix) => new Date(unix * 1000).toISOString();
		const result = await paged.run(
			getMany({
				returnAll: true,
				filters: { cardholder: fromList('ich_sandbox_2'), type: 'virtual', createdAfter: seconds(created[0]), createdBefore: seconds(created[6]) },
			}),
		);
		expect(paged.sim.requests[0].query).toEqual({
			limit: '100',
			cardholder: 'ich_sandbox_2',
			type: 'virtual',
			'created[gte]': String(created[0]),
			'created[lte]': String(created[6]),
		});
		const expected = newestFirst().filter((id) => cards.get(id).cardholder.id === 'ich_sandbox_2' && cards.get(id).type === 'virtual');
		expect(expected).toHaveLength(3);
		expect(result.output.map((o) => o.json.id)).toEqual(expected);
		paged.sim.reset();
		await paged.run(getMany({ returnAll: false, limit: 1, filters: { cardholder: byId(' ich_sandbox_1 '), type: 'physical' } }));
		expect(paged.sim.requests[0].query).toEqual({ limit: '1', cardholder: 'ich_sandbox_1', type: 'physical' });
	});

	test('a cardholder filter added but left empty is refused, naming the filter', async () => {
		const result = await paged.run(getMany({ returnAll: true, filters: { cardholder: byId('={{ $json.nothing }}') } }));
		expect(paged.sim.requests).toHaveLength(0);
		expect(result.error?.message).toBe('Filters → Cardholder is empty [item 0]. Pick one from the list or enter its ID, or remove the filter.');
	});

	test('a type from an expression that is no type is refused', async () => {
		const result = await paged.run(getMany({ returnAll: true, filters: { type: '={{ "plastic" }}' } }));
		expect(paged.sim.requests).toHaveLength(0);
		expect(result.error?.message).toBe('Filters → Type is "plastic", which is not one of the allowed values [item 0]. Use one of: physical, virtual.');
	});

	test('an empty list gives no items and no error', async () => {
		const result = await paged.run(getMany({ returnAll: true, filters: { cardholder: byId('ich_nobody') } }));
		expect(result.status).toBe('success');
		expect(result.output).toEqual([]);
	});

	test('a page that fails after retries fails the item with WooshPay\'s words', async () => {
		paged.sim.fail({ status: 500, body: { error: { type: 'api_error', message: 'cards unavailable' } } }, 2);
		const result = await paged.run(getMany({ returnAll: true, options: { maxRetries: 1 } }));
		expect(result.error?.message).toBe('WooshPay error 500 Internal Server Error: cards unavailable (type api_error) [item 0]');
	});
});

describe('Card list search (the "From List" mode)', () => {
	const paged = useSimulator({ maxPageSize: 2 });
	/** @param {string} [filter] @param {string} [token] */
	const search = (filter, token) =>
		runListSearch({ credentials: { secretKey: SECRET_KEY, environment: 'custom', baseUrl: paged.sim.url }, path: 'parameters.cardId' }, 'searchCards', filter, token);

	test('brand, last four digits and cardholder, non-active status marked; pages with the token', async () => {
		issuingOf(paged.sim);
		const first = await search();
		expect(first.results).toEqual([
			{ name: 'Visa ···· 1881 · Alan Turing (canceled)', value: 'ic_sandbox_4' },
			{ name: 'Visa ···· 0077 · Grace Hopper', value: 'ic_sandbox_3' },
		]);
		expect(first.paginationToken).toBe('ic_sandbox_3');
		const next = await search(undefined, /** @type {string} */ (first.paginationToken));
		expect(next.results).toEqual([
			{ name: 'MasterCard ···· 4444 · Ada Lovelace (inactive)', value: 'ic_sandbox_2' },
			{ name: 'Visa ···· 4242 · Ada Lovelace', value: 'ic_sandbox_1' },
		]);
		expect(next.paginationToken).toBeUndefined();
		expect(paged.sim.requests.map((r) => [r.path, r.query])).toEqual([
			['/v1/issuing/cards', { limit: '50' }],
			['/v1/issuing/cards', { limit: '50', starting_after: 'ic_sandbox_3' }],
		]);
	});

	test('a term filters the page by last four digits, cardholder name or ID', async () => {
		expect((await search('0077')).results.map((r) => r.value)).toEqual(['ic_sandbox_3']);
		expect((await search('turing')).results.map((r) => r.value)).toEqual(['ic_sandbox_4']);
		expect((await search(undefined, 'ic_sandbox_3')).results.map((r) => r.value)).toEqual(['ic_sandbox_2', 'ic_sandbox_1']);
		expect((await search('IC_SANDBOX_2', 'ic_sandbox_3')).results.map((r) => r.value)).toEqual(['ic_sandbox_2']);
	});

	test('the cardholder filter\'s list is the cardholder search', async () => {
		const found = await runListSearch(
			{ credentials: { secretKey: SECRET_KEY, environment: 'custom', baseUrl: paged.sim.url }, path: 'parameters.filters.cardholder' },
			'searchCardholders',
			'grace',
		);
		expect(found.results).toEqual([{ name: 'Grace Hopper', value: 'ich_sandbox_2' }]);
	});
});

describe('the simulator keeps to the cards pages', () => {
	/**
	 * One raw request (fetch refuses a body on GET, which this check needs).
	 * @param {string} path
	 * @param {{ method?: string; body?: string }} [init]
	 */
	const call = (path, init = {}) =>
		/** @type {Promise<[number | undefined, string | undefined]>} */ (new Promise((resolve, reject) => {
			const request = http.request(`${t.sim.url}${path}`, {
				method: init.method ?? 'GET',
				headers: {
					authorization: `Basic ${Buffer.from(`${SECRET_KEY}:`).toString('base64')}`,
					'content-type': 'application/json',
					'content-length': Buffer.byteLength(init.body ?? ''),
				},
			});
			request.on('response', (response) => {
				let text = '';
				response.on('data', (chunk) => (text += chunk));
				response.on('end', () => resolve([response.statusCode, /** @type {{ error?: { message?: string } }} */ (JSON.parse(text)).error?.message]));
			});
			request.on('error', reject);
			request.end(init.body);
		}));

	test.each([
		['an undeclared list filter', '/v1/issuing/cards?status=active', {}, 'Received unknown parameter: status'],
		['a type the page does not list', '/v1/issuing/cards?type=plastic', {}, 'Invalid type: must be one of virtual, physical'],
		['a created bound that is not Unix seconds', '/v1/issuing/cards?created%5Bgte%5D=2026-01-01', {}, 'Invalid integer: created[gte]'],
		['a list filter in a JSON body', '/v1/issuing/cards', { body: '{"cardholder":"ich_sandbox_1"}', method: 'GET' }, 'This endpoint takes its parameters in the query string, not in a request body.'],
		['a query parameter on the limits', '/v1/issuing/cards/ic_sandbox_1/limits?limit=1', {}, 'Received unknown parameter: limit'],
		['an update field the page does not leave updatable', '/v1/issuing/cards/ic_sandbox_1', { method: 'POST', body: '{"last4":"0000"}' }, 'Received unknown parameter: last4'],
		['metadata as an object', '/v1/issuing/cards/ic_sandbox_1', { method: 'POST', body: '{"metadata":{"a":"1"}}' }, 'Invalid string: metadata'],
	])('%s is refused with 400', async (_case, path, init, message) => {
		expect(await call(path, init)).toEqual([400, message]);
	});
});
