// @ts-check
'use strict';

const { runListSearch } = require('../harness/engine');
const { SECRET_KEY, byId, expectRequest, issuingOf, useSimulator } = require('../harness/fixtures');

/**
 * Card Transaction (Issuing) → Get, Get Many and Update through the engine against the
 * simulator. Update's body is on the page "Update a transaction" (`metadata`, typed string);
 * Get's path is inferred.
 */
const t = useSimulator();
/** @param {string} value */
const fromList = (value) => ({ __rl: true, mode: 'list', value });
/** @param {object} updateFields @param {object} [transactionId] */
const update = (updateFields, transactionId = byId('ipi_sandbox_1')) => ({
	resource: 'transaction',
	operation: 'update',
	transactionId,
	updateFields,
});

test.each([
	['By ID', byId('ipi_sandbox_3')],
	['From List', fromList('ipi_sandbox_3')],
])('Card Transaction → Get %s: GET /v1/issuing/transactions/{id}; outputs the transaction', async (_mode, transactionId) => {
	const result = await t.run({ resource: 'transaction', operation: 'get', transactionId });
	expectRequest(t.sim.requests[0], { method: 'GET', path: '/v1/issuing/transactions/ipi_sandbox_3', body: undefined });
	expect(result.output).toEqual([{ json: issuingOf(t.sim).transactions.get('ipi_sandbox_3'), pairedItem: { item: 0 } }]);
});

describe('Card Transaction → Update', () => {
	test('metadata pairs are sent as one JSON text (the page types metadata as a string); the answer has them as an object', async () => {
		const transaction = issuingOf(t.sim).addTransaction();
		const before = structuredClone(transaction);
		const result = await t.run(
			update({ metadata: { pair: [{ key: 'gl_code', value: '6200' }, { key: 'receipt', value: '={{ $json.receipt }}' }] } }, fromList(transaction.id)),
			{ items: [{ receipt: 4711 }] },
		);
		expect(result.error).toBeUndefined();
		expectRequest(t.sim.requests[0], {
			method: 'POST',
			path: `/v1/issuing/transactions/${transaction.id}`,
			body: { metadata: '{"gl_code":"6200","receipt":"4711"}' },
		});
		expect(t.sim.requests[0].headers['idempotency-key']).toMatch(/^n8n-[0-9a-f]{40}$/);
		expect(result.output).toEqual([{ json: { ...before, metadata: { gl_code: '6200', receipt: '4711' } }, pairedItem: { item: 0 } }]);
	});

	test('no pairs: an empty JSON object', async () => {
		const result = await t.run(update({ metadata: {} }));
		expect(result.error).toBeUndefined();
		expect(t.sim.requests[0].body).toEqual({ metadata: '{}' });
	});

	test('nothing added: a POST without a body (n8n leaves an empty body out), which changes nothing', async () => {
		await t.run(update({}));
		expectRequest(t.sim.requests[0], { method: 'POST', path: '/v1/issuing/transactions/ipi_sandbox_1', body: undefined });
	});

	test.each([
		['a pair without a key', { pair: [{ key: '', value: 'x' }] }, 'Update Fields → Metadata pair 1 has an empty key [item 0]. Give every metadata pair a key, or remove the pair.'],
		['a key twice', { pair: [{ key: 'a', value: '1' }, { key: 'a', value: '2' }] }, 'Update Fields → Metadata has the key "a" twice [item 0]. Give each key once; later pairs do not add to earlier ones.'],
	])('%s is refused before sending', async (_case, metadata, message) => {
		const result = await t.run(update({ metadata }));
		expect(t.sim.requests).toHaveLength(0);
		expect(result.error?.message).toBe(message);
	});

	test('tagging many transactions: one request each, paired; Continue On Fail keeps a failed one in place', async () => {
		const result = await t.run(update({ metadata: { pair: [{ key: 'batch', value: '={{ $json.batch }}' }] } }, byId('={{ $json.id }}')), {
			items: [
				{ id: 'ipi_sandbox_1', batch: 'A' },
				{ id: 'ipi_gone', batch: 'A' },
				{ id: 'ipi_sandbox_2', batch: 'B' },
			],
			continueOnFail: true,
		});
		expect(result.output.map((o) => [o.pairedItem, o.json.metadata ?? o.json.error])).toEqual([
			[{ item: 0 }, expect.objectContaining({ batch: 'A' })],
			[{ item: 1 }, "WooshPay error 404 Not Found: No such transaction: 'ipi_gone' (type invalid_request_error, code resource_missing, param id) [item 1]"],
			[{ item: 2 }, expect.objectContaining({ batch: 'B' })],
		]);
	});

	test.each([
		['../x', '/v1/issuing/transactions/..%2Fx'],
		['ipi_sandbox_1/../../cards/ic_sandbox_1', '/v1/issuing/transactions/ipi_sandbox_1%2F..%2F..%2Fcards%2Fic_sandbox_1'],
	])('the ID %j stays inside its path', async (id, path) => {
		const result = await t.run(update({ metadata: { pair: [{ key: 'a', value: 'b' }] } }, byId(id)));
		expect(t.sim.requests.map((r) => r.path)).toEqual([path]);
		expect(result.error?.httpCode).toBe('404');
		expect(issuingOf(t.sim).cards.get('ic_sandbox_1').metadata).toBeNull();
	});

	test('".." is refused before sending', async () => {
		const result = await t.run(update({}, byId('..')));
		expect(t.sim.requests).toHaveLength(0);
		expect(result.error?.message).toBe('Transaction is "..", which is not an ID [item 0]. Enter the ID of the object, as WooshPay shows it.');
	});
});

describe('Card Transaction → Get Many', () => {
	const paged = useSimulator({ maxPageSize: 2 });
	/** @param {object} extra */
	const getMany = (extra) => ({ resource: 'transaction', operation: 'getAll', ...extra });
	const all = () => [...issuingOf(paged.sim).transactions.values()].sort((a, b) => b.created - a.created);
	beforeAll(() => {
		for (let i = 0; i < 4; i++) issuingOf(paged.sim).addTransaction({ card: i % 2 ? 'ic_sandbox_2' : 'ic_sandbox_3', amount: 500 + i });
	});

	test('Return All follows has_more and starting_after across pages', async () => {
		const ids = all().map((a) => a.id);
		expect(ids).toHaveLength(7);
		const result = await paged.run(getMany({ returnAll: true }));
		expect(result.output).toEqual(all().map((json) => ({ json, pairedItem: { item: 0 } })));
		expect(paged.sim.requests.map((r) => r.query)).toEqual([
			{ limit: '100' },
			{ limit: '100', starting_after: ids[1] },
			{ limit: '100', starting_after: ids[3] },
			{ limit: '100', starting_after: ids[5] },
		]);
		for (const request of paged.sim.requests) expectRequest(request, { method: 'GET', path: '/v1/issuing/transactions', body: undefined, query: request.query });
	});

	test('Limit stops without fetching more pages than it needs', async () => {
		const ids = all().map((a) => a.id);
		const result = await paged.run(getMany({ returnAll: false, limit: 2 }));
		expect(result.output.map((o) => o.json.id)).toEqual(ids.slice(0, 2));
		expect(paged.sim.requests.map((r) => r.query)).toEqual([{ limit: '2' }]);
	});

	test('filters: card, cardholder, created', async () => {
		const created = all().map((a) => a.created);
		const result = await paged.run(
			getMany({
				returnAll: true,
				filters: { card: byId('ic_sandbox_3'), cardholder: fromList('ich_sandbox_2'), createdAfter: new Date(created[6] * 1000).toISOString(), createdBefore: '={{ $now.plus(1, "day").toISO() }}' },
			}),
		);
		expect(paged.sim.requests[0].query).toEqual({
			limit: '100',
			card: 'ic_sandbox_3',
			cardholder: 'ich_sandbox_2',
			'created[gte]': String(created[6]),
			'created[lte]': expect.stringMatching(/^\d+$/),
		});
		expect(result.output.map((o) => o.json.amount)).toEqual([502, 500, 3000]);
	});

	test('a created date that is no date is refused, naming the filter', async () => {
		const result = await paged.run(getMany({ returnAll: true, filters: { createdAfter: '={{ "yesterday" }}' } }));
		expect(paged.sim.requests).toHaveLength(0);
		expect(result.error?.message).toContain('Filters → Created After is "yesterday", which is not a date and time [item 0].');
	});
});

test('Card Transaction list search: refunds marked, amount, merchant, when; filtered by merchant', async () => {
	/** @param {string} [filter] */
	const search = (filter) =>
		runListSearch({ credentials: { secretKey: SECRET_KEY, environment: 'custom', baseUrl: t.sim.url }, path: 'parameters.transactionId' }, 'searchTransactions', filter);
	/** @param {string} id */
	const when = (id) => `${new Date(issuingOf(t.sim).transactions.get(id).created * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
	const found = await search();
	expect(found.results.slice(-3)).toEqual([
		{ name: `30.00 GBP · City Cabs · ${when('ipi_sandbox_3')}`, value: 'ipi_sandbox_3' },
		{ name: `Refund · 12.50 USD · Corner Cafe · ${when('ipi_sandbox_2')}`, value: 'ipi_sandbox_2' },
		{ name: `12.50 USD · Corner Cafe · ${when('ipi_sandbox_1')}`, value: 'ipi_sandbox_1' },
	]);
	expect((await search('cabs')).results.map((r) => r.value)).toEqual(['ipi_sandbox_3']);
});
