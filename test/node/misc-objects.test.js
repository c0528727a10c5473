// @ts-check
'use strict';

const { runListSearch } = require('../harness/engine');
const { AUTHORIZATION, SECRET_KEY, byId, expectRequest, useSimulator } = require('../harness/fixtures');

const { billingOf } = require('../simulator/billing');
const { disputesOf } = require('../simulator/disputes');
const { payoutsOf } = require('../simulator/payouts');
const webhooks = require('../simulator/webhooks');

/**
 * Payment Link → Get (Simplify on and off), FX Quote → Create, File → Get, Beneficiary → Get,
 * Webhook Endpoint → Get and Get Many, and the webhook endpoints' From List search, through the
 * engine against the simulator.
 */
const t = useSimulator();

describe('Payment Link → Get', () => {
	/** @param {object} [extra] */
	const get = (extra = {}) => ({ resource: 'paymentLink', operation: 'get', paymentLinkId: byId('plink_sandbox_1'), ...extra });
	const link = () => billingOf(t.sim).paymentLinks.get('plink_sandbox_1');

	test('GET /v1/payment_links/{id}, no body, no idempotency key', async () => {
		await t.run(get());
		expectRequest(t.sim.requests[0], { method: 'GET', path: '/v1/payment_links/plink_sandbox_1', body: undefined });
		expect(t.sim.requests[0].headers['idempotency-key']).toBeUndefined();
	});

	test('Simplify on (the default): exactly the fields README lists, line items cut to their price ID, quantity and amount_total, after_completion to its type', async () => {
		const result = await t.run(get());
		const { line_items: lineItems, ...whole } = link();
		expect(result.output).toEqual([
			{
				json: {
					id: 'plink_sandbox_1',
					active: true,
					url: 'https://checkouttest.wooshpay.com/pay/plink_sandbox_1',
					currency: 'USD',
					line_items: [{ price: lineItems.data[0].price.id, quantity: 1, amount_total: 2500 }],
					after_completion: 'hosted_confirmation',
					metadata: { campaign: 'spring' },
					livemode: false,
					created: whole.created,
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(Object.keys(result.output[0].json)).toEqual(['id', 'active', 'url', 'currency', 'line_items', 'after_completion', 'metadata', 'livemode', 'created']);
	});

	test('Simplify off: the whole payment link as WooshPay gives it', async () => {
		const result = await t.run(get({ simplify: false }));
		expect(result.output).toEqual([{ json: link(), pairedItem: { item: 0 } }]);
		expect(result.output[0].json).toHaveProperty('shipping_address_collection', { allowed_countries: ['GB', 'US'] });
	});

	test('Simplify leaves out the fields a link does not have, rather than giving them as undefined', async () => {
		const { after_completion: _a, line_items: _l, ...bare } = link();
		billingOf(t.sim).paymentLinks.set('plink_bare', { ...bare, id: 'plink_bare' });
		const result = await t.run(get({ paymentLinkId: byId('plink_bare') }));
		expect(result.output[0].json).toEqual({ id: 'plink_bare', active: true, url: bare.url, currency: 'USD', metadata: { campaign: 'spring' }, livemode: false, created: bare.created });
	});

	test("a link WooshPay does not know: its 404 in its words", async () => {
		const result = await t.run(get({ paymentLinkId: byId('plink_gone') }));
		expect(result.error?.message).toBe("WooshPay error 404 Not Found: No such payment_link: 'plink_gone' (type invalid_request_error, code resource_missing, param id) [item 0]");
	});
});

describe('FX Quote → Create', () => {
	/** @param {object} [extra] */
	const create = (extra = {}) => ({ resource: 'fxQuote', operation: 'create', fromCurrencies: 'USD, EUR', toCurrency: 'GBP', usage: 'payout', ...extra });

	test.each([
		['from_currencies (several, separated by commas), to_currency, usage.type', create(), { from_currencies: ['USD', 'EUR'], to_currency: 'GBP', usage: { type: 'payout' } }],
		['from_currencies (one)', create({ fromCurrencies: 'hkd' }), { from_currencies: ['hkd'], to_currency: 'GBP', usage: { type: 'payout' } }],
		['usage.type Pay-In', create({ usage: 'payin' }), { from_currencies: ['USD', 'EUR'], to_currency: 'GBP', usage: { type: 'payin' } }],
	])('%s', async (_path, parameters, body) => {
		const result = await t.run(parameters);
		expect(result.error).toBeUndefined();
		expectRequest(t.sim.requests[0], { method: 'POST', path: '/v1/fx_quotes', body });
		expect(t.sim.requests[0].headers['idempotency-key']).toMatch(/^n8n-[0-9a-f]{40}$/);
		const quote = payoutsOf(t.sim).fxQuotes.get(t.sim.mutations[0].id);
		expect(result.output).toEqual([{ json: quote, pairedItem: { item: 0 } }]);
		expect(Object.keys(quote.rates)).toEqual(body.from_currencies);
	});

	test('a list from an expression is sent as that list', async () => {
		await t.run(create({ fromCurrencies: '={{ ["SGD", "JPY"] }}' }));
		expect(t.sim.requests[0].body.from_currencies).toEqual(['SGD', 'JPY']);
	});

	test.each([
		['a currency of the list that is none', create({ fromCurrencies: 'USD, dollars' }), 'From Currencies is "dollars", which is not a three-letter currency code [item 0]'],
		['an empty list', create({ fromCurrencies: '={{ [] }}' }), 'From Currencies has no currency [item 0]. Give at least one three-letter currency code'],
		['a list of commas only', create({ fromCurrencies: ' , ' }), 'From Currencies has no currency [item 0]'],
		['a list mapped to nothing', create({ fromCurrencies: '={{ $json.currencies }}' }), 'From Currencies is empty, which is not a list [item 0]'],
		['a to currency that is none', create({ toCurrency: 'GB' }), 'To Currency is "GB", which is not a three-letter currency code [item 0]'],
		['a usage by expression', create({ usage: '={{ "both" }}' }), 'Usage is "both", which is not one of the allowed values [item 0]. Use one of: payin, payout.'],
	])('refused before sending: %s', async (_case, parameters, message) => {
		const result = await t.run(parameters);
		expect(result.error?.message).toContain(message);
		expect(t.sim.requests).toHaveLength(0);
	});
});

describe('File → Get', () => {
	test('GET /v1/files/{id}; outputs the file object, its url where WooshPay keeps the file', async () => {
		const result = await t.run({ resource: 'file', operation: 'get', fileId: byId('file_sandbox_2') });
		expectRequest(t.sim.requests[0], { method: 'GET', path: '/v1/files/file_sandbox_2', body: undefined });
		expect(result.output).toEqual([{ json: disputesOf(t.sim).files.get('file_sandbox_2'), pairedItem: { item: 0 } }]);
		expect(result.output[0].json).toMatchObject({ object: 'file', filename: 'delivery-proof.png', purpose: 'dispute_evidence', type: 'png', url: `${t.sim.url}/_sandbox/files/file_sandbox_2/contents` });
	});

	test('Continue On Fail: one output per item, paired; a missing file and an empty ID in their item', async () => {
		const result = await t.run(
			{ resource: 'file', operation: 'get', fileId: byId('={{ $json.file }}') },
			{ continueOnFail: true, items: [{ file: 'file_sandbox_1' }, { file: 'file_gone' }, { file: '' }, { file: 'file_sandbox_2' }] },
		);
		expect(result.output.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(result.output.map((o) => o.json.id ?? o.json.error)).toEqual([
			'file_sandbox_1',
			"WooshPay error 404 Not Found: No such file: 'file_gone' (type invalid_request_error, code resource_missing, param id) [item 1]",
			'File is empty [item 2]. Enter the ID, or map it from an earlier node with an expression such as {{ $json.id }}.',
			'file_sandbox_2',
		]);
		expect(t.sim.requests.map((r) => r.path).sort()).toEqual(['/v1/files/file_gone', '/v1/files/file_sandbox_1', '/v1/files/file_sandbox_2']);
	});
});

describe('Beneficiary → Get', () => {
	test.each(['bf_sandbox_1', 'bf_sandbox_2', 'bf_sandbox_3'])('GET /v1/beneficiaries/%s; outputs the beneficiary with its destination', async (id) => {
		const result = await t.run({ resource: 'beneficiary', operation: 'get', beneficiaryId: byId(id) });
		expectRequest(t.sim.requests[0], { method: 'GET', path: `/v1/beneficiaries/${id}`, body: undefined });
		expect(t.sim.requests[0].headers['idempotency-key']).toBeUndefined();
		expect(result.output).toEqual([{ json: payoutsOf(t.sim).beneficiaries.get(id), pairedItem: { item: 0 } }]);
		expect(result.output[0].json).toMatchObject({ object: 'beneficiary', destination_data: { destination_type: expect.any(String) } });
	});
});

describe('Webhook endpoints', () => {
	const paged = useSimulator({ maxPageSize: 2 });
	/** The endpoints as WooshPay lists them (without their secrets), newest first. */
	const listed = () =>
		[...webhooks.state(paged.sim).endpoints.values()]
			.sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : -1))
			.map(({ secret: _secret, ...endpoint }) => endpoint);
	/** Registers an endpoint as a WooshPay Trigger would, over HTTP. @param {object} body */
	const register = async (body) => {
		const response = await fetch(`${paged.sim.url}/v1/webhook_endpoints`, {
			method: 'POST',
			headers: { authorization: AUTHORIZATION, 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
		return /** @type {{ id: string }} */ (await response.json());
	};
	beforeAll(async () => {
		await register({ url: 'https://n8n.example.com/webhook/a1/webhook', enabled_events: ['payment_intent.succeeded'], description: 'n8n: Orders' });
		await register({ url: 'https://n8n.example.com/webhook/b2/webhook', enabled_events: ['*'] });
		const disabled = await register({ url: 'https://old.example.com/hook', enabled_events: ['payout.paid'], description: 'Legacy payouts' });
		await register({ url: 'https://n8n.example.com/webhook-test/c3/webhook', enabled_events: ['charge.captured'] });
		await register({ url: 'https://crm.example.com/wooshpay', enabled_events: ['charge.dispute.created'] });
		await fetch(`${paged.sim.url}/v1/webhook_endpoints/${disabled.id}`, {
			method: 'POST',
			headers: { authorization: AUTHORIZATION, 'content-type': 'application/json' },
			body: JSON.stringify({ disabled: true }),
		});
		paged.sim.reset();
	});

	describe('Webhook Endpoint → Get Many', () => {
		/** @param {object} extra */
		const getMany = (extra) => ({ resource: 'webhookEndpoint', operation: 'getAll', ...extra });

		test('Return All follows has_more and starting_after across three pages; each endpoint one item, without its secret', async () => {
			const endpoints = listed();
			const ids = endpoints.map((e) => e.id);
			expect(ids).toHaveLength(5);
			const result = await paged.run(getMany({ returnAll: true }));
			expect(result.output).toEqual(endpoints.map((json) => ({ json, pairedItem: { item: 0 } })));
			expect(result.output.every((o) => !('secret' in o.json))).toBe(true);
			expect(paged.sim.requests.map((r) => r.query)).toEqual([
				{ limit: '100' },
				{ limit: '100', starting_after: ids[1] },
				{ limit: '100', starting_after: ids[3] },
			]);
			for (const request of paged.sim.requests) expectRequest(request, { method: 'GET', path: '/v1/webhook_endpoints', body: undefined, query: request.query });
		});

		test('Limit stops without fetching a page it does not need', async () => {
			const ids = listed().map((e) => e.id);
			const result = await paged.run(getMany({ returnAll: false, limit: 4 }));
			expect(result.output.map((o) => o.json.id)).toEqual(ids.slice(0, 4));
			expect(paged.sim.requests.map((r) => r.query)).toEqual([{ limit: '4' }, { limit: '2', starting_after: ids[1] }]);
			paged.sim.reset();
			const one = await paged.run(getMany({ returnAll: false, limit: 1 }));
			expect(one.output.map((o) => o.json.id)).toEqual(ids.slice(0, 1));
			expect(paged.sim.requests.map((r) => r.query)).toEqual([{ limit: '1' }]);
		});

		test('a page that fails is retried (a list moves no money); its key is none, as for every GET', async () => {
			paged.sim.fail({ status: 500, body: { error: { type: 'api_error', message: 'oops' } } });
			const result = await paged.run(getMany({ returnAll: true }));
			expect(result.output).toHaveLength(5);
			expect(paged.sim.requests).toHaveLength(4);
			expect(paged.sim.requests.every((r) => r.headers['idempotency-key'] === undefined)).toBe(true);
		});
	});

	describe('Webhook Endpoint → Get', () => {
		test.each([
			['By ID', (/** @type {string} */ id) => byId(id)],
			['From List', (/** @type {string} */ id) => ({ __rl: true, mode: 'list', value: id, cachedResultName: 'https://…' })],
		])('%s: GET /v1/webhook_endpoints/{id}; outputs the endpoint without its secret', async (_mode, locator) => {
			const endpoint = listed()[2];
			const result = await paged.run({ resource: 'webhookEndpoint', operation: 'get', webhookEndpointId: locator(endpoint.id) });
			expectRequest(paged.sim.requests[0], { method: 'GET', path: `/v1/webhook_endpoints/${endpoint.id}`, body: undefined });
			expect(result.output).toEqual([{ json: endpoint, pairedItem: { item: 0 } }]);
			expect(endpoint).toMatchObject({ url: 'https://old.example.com/hook', status: 'disabled' });
		});
	});

	describe('the From List search of webhook endpoints', () => {
		/** @param {string} [filter] @param {string} [token] */
		const search = (filter, token) =>
			runListSearch({ credentials: { secretKey: SECRET_KEY, environment: 'custom', baseUrl: paged.sim.url }, path: 'parameters.webhookEndpointId' }, 'searchWebhookEndpoints', filter, token);

		test('page by page as the user scrolls: each endpoint by its URL, a disabled one marked', async () => {
			const endpoints = listed();
			const names = endpoints.map((e) => ({ name: `${e.url}${e.status === 'enabled' ? '' : ' (disabled)'}`, value: e.id }));
			const first = await search();
			expect(first).toEqual({ results: names.slice(0, 2), paginationToken: endpoints[1].id });
			const second = await search(undefined, endpoints[1].id);
			expect(second).toEqual({ results: names.slice(2, 4), paginationToken: endpoints[3].id });
			const last = await search(undefined, endpoints[3].id);
			expect(last).toEqual({ results: names.slice(4), paginationToken: undefined });
			expect(paged.sim.requests.map((r) => r.query)).toEqual([{ limit: '50' }, { limit: '50', starting_after: endpoints[1].id }, { limit: '50', starting_after: endpoints[3].id }]);
			for (const request of paged.sim.requests) expectRequest(request, { method: 'GET', path: '/v1/webhook_endpoints', body: undefined, query: request.query });
			expect(names.find((n) => n.name.endsWith(' (disabled)'))).toEqual({ name: 'https://old.example.com/hook (disabled)', value: endpoints.find((e) => e.status === 'disabled')?.id });
		});

		test('a search term filters the loaded page by address, description or ID, in any case', async () => {
			const endpoints = listed();
			// The newest two are the CRM's and the test URL's endpoints.
			expect(await search('CRM.EXAMPLE')).toEqual({ results: [{ name: 'https://crm.example.com/wooshpay', value: endpoints[0].id }], paginationToken: endpoints[1].id });
			expect((await search('webhook-test')).results.map((r) => r.value)).toEqual([endpoints[1].id]);
			const legacy = endpoints.find((e) => e.description === 'Legacy payouts');
			expect((await search('legacy', endpoints[1].id)).results).toEqual([{ name: 'https://old.example.com/hook (disabled)', value: legacy?.id }]);
			expect((await search(endpoints[4].id, endpoints[3].id)).results.map((r) => r.value)).toEqual([endpoints[4].id]);
			expect(paged.sim.requests.every((r) => !('url' in r.query) && !('description' in r.query))).toBe(true);
		});

		test("WooshPay's refusal of the key comes through in its words", async () => {
			await expect(
				runListSearch({ credentials: { secretKey: 'sk_test_wrong', environment: 'custom', baseUrl: paged.sim.url } }, 'searchWebhookEndpoints'),
			).rejects.toThrow('WooshPay error 401 Unauthorized');
		});
	});
});
