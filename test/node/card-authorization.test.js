// @ts-check
'use strict';

const { runListSearch } = require('../harness/engine');
const { SECRET_KEY, byId, expectRequest, issuingOf, useSimulator } = require('../harness/fixtures');

/**
 * Card Authorization (Issuing) → Get and Get Many through the engine against the simulator.
 * Get's path is inferred (WooshPay's page could not be read); Get Many's query parameters are
 * on the page "List all authorization".
 */
const t = useSimulator();
/** @param {string} value */
const fromList = (value) => ({ __rl: true, mode: 'list', value });

describe('Card Authorization → Get', () => {
	test.each([
		['By ID', byId('iauth_sandbox_2')],
		['From List', fromList('iauth_sandbox_2')],
	])('%s: GET /v1/issuing/authorizations/{id}; outputs the authorization with its card', async (_mode, authorizationId) => {
		const result = await t.run({ resource: 'authorization', operation: 'get', authorizationId });
		expectRequest(t.sim.requests[0], { method: 'GET', path: '/v1/issuing/authorizations/iauth_sandbox_2', body: undefined });
		const issuing = issuingOf(t.sim);
		expect(result.output).toEqual([
			{ json: issuing.showAuthorization(issuing.authorizations.get('iauth_sandbox_2')), pairedItem: { item: 0 } },
		]);
		expect(result.output[0].json).toMatchObject({ amount: 4599, approved: true, card: { id: 'ic_sandbox_1', last4: '4242' } });
	});

	test('a missing authorization: WooshPay\'s 404 in its words', async () => {
		const result = await t.run({ resource: 'authorization', operation: 'get', authorizationId: byId('iauth_gone') });
		expect(result.error?.message).toBe(
			"WooshPay error 404 Not Found: No such authorization: 'iauth_gone' (type invalid_request_error, code resource_missing, param id) [item 0]",
		);
	});

	test.each([
		['../x', '/v1/issuing/authorizations/..%2Fx'],
		['a/b', '/v1/issuing/authorizations/a%2Fb'],
		['x?card=1', '/v1/issuing/authorizations/x%3Fcard%3D1'],
	])('the ID %j stays inside its path: %s', async (id, path) => {
		await t.run({ resource: 'authorization', operation: 'get', authorizationId: byId(id) });
		expect(t.sim.requests.map((r) => [r.path, r.query])).toEqual([[path, {}]]);
	});

	test('Continue On Fail: one output per item, paired, errors in place', async () => {
		const result = await t.run({ resource: 'authorization', operation: 'get', authorizationId: byId('={{ $json.id }}') }, {
			items: [{ id: 'iauth_sandbox_1' }, { id: '..' }, { id: 'iauth_gone' }],
			continueOnFail: true,
		});
		expect(result.output.map((o) => [o.pairedItem, o.json.id ?? o.json.error])).toEqual([
			[{ item: 0 }, 'iauth_sandbox_1'],
			[{ item: 1 }, 'Authorization is "..", which is not an ID [item 1]. Enter the ID of the object, as WooshPay shows it.'],
			[{ item: 2 }, "WooshPay error 404 Not Found: No such authorization: 'iauth_gone' (type invalid_request_error, code resource_missing, param id) [item 2]"],
		]);
	});
});

describe('Card Authorization → Get Many', () => {
	const paged = useSimulator({ maxPageSize: 2 });
	/** @param {object} extra */
	const getMany = (extra) => ({ resource: 'authorization', operation: 'getAll', ...extra });
	const all = () => [...issuingOf(paged.sim).authorizations.values()].sort((a, b) => b.created - a.created);
	beforeAll(() => {
		for (let i = 0; i < 3; i++) issuingOf(paged.sim).addAuthorization({ card: 'ic_sandbox_3', amount: 100 + i, status: i ? 'closed' : 'pending' });
	});

	test('Return All follows has_more and starting_after across pages; each authorization with its card', async () => {
		const issuing = issuingOf(paged.sim);
		const ids = all().map((a) => a.id);
		expect(ids).toHaveLength(6);
		const result = await paged.run(getMany({ returnAll: true }));
		expect(result.output).toEqual(all().map((a) => ({ json: issuing.showAuthorization(a), pairedItem: { item: 0 } })));
		expect(paged.sim.requests.map((r) => r.query)).toEqual([
			{ limit: '100' },
			{ limit: '100', starting_after: ids[1] },
			{ limit: '100', starting_after: ids[3] },
		]);
		for (const request of paged.sim.requests) expectRequest(request, { method: 'GET', path: '/v1/issuing/authorizations', body: undefined, query: request.query });
	});

	test('Limit stops without fetching more pages than it needs', async () => {
		const ids = all().map((a) => a.id);
		const result = await paged.run(getMany({ returnAll: false, limit: 4 }));
		expect(result.output.map((o) => o.json.id)).toEqual(ids.slice(0, 4));
		expect(paged.sim.requests.map((r) => r.query)).toEqual([{ limit: '4' }, { limit: '2', starting_after: ids[1] }]);
	});

	test('filters: card and cardholder (From List or By ID), status, created', async () => {
		const created = all().map((a) => a.created);
		/** @param {number} unix */
		const iso = (unix) => new Date(unix * 1000).toISOString();
		const result = await paged.run(
			getMany({
				returnAll: true,
				filters: { card: fromList('ic_sandbox_3'), cardholder: byId('ich_sandbox_2'), status: 'closed', createdAfter: iso(created[3]), createdBefore: iso(created[0]) },
			}),
		);
		expect(paged.sim.requests[0].query).toEqual({
			limit: '100',
			card: 'ic_sandbox_3',
			cardholder: 'ich_sandbox_2',
			status: 'closed',
			'created[gte]': String(created[3]),
			'created[lte]': String(created[0]),
		});
		expect(result.output.map((o) => [o.json.amount, o.json.status])).toEqual([
			[102, 'closed'],
			[101, 'closed'],
			[120000, 'closed'],
		]);
	});

	test('a card filter added but empty is refused, naming it', async () => {
		const result = await paged.run(getMany({ returnAll: true, filters: { card: fromList('') } }));
		expect(paged.sim.requests).toHaveLength(0);
		expect(result.error?.message).toBe('Filters → Card is empty [item 0]. Pick one from the list or enter its ID, or remove the filter.');
	});
});

describe('Card Authorization list search', () => {
	/** @param {string} [filter] @param {string} [token] */
	const search = (filter, token) =>
		runListSearch({ credentials: { secretKey: SECRET_KEY, environment: 'custom', baseUrl: t.sim.url }, path: 'parameters.authorizationId' }, 'searchAuthorizations', filter, token);

	test('amount in the currency\'s main unit, merchant, card, declined marked, when; filtered by merchant or card', async () => {
		/** @param {string} id */
		const created = (id) => new Date(issuingOf(t.sim).authorizations.get(id).created * 1000).toISOString().slice(0, 16).replace('T', ' ');
		const found = await search();
		expect(found.results).toEqual([
			{ name: `1200.00 GBP · Electronics World · ···· 0077 · declined · ${created('iauth_sandbox_3')} UTC`, value: 'iauth_sandbox_3' },
			{ name: `45.99 USD · Office Supplies Ltd · ···· 4242 · ${created('iauth_sandbox_2')} UTC`, value: 'iauth_sandbox_2' },
			{ name: `12.50 USD · Corner Cafe · ···· 4242 · ${created('iauth_sandbox_1')} UTC`, value: 'iauth_sandbox_1' },
		]);
		expect(found.paginationToken).toBeUndefined();
		expect(t.sim.requests.map((r) => [r.path, r.query])).toEqual([['/v1/issuing/authorizations', { limit: '50' }]]);
		expect((await search('office')).results.map((r) => r.value)).toEqual(['iauth_sandbox_2']);
		expect((await search('4242')).results.map((r) => r.value)).toEqual(['iauth_sandbox_2', 'iauth_sandbox_1']);
	});
});
