// @ts-check
'use strict';

const { AUTHORIZATION, allText } = require('../harness/fixtures');
/** @import { TriggerHarness } from '../harness/trigger' */
/** @import { SimEndpoint } from './fixtures' */
const { callSim, endpointsAt, requestsAt, useTriggerSimulator } = require('./fixtures');

/**
 * The WooshPay Trigger's lifecycle methods (checkExists, create, delete) through n8n-core's
 * HookContext, against the simulator over HTTP: the exact requests, the endpoints WooshPay then
 * holds, and what n8n keeps in the workflow's static data.
 */
const t = useTriggerSimulator();

const LIST = { method: 'GET', path: '/v1/webhook_endpoints', query: { limit: '100' }, body: undefined };
/**
 * The description of an endpoint n8n registers: it names the workflow and the node.
 * @param {TriggerHarness} h
 */
const described = (h, test = '') => `n8n workflow "Payments to CRM" (ID ${h.workflowId}), node "WooshPay Trigger"${test}`;

/** @param {TriggerHarness} h @param {string} url @param {string[]} events */
const created = (h, url, events, test = '') => ({
	method: 'POST',
	path: '/v1/webhook_endpoints',
	query: {},
	body: { url, enabled_events: events, description: described(h, test) },
});
/** @param {string} id */
const deleted = (id) => ({ method: 'DELETE', path: `/v1/webhook_endpoints/${id}`, query: {}, body: undefined });

/**
 * Registers an endpoint at the simulator as someone else would (the dashboard, an earlier n8n).
 * @param {string} url
 * @returns {Promise<string>}
 */
async function foreignEndpoint(url, events = ['payment_intent.succeeded']) {
	const answer = await callSim(t.sim, 'POST', '/v1/webhook_endpoints', { url, enabled_events: events });
	expect(answer.status).toBe(200);
	return /** @type {string} */ (answer.body.id);
}

describe('publishing (checkExists, then create)', () => {
	test('creates one endpoint for the production URL with the chosen events and keeps its ID and secret', async () => {
		const h = await t.harness({
			parameters: { events: ['payment_intent.succeeded', 'charge.dispute.created'], eventsNotListed: 'issuing_card.created, payout.paid' },
		});
		expect(await h.publish()).toBe('created');
		const events = ['charge.dispute.created', 'issuing_card.created', 'payment_intent.succeeded', 'payout.paid'];
		expect(requestsAt(t.sim)).toEqual([LIST, created(h, h.productionUrl, events), LIST]);
		for (const request of t.sim.requests) {
			expect(request.headers.authorization).toBe(AUTHORIZATION);
			expect(request.headers.accept).toBe('application/json');
		}
		expect(t.sim.requests[1].headers['content-type']).toBe('application/json');
		const [endpoint] = endpointsAt(t.sim);
		expect(endpointsAt(t.sim)).toHaveLength(1);
		expect(endpoint).toMatchObject({ url: h.productionUrl, enabled_events: events, status: 'enabled', description: described(h) });
		expect(h.nodeStaticData()).toEqual({ endpointId: endpoint.id, signingSecret: endpoint.secret });
	});

	test('All Events subscribes with "*"', async () => {
		const h = await t.harness({ parameters: { events: ['payment_intent.succeeded', '*'] } });
		await h.publish();
		expect(requestsAt(t.sim)).toEqual([LIST, created(h, h.productionUrl, ['*']), LIST]);
	});

	test('again with the same events: the endpoint exists, only the list is read', async () => {
		const h = await t.harness({ parameters: { events: ['payment_intent.succeeded'] } });
		await h.publish();
		const before = endpointsAt(t.sim);
		const kept = h.staticData;
		t.sim.reset();
		expect(await h.publish()).toBe('existed');
		expect(requestsAt(t.sim)).toEqual([LIST]);
		expect(endpointsAt(t.sim)).toEqual(before);
		expect(h.staticData).toEqual(kept);
	});

	test('again with other events: the old endpoint is deleted, then a new one created (never two)', async () => {
		const h = await t.harness({ parameters: { events: ['payment_intent.succeeded'] } });
		await h.publish();
		const [old] = endpointsAt(t.sim);
		t.sim.reset();
		h.setParameters({ events: ['payment_intent.succeeded', 'payment_intent.payment_failed'] });
		expect(await h.publish()).toBe('created');
		expect(requestsAt(t.sim)).toEqual([
			LIST,
			deleted(old.id),
			created(h, h.productionUrl, ['payment_intent.payment_failed', 'payment_intent.succeeded']), LIST,
		]);
		const [now] = endpointsAt(t.sim);
		expect(endpointsAt(t.sim)).toHaveLength(1);
		expect(now.enabled_events).toEqual(['payment_intent.payment_failed', 'payment_intent.succeeded']);
		expect(h.nodeStaticData()).toEqual({ endpointId: now.id, signingSecret: now.secret });
	});

	test.each([
		['was deleted in the dashboard', async (/** @type {string} */ id) => void (await callSim(t.sim, 'DELETE', `/v1/webhook_endpoints/${id}`)), false],
		['was disabled', async (/** @type {string} */ id) => void (await callSim(t.sim, 'POST', `/v1/webhook_endpoints/${id}`, { disabled: true })), true],
		['points at another URL (n8n moved)', async (/** @type {string} */ id) => void (await callSim(t.sim, 'POST', `/v1/webhook_endpoints/${id}`, { url: 'https://old-n8n.example.com/webhook/x/webhook' })), true],
	])('n8n’s endpoint %s: it is replaced by a new one', async (_case, change, deletesOld) => {
		const h = await t.harness({ parameters: { events: ['payment_intent.succeeded'] } });
		await h.publish();
		const [old] = endpointsAt(t.sim);
		await change(old.id);
		t.sim.reset();
		expect(await h.publish()).toBe('created');
		expect(requestsAt(t.sim)).toEqual([
			LIST,
			...(deletesOld ? [deleted(old.id)] : []),
			created(h, h.productionUrl, ['payment_intent.succeeded']), LIST,
		]);
		expect(endpointsAt(t.sim).map((e) => [e.url, e.status])).toEqual([[h.productionUrl, 'enabled']]);
	});

	test('an endpoint for the same URL that n8n did not record is removed, never a second one added; other URLs are untouched', async () => {
		const h = await t.harness({ parameters: { events: ['payment_intent.succeeded'] } });
		const foreign = await foreignEndpoint(h.productionUrl);
		const other = await foreignEndpoint('https://crm.example.com/wooshpay', ['payout.paid']);
		t.sim.reset();
		expect(await h.publish()).toBe('created');
		expect(requestsAt(t.sim)).toEqual([LIST, deleted(foreign), created(h, h.productionUrl, ['payment_intent.succeeded']), LIST]);
		const endpoints = endpointsAt(t.sim);
		expect(endpoints.map((e) => e.url).sort()).toEqual(['https://crm.example.com/wooshpay', h.productionUrl].sort());
		expect(endpoints.find((e) => e.id === other)).toBeDefined();
		expect(h.nodeStaticData()?.endpointId).toBe(/** @type {SimEndpoint} */ (endpoints.find((e) => e.url === h.productionUrl)).id);
	});

	test('a duplicate beside n8n’s own endpoint is removed and n8n’s kept', async () => {
		const h = await t.harness({ parameters: { events: ['payment_intent.succeeded'] } });
		await h.publish();
		const [own] = endpointsAt(t.sim);
		const duplicate = await foreignEndpoint(h.productionUrl);
		t.sim.reset();
		expect(await h.publish()).toBe('existed');
		expect(requestsAt(t.sim)).toEqual([LIST, deleted(duplicate)]);
		expect(endpointsAt(t.sim).map((e) => e.id)).toEqual([own.id]);
	});

	test('endpoints beyond the first page of the list are found', async () => {
		const h = await t.harness({ parameters: { events: ['payment_intent.succeeded'] } });
		const foreign = await foreignEndpoint(h.productionUrl);
		for (let i = 0; i < 100; i++) await foreignEndpoint(`https://crm.example.com/hook/${i}`);
		// Newest first: the first page ends with the 100th newest.
		const lastOnFirstPage = endpointsAt(t.sim)
			.map((e) => e.id)
			.sort()
			.reverse()[99];
		t.sim.reset();
		await h.publish();
		expect(requestsAt(t.sim)).toEqual([
			LIST,
			{ ...LIST, query: { limit: '100', starting_after: lastOnFirstPage } },
			deleted(foreign),
			created(h, h.productionUrl, ['payment_intent.succeeded']),
			// After the create, the list again (its two pages): no other endpoint for this URL.
			LIST,
			{ ...LIST, query: { limit: '100', starting_after: expect.any(String) } },
		]);
	});

	test('the editor’s test listener registers the test URL and removes it when done; the production endpoint stays', async () => {
		const h = await t.harness({ parameters: { events: ['payment_intent.succeeded'] } });
		await h.publish();
		const [production] = endpointsAt(t.sim);
		t.sim.reset();
		expect(await h.publish('test')).toBe('created');
		expect(requestsAt(t.sim)).toEqual([LIST, created(h, h.testUrl, ['payment_intent.succeeded'], ' (test URL)'), LIST]);
		const test = /** @type {SimEndpoint} */ (endpointsAt(t.sim).find((e) => e.url === h.testUrl));
		expect(h.nodeStaticData('test')).toEqual({ endpointId: test.id, signingSecret: test.secret });
		t.sim.reset();
		await h.unpublish('test');
		expect(requestsAt(t.sim)).toEqual([deleted(test.id)]);
		expect(endpointsAt(t.sim)).toEqual([production]);
		expect(h.nodeStaticData()).toEqual({ endpointId: production.id, signingSecret: production.secret });
	});

	test('nothing is sent when no event is chosen, or a name not listed is malformed', async () => {
		const none = await t.harness({ parameters: { events: [] } });
		await expect(none.publish()).rejects.toMatchObject({
			message: 'No event chosen',
			description: 'Choose at least one event under Events, or enter one under Event Names Not Listed.',
		});
		const malformed = await t.harness({ parameters: { events: [], eventsNotListed: 'payout.paid, Customer Updated' } });
		await expect(malformed.publish()).rejects.toMatchObject({ message: 'Event Names Not Listed: "Customer Updated" is not an event name' });
		expect(t.sim.requests).toEqual([]);
	});

	test('WooshPay’s refusal reaches the user in WooshPay’s words, without the secret key', async () => {
		const wrongKey = 'sk_test_notTheSandboxKey1234';
		const h = await t.harness({
			parameters: { events: ['payment_intent.succeeded'] },
			credentials: { secretKey: wrongKey, environment: 'custom', baseUrl: t.sim.url },
		});
		const error = await h.publish().catch((/** @type {unknown} */ e) => e);
		expect(error).toMatchObject({
			message: 'WooshPay error 401 Unauthorized: Invalid API Key provided: sk_test_****************1234 (type invalid_request_error, code api_key_invalid)',
			httpCode: '401',
		});
		expect(allText(error)).not.toContain(wrongKey);
		expect(requestsAt(t.sim)).toEqual([LIST]);
	});

	test('an answer without a signing secret is refused and that endpoint deleted', async () => {
		t.sim.fail({ status: 200, body: { id: 'we_nosecret', object: 'webhook_endpoint' }, match: (r) => r.method === 'POST' });
		const h = await t.harness({ parameters: { events: ['payment_intent.succeeded'] } });
		await expect(h.publish()).rejects.toMatchObject({
			message: 'WooshPay registered no usable webhook endpoint: its answer had no ID or no signing secret',
		});
		expect(requestsAt(t.sim)).toEqual([LIST, created(h, h.productionUrl, ['payment_intent.succeeded']), deleted('we_nosecret')]);
		expect(h.nodeStaticData()).toEqual({});
	});
});

describe('unpublishing (delete)', () => {
	test('deletes the endpoint and forgets its ID and secret', async () => {
		const h = await t.harness({ parameters: { events: ['payment_intent.succeeded'] } });
		await h.publish();
		const [endpoint] = endpointsAt(t.sim);
		t.sim.reset();
		await h.unpublish();
		expect(requestsAt(t.sim)).toEqual([deleted(endpoint.id)]);
		expect(endpointsAt(t.sim)).toEqual([]);
		expect(h.nodeStaticData()).toEqual({});
		t.sim.reset();
		await h.unpublish();
		expect(t.sim.requests).toEqual([]);
	});

	test('an endpoint WooshPay no longer has (404) counts as deleted', async () => {
		const h = await t.harness({ parameters: { events: ['payment_intent.succeeded'] } });
		await h.publish();
		const [endpoint] = endpointsAt(t.sim);
		await callSim(t.sim, 'DELETE', `/v1/webhook_endpoints/${endpoint.id}`);
		t.sim.reset();
		await expect(h.lifecycle('delete')).resolves.toBe(true);
		expect(requestsAt(t.sim)).toEqual([deleted(endpoint.id)]);
		expect(h.nodeStaticData()).toEqual({});
	});

	test('any other failure is an error that says which endpoint to delete in the dashboard; n8n keeps its record', async () => {
		const h = await t.harness({ parameters: { events: ['payment_intent.succeeded'] } });
		await h.publish();
		const [endpoint] = endpointsAt(t.sim);
		t.sim.fail({ status: 500, body: { error: { type: 'api_error', message: 'Something went wrong on our side.' } } });
		await expect(h.unpublish()).rejects.toMatchObject({
			message: `Could not delete the WooshPay webhook endpoint ${endpoint.id}: WooshPay error 500 Internal Server Error: Something went wrong on our side. (type api_error)`,
			description: `Delete the endpoint ${endpoint.id} (${h.productionUrl}) in the WooshPay dashboard's webhook settings, or it keeps sending events that n8n refuses. Then publish or unpublish the workflow again.`,
		});
		expect(endpointsAt(t.sim)).toHaveLength(1);
		expect(h.nodeStaticData()).toEqual({ endpointId: endpoint.id, signingSecret: endpoint.secret });
	});
});

describe('with a Signing Secret entered (the user’s own endpoint)', () => {
	test('n8n registers and deletes nothing, and removes the endpoint it had made itself', async () => {
		const h = await t.harness({ parameters: { events: ['payment_intent.succeeded'] } });
		await h.publish();
		const [own] = endpointsAt(t.sim);
		const users = await foreignEndpoint(h.productionUrl);
		h.setParameters({ events: ['payment_intent.succeeded'], signingSecret: 'whsec_from_the_dashboard' });
		t.sim.reset();
		expect(await h.publish()).toBe('existed');
		expect(requestsAt(t.sim)).toEqual([deleted(own.id)]);
		expect(endpointsAt(t.sim).map((e) => e.id)).toEqual([users]);
		expect(h.nodeStaticData()).toEqual({});
		t.sim.reset();
		await h.unpublish();
		await h.publish();
		expect(t.sim.requests).toEqual([]);
	});
});
