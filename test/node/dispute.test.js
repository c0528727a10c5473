// @ts-check
'use strict';

const { runListSearch } = require('../harness/engine');
const { SECRET_KEY, byId, expectRequest, useSimulator } = require('../harness/fixtures');
const { pagingTests } = require('../harness/paging');

const { disputesOf, addDispute } = require('../simulator/disputes');

/**
 * Dispute → Get Many and Close, and the From List search of disputes, through the engine
 * against the simulator (test/simulator/disputes.js): each request exactly, paging, filters,
 * each output item, WooshPay's refusals in its words.
 */
const t = useSimulator();

/** @param {string} value */
const fromList = (value) => ({ __rl: true, mode: 'list', value });
/** @param {object} disputeId */
const close = (disputeId) => ({ resource: 'dispute', operation: 'close', disputeId });
/** @param {object} extra */
const getMany = (extra) => ({ resource: 'dispute', operation: 'getAll', simplify: false, ...extra });

/** A dispute as Close answers it: without the three fields its page's schema leaves out. @param {any} dispute */
const asClosed = (dispute) => {
	const { balance_transactions: _transactions, is_charge_refundable: _refundable, reason: _reason, ...shown } = dispute;
	return shown;
};

describe('Dispute → Get Many', () => {
	const paged = useSimulator({ maxPageSize: 2 });
	const disputes = () => disputesOf(paged.sim).disputes;
	const newestFirst = () => [...disputes().values()].sort((a, b) => b.created - a.created).map((d) => d.id);
	beforeAll(() => {
		addDispute(paged.sim, { amount: 1200, currency: 'USD', charge: 'ch_sandbox_1', payment_intent: 'pi_sandbox_1', reason: 'duplicate' });
		addDispute(paged.sim, { amount: 700, currency: 'GBP', charge: 'ch_sandbox_2', payment_intent: 'pi_sandbox_2', reason: 'subscription_canceled', status: 'under_review' });
	});

	pagingTests({ paged, parameters: getMany, path: '/v1/disputes/list', newestFirst, stored: (id) => disputes().get(id) });

	test.each([
		['charge', { charge: ' ch_sandbox_1 ' }, { charge: 'ch_sandbox_1' }, (/** @type {any} */ d) => d.charge === 'ch_sandbox_1'],
		['payment_intent', { paymentIntent: 'pi_sandbox_2' }, { payment_intent: 'pi_sandbox_2' }, (/** @type {any} */ d) => d.payment_intent === 'pi_sandbox_2'],
	])('Filters → %s, in the query string', async (_name, filters, query, keep) => {
		const result = await paged.run(getMany({ returnAll: true, filters }));
		expect(paged.sim.requests[0].query).toEqual({ limit: '100', ...query });
		const expected = newestFirst().filter((id) => keep(disputes().get(id)));
		expect(expected).toHaveLength(2);
		expect(result.output.map((o) => o.json.id)).toEqual(expected);
	});

	test('Filters → Created After / Before as created[gte] / created[lte], Unix seconds, in the query string', async () => {
		const ids = newestFirst();
		/** @param {string} id */
		const created = (id) => disputes().get(id).created;
		/** @param {number} seconds */
		const iso = (seconds) => new Date(seconds * 1000).toISOString();
		const result = await paged.run(getMany({ returnAll: true, filters: { createdAfter: iso(created(ids[3])), createdBefore: iso(created(ids[1])) } }));
		expect(paged.sim.requests[0].query).toEqual({ limit: '100', 'created[gte]': String(created(ids[3])), 'created[lte]': String(created(ids[1])) });
		expect(result.output.map((o) => o.json.id)).toEqual(ids.slice(1, 4));
	});

	test('every filter at once, each sent once on every page', async () => {
		const result = await paged.run(getMany({ returnAll: true, filters: { charge: 'ch_sandbox_1', paymentIntent: 'pi_sandbox_1', createdAfter: '2000-01-01T00:00:00Z' } }));
		expect(paged.sim.requests.map((r) => r.query)).toEqual([{ limit: '100', charge: 'ch_sandbox_1', payment_intent: 'pi_sandbox_1', 'created[gte]': '946684800' }]);
		expect(result.output.map((o) => o.json.id).sort()).toEqual([...disputes().values()].filter((d) => d.charge === 'ch_sandbox_1').map((d) => d.id).sort());
	});

	test.each([
		['an empty Charge ID', { charge: '' }, 'Filters → Charge ID is empty [item 0]'],
		['an empty Payment Intent ID from an expression', { paymentIntent: '={{ "" }}' }, 'Filters → Payment Intent ID is empty [item 0]'],
		['a date that is not one', { createdAfter: '={{ "yesterday" }}' }, 'Filters → Created After is "yesterday"'],
	])('refused before sending: %s', async (_case, filters, message) => {
		const result = await paged.run(getMany({ returnAll: true, filters }));
		expect(result.error?.message).toContain(message);
		expect(paged.sim.requests).toHaveLength(0);
	});

	test('nothing found: no items, no error', async () => {
		const result = await paged.run(getMany({ returnAll: true, filters: { charge: 'ch_nothing' } }));
		expect(result.status).toBe('success');
		expect(result.output).toEqual([]);
	});
});

describe('Dispute → Close', () => {
	/** @param {object} [fields] */
	const open = (fields = {}) => addDispute(t.sim, { amount: 3100, currency: 'USD', charge: 'ch_sandbox_3', payment_intent: 'pi_sandbox_3', reason: 'fraudulent', ...fields }).id;

	test('By ID: POST /v1/disputes/{id}/close, no body, an Idempotency-Key; outputs the closed (lost) dispute as WooshPay answers it', async () => {
		const id = open();
		const result = await t.run(close(byId(` ${id} `)));
		expect(result.error).toBeUndefined();
		expect(t.sim.requests).toHaveLength(1);
		expectRequest(t.sim.requests[0], { method: 'POST', path: `/v1/disputes/${id}/close`, body: undefined });
		expect(t.sim.requests[0].headers['idempotency-key']).toMatch(/^n8n-[0-9a-f]{40}$/);
		const dispute = disputesOf(t.sim).disputes.get(id);
		expect(dispute.status).toBe('lost');
		expect(result.output).toEqual([{ json: asClosed(dispute), pairedItem: { item: 0 } }]);
	});

	test('From List: the same request for the dispute picked', async () => {
		const id = open({ status: 'under_review' });
		const result = await t.run(close(fromList(id)));
		expectRequest(t.sim.requests[0], { method: 'POST', path: `/v1/disputes/${id}/close`, body: undefined });
		expect(result.output[0].json).toMatchObject({ id, status: 'lost' });
	});

	test('an inquiry (warning_needs_response) is closed as warning_closed', async () => {
		const id = open({ status: 'warning_needs_response' });
		const result = await t.run(close(byId(id)));
		expect(result.output).toEqual([{ json: asClosed(disputesOf(t.sim).disputes.get(id)), pairedItem: { item: 0 } }]);
		expect(result.output[0].json.status).toBe('warning_closed');
	});

	test("a dispute already lost: WooshPay's refusal in its words, with its code and status", async () => {
		const result = await t.run(close(byId('dp_sandbox_3')));
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			'WooshPay error 400 Bad Request: You cannot close this Dispute because it has a status of lost. Only a Dispute with one of the following statuses may be closed: warning_needs_response, warning_under_review, needs_response, under_review. (type invalid_request_error, code dispute_unexpected_state) [item 0]',
		);
		expect(result.error?.httpCode).toBe('400');
		expect(t.sim.requests).toHaveLength(1);
	});

	test('a dispute WooshPay does not know: its 404 in its words', async () => {
		const result = await t.run(close(byId('dp_gone')));
		expect(result.error?.message).toBe("WooshPay error 404 Not Found: No such dispute: 'dp_gone' (type invalid_request_error, code resource_missing, param id) [item 0]");
	});

	test('Close moves no money: sent again after a 500 with the same Idempotency-Key, closed once', async () => {
		const id = open();
		t.sim.fail({ status: 500, body: { error: { type: 'api_error', message: 'oops' } } });
		const result = await t.run(close(byId(id)));
		expect(result.status).toBe('success');
		expect(t.sim.requests).toHaveLength(2);
		expect(t.sim.requests[1].headers['idempotency-key']).toBe(t.sim.requests[0].headers['idempotency-key']);
		expect(t.sim.mutations).toHaveLength(1);
		expect(result.output[0].json).toMatchObject({ id, status: 'lost' });
	});

	test('Continue On Fail: one output per item, paired; an empty ID, a closed dispute and an unknown one in their items, the rest closed', async () => {
		const [a, b] = [open(), open({ status: 'warning_under_review' })];
		const result = await t.run(close(byId('={{ $json.id }}')), {
			continueOnFail: true,
			items: [{ id: a }, { id: '' }, { id: 'dp_sandbox_3' }, { id: 'dp_gone' }, { id: b }],
		});
		expect(result.status).toBe('success');
		expect(result.output.map(({ json, pairedItem }) => ({ json, pairedItem }))).toEqual([
			{ json: asClosed(disputesOf(t.sim).disputes.get(a)), pairedItem: { item: 0 } },
			{ json: { error: 'Dispute is empty [item 1]. Enter the ID, or map it from an earlier node with an expression such as {{ $json.id }}.' }, pairedItem: { item: 1 } },
			{
				json: {
					error:
						'WooshPay error 400 Bad Request: You cannot close this Dispute because it has a status of lost. Only a Dispute with one of the following statuses may be closed: warning_needs_response, warning_under_review, needs_response, under_review. (type invalid_request_error, code dispute_unexpected_state) [item 2]',
				},
				pairedItem: { item: 2 },
			},
			{ json: { error: "WooshPay error 404 Not Found: No such dispute: 'dp_gone' (type invalid_request_error, code resource_missing, param id) [item 3]" }, pairedItem: { item: 3 } },
			{ json: asClosed(disputesOf(t.sim).disputes.get(b)), pairedItem: { item: 4 } },
		]);
		expect(disputesOf(t.sim).disputes.get(b).status).toBe('warning_closed');
		expect(t.sim.requests).toHaveLength(4);
	});
});

describe('Dispute → Close: the From List search (searchDisputes)', () => {
	const paged = useSimulator({ maxPageSize: 2 });
	/** @param {string} [filter] @param {string} [token] */
	const search = (filter, token) =>
		runListSearch({ credentials: { secretKey: SECRET_KEY, environment: 'custom', baseUrl: paged.sim.url }, path: 'parameters.disputeId' }, 'searchDisputes', filter, token);

	test('amount, reason, status and date (UTC), newest first; the next page with the token', async () => {
		disputesOf(paged.sim);
		const first = await search();
		expect(first).toEqual({
			results: [
				{ name: '90.00 GBP · product_unacceptable · lost · 2026-01-01 00:00 UTC', value: 'dp_sandbox_3' },
				{ name: '49.99 USD · product_not_received · warning_needs_response · 2026-01-01 00:00 UTC', value: 'dp_sandbox_2' },
			],
			paginationToken: 'dp_sandbox_2',
		});
		const next = await search(undefined, /** @type {string} */ (first.paginationToken));
		expect(next).toEqual({ results: [{ name: '25.00 USD · fraudulent · needs_response · 2026-01-01 00:00 UTC', value: 'dp_sandbox_1' }], paginationToken: undefined });
		expect(paged.sim.requests.map((r) => [r.method, r.path, r.query, r.body])).toEqual([
			['GET', '/v1/disputes/list', { limit: '50' }, undefined],
			['GET', '/v1/disputes/list', { limit: '50', starting_after: 'dp_sandbox_2' }, undefined],
		]);
	});

	test('a search term filters the page by reason, status or ID, case-insensitively', async () => {
		expect((await search('WARNING')).results.map((r) => r.value)).toEqual(['dp_sandbox_2']);
		expect((await search('unacceptable')).results.map((r) => r.value)).toEqual(['dp_sandbox_3']);
		expect((await search('sandbox_3')).results.map((r) => r.value)).toEqual(['dp_sandbox_3']);
		expect((await search('nothing like it')).results).toEqual([]);
		expect(paged.sim.requests.map((r) => r.query)).toEqual([{ limit: '50' }, { limit: '50' }, { limit: '50' }, { limit: '50' }]);
	});
});
