// @ts-check
'use strict';

const { runListSearch } = require('../harness/engine');
const { SECRET_KEY, allText, byId, expectRequest, useSimulator } = require('../harness/fixtures');

/**
 * Issue 16 through the engine against the simulator: derived Idempotency-Keys include the n8n
 * instance and the workflow (finding 5), and the smaller holes of finding 6 on the node's side:
 * lists that do not end, redaction of what a server echoes back, metadata keys named like
 * members of every object, strict whole numbers, Unix milliseconds, time zone offsets and the
 * cap on Max Retries. (The trigger's side: test/trigger/security.test.js.)
 */
const t = useSimulator();

/** Customer → Update of one field: a POST with a derived key. @param {object} [options] */
const update = (options = {}, id = 'cus_sandbox_1') => ({
	resource: 'customer',
	operation: 'update',
	customerId: byId(id),
	updateFields: { description: 'checked' },
	options,
});

const keys = () => t.sim.requests.map((r) => /** @type {string} */ (r.headers['idempotency-key']));

describe('derived Idempotency-Keys include the n8n instance and the workflow (finding 5)', () => {
	/** @param {Partial<import('../harness/engine').RunOptions>} extra */
	const keyOf = async (extra) => {
		t.sim.reset();
		const result = await t.run(update(), { executionId: '1', ...extra });
		expect(result.status).toBe('success');
		const [key] = keys();
		expect(key).toMatch(/^n8n-[0-9a-f]{40}$/);
		return key;
	};

	test('execution 1 of the same workflow on the same instance: the same key (the key is derived, not random)', async () => {
		expect(await keyOf({ workflowId: 'wf-a', instanceId: 'instance-a' })).toBe(await keyOf({ workflowId: 'wf-a', instanceId: 'instance-a' }));
	});

	test('execution 1 in two workflows (imported, with the same node IDs): two keys', async () => {
		const first = await keyOf({ workflowId: 'wf-a', instanceId: 'instance-a' });
		const other = await keyOf({ workflowId: 'wf-b', instanceId: 'instance-a' });
		expect(other).not.toBe(first);
	});

	test('execution 1 of one workflow on two n8n instances (staging and CI on one account): two keys', async () => {
		const staging = await keyOf({ workflowId: 'wf-a', instanceId: 'staging' });
		const ci = await keyOf({ workflowId: 'wf-a', instanceId: 'ci' });
		expect(ci).not.toBe(staging);
	});

	test('two instances with the same execution ID both apply their update: no replayed answer, no 409', async () => {
		await t.run(update({}, 'cus_sandbox_2'), { executionId: '1', instanceId: 'staging' });
		const result = await t.run({ ...update({}, 'cus_sandbox_2'), updateFields: { description: 'from CI' } }, { executionId: '1', instanceId: 'ci' });
		expect(result.error).toBeUndefined();
		expect(result.output[0].json.description).toBe('from CI');
		expect(t.sim.mutations).toHaveLength(2);
		expect(new Set(keys()).size).toBe(2);
	});

	test('the same request retried (a 503, then a 429) keeps its key, on another instance and workflow too', async () => {
		t.sim.fail({ status: 503, headers: { 'retry-after': '0' }, body: { error: { type: 'api_error', message: 'busy' } } });
		t.sim.fail({ status: 429, headers: { 'retry-after': '0' }, body: { error: { type: 'invalid_request_error', code: 'rate_limit', message: 'slow' } } });
		// An account of its own: a 429 slows down the account's pace for the tests after it.
		const result = await t.run(update(), { executionId: '1', workflowId: 'wf-b', instanceId: 'ci', credentialId: 'throttled' });
		expect(result.status).toBe('success');
		expect(t.sim.requests).toHaveLength(3);
		expect(new Set(keys()).size).toBe(1);
		expect(t.sim.mutations).toHaveLength(1);
	});
});

describe('lists that do not end (finding 6)', () => {
	/** A page of cardholders as WooshPay answers it. @param {string[]} ids */
	const page = (ids) => ({ object: 'list', url: '/v1/issuing/cardholders', has_more: true, data: ids.map((id) => ({ id, object: 'issuing.cardholder' })) });
	const getAll = { resource: 'cardholder', operation: 'getAll', returnAll: true, filters: {} };

	test('Get Many with Return All, answered has_more with the same last ID again: stops with an error after the second page', async () => {
		t.sim.fail({ status: 200, body: page(['ich_a', 'ich_loop']) });
		t.sim.fail({ status: 200, body: page(['ich_b', 'ich_loop']) }, 5);
		const result = await t.run(getAll);
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe("WooshPay's list did not end: it answered has_more with ich_loop last again [item 0]");
		expect(result.error?.description).toContain('use Limit instead of Return All');
		expect(t.sim.requests.map((r) => r.query)).toEqual([
			{ limit: '100' },
			{ limit: '100', starting_after: 'ich_loop' },
		]);
		for (const request of t.sim.requests) expectRequest(request, { method: 'GET', path: '/v1/issuing/cardholders', body: undefined, query: request.query });
	});

	test('Continue On Fail: the item carries that error, the other item its list', async () => {
		t.sim.fail({ status: 200, body: page(['ich_loop']), match: (r) => r.query.email === 'loop@example.com' }, 6);
		const result = await t.run({ ...getAll, filters: { email: '={{ $json.email }}' } }, {
			continueOnFail: true,
			items: [{ email: 'loop@example.com' }, { email: 'ada@example.com' }],
		});
		expect(result.status).toBe('success');
		expect(result.output.map((o) => [o.json.error ?? o.json.id, o.pairedItem])).toEqual([
			["WooshPay's list did not end: it answered has_more with ich_loop last again [item 0]", { item: 0 }],
			['ich_sandbox_1', { item: 1 }],
		]);
		expect(t.sim.faults).toHaveLength(4);
	});

	test('more than 1,000 pages, each with a new cursor: stops with an error after the 1,000th', async () => {
		for (let i = 1; i <= 1005; i++) t.sim.fail({ status: 200, body: page([`ich_page_${i}`]) });
		const result = await t.run(getAll);
		expect(result.error?.message).toBe("WooshPay's list did not end: it still had more after 1000 pages [item 0]");
		expect(t.sim.requests).toHaveLength(1000);
		expect(t.sim.requests[999].query).toEqual({ limit: '100', starting_after: 'ich_page_999' });
		expect(t.sim.faults).toHaveLength(5);
	});
});

describe('what a server echoes back is redacted everywhere (finding 6)', () => {
	/**
	 * Runs Customer → Update with `secretKey` against a server whose error answer (`fault`)
	 * quotes secrets, with and without Continue On Fail, and returns every text of both runs.
	 * @param {string} secretKey
	 * @param {import('../simulator/simulator').Fault} fault
	 */
	async function everyText(secretKey, fault) {
		const credentials = { secretKey, environment: 'custom', baseUrl: t.sim.url };
		t.sim.fail(fault);
		const failed = await t.run(update({ maxRetries: 0 }), { credentials });
		t.sim.fail(fault);
		const continued = await t.run(update({ maxRetries: 0 }), { credentials, continueOnFail: true });
		expect(failed.status).toBe('error');
		expect(continued.output[0].json.error).toEqual(expect.any(String));
		return {
			message: /** @type {string} */ (failed.error?.message),
			output: /** @type {string} */ (continued.output[0].json.error),
			all: [allText(failed.run), allText(failed.error), JSON.stringify(failed.run), allText(continued.run), allText(continued.output), JSON.stringify(continued.run)].join('\n'),
		};
	}

	test('an Authorization: Basic header echoed in a proxy’s HTML error page', async () => {
		const basic = Buffer.from(`${SECRET_KEY}:`).toString('base64');
		const raw = `<html><body><h1>502 Bad Gateway</h1><pre>POST /v1/customers/cus_sandbox_1 HTTP/1.1\nAuthorization: Basic ${basic}\nIdempotency-Key: n8n-1</pre></body></html>`;
		const texts = await everyText(SECRET_KEY, { status: 502, raw });
		expect(texts.message).toBe(
			'WooshPay answered 502 Bad Gateway with text/html instead of JSON: "502 Bad Gateway POST /v1/customers/cus_sandbox_1 HTTP/1.1 Authorization: Basic *** Idempotency-Key: n8n-1" [item 0]',
		);
		expect(texts.output).toBe(texts.message);
		expect(texts.all).not.toContain(basic);
		expect(texts.all).not.toContain(basic.slice(0, 12));
	});

	test('the Basic form of another key, and a Bearer token, echoed in JSON', async () => {
		const otherBasic = Buffer.from('sk_live_SomeoneElse9:').toString('base64');
		const texts = await everyText(SECRET_KEY, {
			status: 400,
			body: { error: { type: 'invalid_request_error', message: `Rejected Authorization: Basic ${otherBasic} and Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig` } },
		});
		expect(texts.message).toBe('WooshPay error 400 Bad Request: Rejected Authorization: Basic *** and Bearer *** (type invalid_request_error) [item 0]');
		expect(texts.all).not.toContain(otherBasic);
		expect(texts.all).not.toContain('eyJhbGciOiJIUzI1NiJ9');
	});

	test('keys with - or . in them are cut whole, not in part', async () => {
		const texts = await everyText(SECRET_KEY, {
			status: 400,
			body: { error: { type: 'invalid_request_error', message: 'Keys sk_live_abc-DEF.ghi_123 and rk_test_x.y-z seen', param: 'sk_test_p-q.r' } },
		});
		expect(texts.message).toBe('WooshPay error 400 Bad Request: Keys sk_live_*** and rk_test_*** seen (type invalid_request_error, param sk_test_***) [item 0]');
		for (const part of ['DEF', 'ghi_123', 'x.y-z', 'p-q.r']) expect(texts.all).not.toContain(part);
	});

	test('whsec_ signing secrets', async () => {
		const secret = 'whsec_5B7ztykeFchpyupxbTLmZdQiNab+Rqjg/x=';
		const texts = await everyText(SECRET_KEY, { status: 500, body: { error: { type: 'api_error', message: `endpoint secret ${secret} leaked` } } });
		expect(texts.message).toBe('WooshPay error 500 Internal Server Error: endpoint secret whsec_*** leaked (type api_error) [item 0]');
		expect(texts.all).not.toContain('5B7ztykeFchpyupxbTLmZdQiNab');
	});

	test.each([
		['a key without the sk_ prefix (a proxy’s token)', 'proxy-token-7f3a9c2e', '***'],
		['an sk_ key', 'sk_test_51Exact.Key-Value', 'sk_test_***'],
	])('the credential’s exact key, %s, and its Basic form, wherever they are quoted', async (_case, key, shown) => {
		const basic = Buffer.from(`${key}:`).toString('base64');
		const texts = await everyText(key, {
			status: 403,
			body: { error: { type: 'invalid_request_error', message: `Key ${key} (sent as ${basic}) may not do this`, code: key } },
		});
		expect(texts.message).toBe(`WooshPay error 403 Forbidden: Key ${shown} (sent as ***) may not do this (type invalid_request_error, code ${shown}) [item 0]`);
		expect(texts.all).not.toContain(key);
		expect(texts.all).not.toContain(basic);
	});

	test('a From List search’s error too', async () => {
		const key = 'proxy-token-7f3a9c2e';
		t.sim.fail({ status: 502, raw: `<p>upstream refused ${key} / Basic ${Buffer.from(`${key}:`).toString('base64')}</p>` });
		const error = await runListSearch({ credentials: { secretKey: key, environment: 'custom', baseUrl: t.sim.url } }, 'searchCardholders').catch((/** @type {unknown} */ e) => e);
		expect(error).toMatchObject({ message: 'WooshPay answered 502 Bad Gateway with text/html instead of JSON: "upstream refused *** / Basic ***"' });
		expect(allText(error)).not.toContain(key);
	});
});

describe('metadata keys named like members of every object (finding 6)', () => {
	/** @param {string[]} names */
	const pairs = (names) => ({ pair: names.map((key, i) => ({ key, value: `v${i}` })) });

	test('toString and hasOwnProperty are sent as keys like any other, to customers and payment intents', async () => {
		const names = ['toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];
		const metadata = { toString: 'v0', hasOwnProperty: 'v1', valueOf: 'v2', isPrototypeOf: 'v3' };
		const customer = await t.run({ ...update(), updateFields: { metadata: pairs(names) } });
		expect(customer.error).toBeUndefined();
		expectRequest(t.sim.requests[0], { method: 'POST', path: '/v1/customers/cus_sandbox_1', body: { metadata } });
		expect(customer.output[0].json.metadata).toEqual(metadata);
		t.sim.reset();
		await t.run({ resource: 'paymentIntent', operation: 'create', amount: 100, currency: 'USD', additionalFields: { metadata: pairs(names) } });
		expect(t.sim.requests[0].body).toEqual({ amount: 100, currency: 'USD', metadata });
	});

	test('__proto__, constructor and prototype reach a cardholder (metadata in an array) and a card (JSON text) as keys', async () => {
		const names = ['constructor', '__proto__', 'prototype'];
		// JSON.parse keeps "__proto__" as a key of its own, as the simulator read the body.
		const metadata = JSON.parse('{"constructor":"v0","__proto__":"v1","prototype":"v2"}');
		await t.run({ resource: 'cardholder', operation: 'update', cardholderId: byId('ich_sandbox_1'), updateFields: { metadata: pairs(names) } });
		expectRequest(t.sim.requests[0], { method: 'POST', path: '/v1/issuing/cardholders/ich_sandbox_1', body: { metadata: [metadata] } });
		expect(Object.keys(t.sim.requests[0].body.metadata[0])).toEqual(names);
		t.sim.reset();
		await t.run({ resource: 'card', operation: 'update', cardId: byId('ic_sandbox_1'), updateFields: { metadata: pairs(names) } });
		expect(t.sim.requests[0].body).toEqual({ metadata: '{"constructor":"v0","__proto__":"v1","prototype":"v2"}' });
	});

	test.each(['constructor', '__proto__', 'prototype'])(
		'%s in metadata sent as an object is refused before sending: n8n’s HTTP client would leave it out',
		async (key) => {
			const result = await t.run({ ...update(), updateFields: { metadata: pairs(['toString', key]) } });
			expect(result.error?.message).toBe(
				`Update Fields → Metadata has the key "${key}", which n8n's HTTP client leaves out of the request [item 0]. Use another key: n8n never sends a key named __proto__, constructor or prototype in an object, so WooshPay would not get it.`,
			);
			expect(t.sim.requests).toEqual([]);
		},
	);

	test.each([
		['an object', '={{ { tier: "gold" } }}', 'an object'],
		['a list', '={{ ["a", "b"] }}', 'a list'],
	])('a value that is %s is refused, naming the field and the item; nothing is sent', async (_case, value, what) => {
		const result = await t.run({ ...update(), updateFields: { metadata: { pair: [{ key: 'tier', value }] } } }, { items: [{}, {}], continueOnFail: true });
		const message = `Update Fields → Metadata has a value for "tier" that is ${what}, not text [item %i]. Give text (numbers and true/false are sent as text); to store JSON, give its text, such as {{ JSON.stringify($json.details) }}.`;
		expect(result.output.map((o) => o.json)).toEqual([{ error: message.replace('%i', '0') }, { error: message.replace('%i', '1') }]);
		expect(t.sim.requests).toEqual([]);
	});
});

describe('whole numbers read strictly (finding 6)', () => {
	test.each([
		['"0x10"', '={{ "0x10" }}', '"0x10"'],
		['"1e3"', '={{ "1e3" }}', '"1e3"'],
		['1e21', '={{ 1e21 }}', '1e+21'],
	])('Spending Limit Amount %s is refused before sending', async (_case, amount, shown) => {
		const result = await t.run({
			resource: 'cardholder',
			operation: 'update',
			cardholderId: byId('ich_sandbox_1'),
			updateFields: { spendingControls: { amount, interval: 'daily' } },
		});
		expect(result.error?.message).toBe(
			`Update Fields → Spending Controls → Spending Limit Amount is ${shown}, which is not a whole number of zero or more [item 0]. Give the amount in the currency's smallest unit as a whole number, such as 5000 for 50.00 USD.`,
		);
		expect(t.sim.requests).toEqual([]);
	});

	test('"16" and 0 still are whole numbers', async () => {
		await t.run({ resource: 'cardholder', operation: 'update', cardholderId: byId('ich_sandbox_1'), updateFields: { spendingControls: { amount: '={{ "16" }}' } } });
		await t.run({ resource: 'cardholder', operation: 'update', cardholderId: byId('ich_sandbox_1'), updateFields: { spendingControls: { amount: 0 } } });
		expect(t.sim.requests.map((r) => r.body)).toEqual([
			{ spending_controls: { spending_limits: { amount: 16 } } },
			{ spending_controls: { spending_limits: { amount: 0 } } },
		]);
	});
});

describe('Created After / Before (finding 6)', () => {
	/** @param {object} filters */
	const cardholders = (filters) => ({ resource: 'cardholder', operation: 'getAll', returnAll: true, filters });

	test('Unix times in milliseconds are converted to seconds (the cardholders created in that span are found); seconds stay seconds', async () => {
		const created = (/** @type {string} */ id) => /** @type {number} */ (t.sim.cardholders.get(id).created);
		const [first, last] = [created('ich_sandbox_1'), created('ich_sandbox_3')];
		const result = await t.run(cardholders({ createdAfter: `={{ ${first * 1000} }}`, createdBefore: `={{ "${last * 1000 + 999}" }}` }));
		expect(result.error).toBeUndefined();
		expectRequest(t.sim.requests[0], {
			method: 'GET',
			path: '/v1/issuing/cardholders',
			body: undefined,
			query: { limit: '100', 'created[gte]': String(first), 'created[lte]': String(last) },
		});
		expect(result.output.map((o) => o.json.id)).toEqual(['ich_sandbox_3', 'ich_sandbox_2', 'ich_sandbox_1']);
		t.sim.reset();
		await t.run(cardholders({ createdAfter: `={{ ${first} }}` }));
		expect(t.sim.requests[0].query).toEqual({ limit: '100', 'created[gte]': String(first) });
	});

	test.each([
		['+25:00', '2026-01-01T00:00:00+25:00'],
		['-15:00', '2026-01-01T00:00:00-15:00'],
		['+02:60', '2026-01-01T00:00:00+02:60'],
	])('an offset of %s is refused before sending', async (_case, value) => {
		const result = await t.run(cardholders({ createdBefore: value }));
		expect(result.error?.message).toBe(
			`Filters → Created Before is "${value}", which is not a date and time [item 0]. Pick it in the date picker, or give it as YYYY-MM-DDTHH:MM:SS (optionally with a time zone offset such as +02:00), or as Unix seconds.`,
		);
		expect(t.sim.requests).toEqual([]);
	});

	test('offsets up to ±14:00 are read', async () => {
		await t.run(cardholders({ createdAfter: '2026-01-01T14:00:00+14:00', createdBefore: '2025-12-31T10:00:00-14:00' }));
		const midnight = String(Date.parse('2026-01-01T00:00:00Z') / 1000);
		expect(t.sim.requests[0].query).toEqual({ limit: '100', 'created[gte]': midnight, 'created[lte]': midnight });
	});
});

test('Max Retries from an expression (1000) is capped at 10: a server that keeps answering 503 gets 11 attempts (finding 6)', async () => {
	t.sim.fail({ status: 503, headers: { 'retry-after': '0' }, body: { error: { type: 'api_error', message: 'busy' } } }, 20);
	const result = await t.run(update({ maxRetries: '={{ 1000 }}' }));
	expect(result.error?.message).toBe('WooshPay error 503 Service Unavailable: busy (type api_error) [item 0]');
	expect(result.error?.description).toContain('(Sent 11 times.)');
	expect(t.sim.requests).toHaveLength(11);
	expect(new Set(keys()).size).toBe(1);
	expect(t.sim.mutations).toEqual([]);
});
