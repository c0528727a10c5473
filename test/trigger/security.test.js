// @ts-check
'use strict';

/** @import { IDataObject } from 'n8n-workflow' */
const { AUTHORIZATION, allText, useOtherHost } = require('../harness/fixtures');
/** @import { SimEndpoint } from './fixtures' */
const { endpointsAt, requestsAt, signature, useTriggerSimulator } = require('./fixtures');

/**
 * Issue 16 for the WooshPay Trigger, through the trigger harness (n8n-core's HookContext and
 * WebhookContext) against the simulator: its endpoint calls follow no redirect (finding 1);
 * a 404 on DELETE counts as deleted only with WooshPay's resource_missing, and two publishes at
 * once end with one endpoint (finding 2); a list of endpoints that does not end, and a Timestamp
 * Tolerance that an expression broke (finding 6). The 30-second timeout of its calls:
 * test/node/timeouts.test.js.
 */
const t = useTriggerSimulator();
const elsewhere = useOtherHost();

const EVENTS = { events: ['payment_intent.succeeded'] };
const LIST = { method: 'GET', path: '/v1/webhook_endpoints', query: { limit: '100' }, body: undefined };
/** @param {string} id */
const deleted = (id) => ({ method: 'DELETE', path: `/v1/webhook_endpoints/${id}`, query: {}, body: undefined });
const isGet = (/** @type {{ method: string }} */ r) => r.method === 'GET';
const isPost = (/** @type {{ method: string }} */ r) => r.method === 'POST';
const isDelete = (/** @type {{ method: string }} */ r) => r.method === 'DELETE';

/** A page of the list of endpoints, as WooshPay answers it. @param {IDataObject[]} data */
const page = (data, hasMore = true) => ({ object: 'list', url: '/v1/webhook_endpoints', has_more: hasMore, data });
/** An endpoint for another URL, as a list shows it. @param {string} id */
const forAnotherUrl = (id) => ({ id, object: 'webhook_endpoint', url: `https://crm.example.com/hooks/${id}`, enabled_events: ['payout.paid'], status: 'enabled' });

describe('no redirect is followed (finding 1)', () => {
	const host = () => new URL(elsewhere.sim.url).host;

	test('publishing: the list answered 302 to another host; nothing is sent there, nothing registered, nothing kept', async () => {
		t.sim.fail({ status: 302, headers: { location: `${elsewhere.sim.url}/v1/webhook_endpoints?limit=100` }, body: {}, match: isGet });
		const h = await t.harness({ parameters: EVENTS });
		await expect(h.publish()).rejects.toMatchObject({
			message: `WooshPay answered 302 Found, a redirect to ${host()}: not followed, nothing was sent there`,
			httpCode: '302',
		});
		expect(requestsAt(t.sim)).toEqual([LIST]);
		expect(elsewhere.sim.requests).toEqual([]);
		expect(endpointsAt(elsewhere.sim)).toEqual([]);
		expect(endpointsAt(t.sim)).toEqual([]);
		expect(h.nodeStaticData()).toBeUndefined();
	});

	test('publishing: the create answered 307 to another host; its body (URL, events) and the key never reach it', async () => {
		t.sim.fail({ status: 307, headers: { location: `${elsewhere.sim.url}/v1/webhook_endpoints` }, body: {}, match: isPost });
		const h = await t.harness({ parameters: EVENTS });
		const error = await h.publish().catch((/** @type {unknown} */ e) => e);
		expect(error).toMatchObject({ message: `WooshPay answered 307 Temporary Redirect, a redirect to ${host()}: not followed, nothing was sent there` });
		expect(t.sim.requests.map((r) => r.method)).toEqual(['GET', 'POST']);
		expect(t.sim.requests[1].headers.authorization).toBe(AUTHORIZATION);
		expect(elsewhere.sim.requests).toEqual([]);
		expect(endpointsAt(elsewhere.sim)).toEqual([]);
		expect(h.nodeStaticData()).toEqual({});
		expect(allText(error)).not.toContain('sk_test_sandbox');
	});

	test('publishing: a redirect to the same host is not followed either', async () => {
		t.sim.fail({ status: 307, headers: { location: '/v2/webhook_endpoints' }, body: {}, match: isGet });
		const h = await t.harness({ parameters: EVENTS });
		await expect(h.publish()).rejects.toMatchObject({
			message: 'WooshPay answered 307 Temporary Redirect, a redirect to another path on the same host: not followed, nothing was sent there',
		});
		expect(requestsAt(t.sim)).toEqual([LIST]);
	});

	test('unpublishing: the DELETE answered 307 to another host is "delete it in the dashboard", and n8n keeps its record', async () => {
		const h = await t.harness({ parameters: EVENTS });
		await h.publish();
		const [endpoint] = endpointsAt(t.sim);
		t.sim.reset();
		t.sim.fail({ status: 307, headers: { location: `${elsewhere.sim.url}/v1/webhook_endpoints/${endpoint.id}` }, body: {}, match: isDelete });
		await expect(h.unpublish()).rejects.toMatchObject({
			message: `Could not delete the WooshPay webhook endpoint ${endpoint.id}: WooshPay answered 307 Temporary Redirect, a redirect to ${host()}: not followed, nothing was sent there`,
		});
		expect(elsewhere.sim.requests).toEqual([]);
		expect(endpointsAt(t.sim).map((e) => e.id)).toEqual([endpoint.id]);
		expect(h.nodeStaticData()).toEqual({ endpointId: endpoint.id, signingSecret: endpoint.secret });
	});
});

describe('a 404 on DELETE counts as deleted only with resource_missing (finding 2)', () => {
	test('WooshPay’s own "no such endpoint" (resource_missing): deleted, the record forgotten', async () => {
		const h = await t.harness({ parameters: EVENTS });
		await h.publish();
		const [endpoint] = endpointsAt(t.sim);
		t.sim.reset();
		t.sim.fail({
			status: 404,
			body: { error: { type: 'invalid_request_error', code: 'resource_missing', param: 'id', message: `No such webhook endpoint: '${endpoint.id}'` } },
			match: isDelete,
		});
		await expect(h.lifecycle('delete')).resolves.toBe(true);
		expect(requestsAt(t.sim)).toEqual([deleted(endpoint.id)]);
		expect(h.nodeStaticData()).toEqual({});
	});

	test.each([
		[
			'a JSON 404 "Unrecognized request URL" (no code)',
			{ body: { error: { type: 'invalid_request_error', message: 'Unrecognized request URL (DELETE: /v1/webhook_endpoints/we_x).' } } },
			'WooshPay error 404 Not Found: Unrecognized request URL (DELETE: /v1/webhook_endpoints/we_x). (type invalid_request_error)',
		],
		[
			'a proxy’s HTML 404',
			{ raw: '<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1><p>nginx</p></body></html>' },
			'WooshPay answered 404 Not Found with text/html instead of JSON: "404 Not Found Not Found nginx"',
		],
		[
			'a JSON 404 with another code',
			{ body: { error: { type: 'invalid_request_error', code: 'url_invalid', message: 'Not here.' } } },
			'WooshPay error 404 Not Found: Not here. (type invalid_request_error, code url_invalid)',
		],
	])('unpublishing, %s: "delete it in the dashboard", the endpoint and n8n’s record kept', async (_case, fault, reason) => {
		const h = await t.harness({ parameters: EVENTS });
		await h.publish();
		const [endpoint] = endpointsAt(t.sim);
		t.sim.reset();
		t.sim.fail({ status: 404, ...fault, match: isDelete });
		await expect(h.unpublish()).rejects.toMatchObject({
			message: `Could not delete the WooshPay webhook endpoint ${endpoint.id}: ${reason}`,
			description: `Delete the endpoint ${endpoint.id} (${h.productionUrl}) in the WooshPay dashboard's webhook settings, or it keeps sending events that n8n refuses. Then publish or unpublish the workflow again.`,
		});
		expect(requestsAt(t.sim)).toEqual([deleted(endpoint.id)]);
		expect(endpointsAt(t.sim)).toEqual([endpoint]);
		expect(h.nodeStaticData()).toEqual({ endpointId: endpoint.id, signingSecret: endpoint.secret });
		// The next unpublish deletes it.
		t.sim.reset();
		await h.unpublish();
		expect(requestsAt(t.sim)).toEqual([deleted(endpoint.id)]);
		expect(endpointsAt(t.sim)).toEqual([]);
		expect(h.nodeStaticData()).toEqual({});
	});

	test('publishing again with other events, the old endpoint’s DELETE answered "Unrecognized request URL": stops before a second endpoint is made', async () => {
		const h = await t.harness({ parameters: EVENTS });
		await h.publish();
		const [endpoint] = endpointsAt(t.sim);
		t.sim.reset();
		t.sim.fail({ status: 404, body: { error: { type: 'invalid_request_error', message: 'Unrecognized request URL.' } }, match: isDelete });
		h.setParameters({ events: ['payment_intent.succeeded', 'payout.paid'] });
		await expect(h.publish()).rejects.toMatchObject({
			message: `Could not delete the WooshPay webhook endpoint ${endpoint.id}: WooshPay error 404 Not Found: Unrecognized request URL. (type invalid_request_error)`,
		});
		expect(requestsAt(t.sim)).toEqual([LIST, deleted(endpoint.id)]);
		expect(endpointsAt(t.sim)).toEqual([endpoint]);
		expect(h.nodeStaticData()).toEqual({ endpointId: endpoint.id, signingSecret: endpoint.secret });
	});
});

describe('publishes at once (finding 2)', () => {
	test.each([2, 3])('%i lifecycles on the same workflow’s static data, concurrently: one endpoint at WooshPay, the one n8n holds', async (publishes) => {
		const h = await t.harness({ parameters: EVENTS });
		expect(await Promise.all(Array.from({ length: publishes }, async () => await h.publish()))).toEqual(Array(publishes).fill('created'));
		const endpoints = endpointsAt(t.sim);
		expect(endpoints).toHaveLength(1);
		const [kept] = endpoints;
		expect(kept).toMatchObject({ url: h.productionUrl, status: 'enabled', enabled_events: ['payment_intent.succeeded'] });
		expect(h.nodeStaticData()).toEqual({ endpointId: kept.id, signingSecret: kept.secret });
		// Each registered one; every other was deleted (by one or more of the newer publishes).
		expect(t.sim.requests.filter(isPost)).toHaveLength(publishes);
		const deletes = new Set(t.sim.requests.filter(isDelete).map((r) => r.path));
		expect(deletes.size).toBe(publishes - 1);
		expect(deletes.has(`/v1/webhook_endpoints/${kept.id}`)).toBe(false);
		// Published once more, it is kept as it is.
		t.sim.reset();
		expect(await h.publish()).toBe('existed');
		expect(requestsAt(t.sim)).toEqual([LIST]);
	});
});

describe('a list of endpoints that does not end (finding 6)', () => {
	test('has_more with the same last ID again: publishing stops with an error, nothing registered', async () => {
		t.sim.fail({ status: 200, body: page([forAnotherUrl('we_loop')]), match: isGet }, 5);
		const h = await t.harness({ parameters: EVENTS });
		await expect(h.publish()).rejects.toMatchObject({
			message: "WooshPay's list did not end: the webhook endpoints came back with we_loop last again",
		});
		expect(requestsAt(t.sim)).toEqual([LIST, { ...LIST, query: { limit: '100', starting_after: 'we_loop' } }]);
		expect(endpointsAt(t.sim)).toEqual([]);
	});

	test('more than 100 pages: publishing stops after the 100th, nothing registered', async () => {
		for (let i = 1; i <= 105; i++) t.sim.fail({ status: 200, body: page([forAnotherUrl(`we_page_${i}`)]), match: isGet });
		const h = await t.harness({ parameters: EVENTS });
		await expect(h.publish()).rejects.toMatchObject({
			message: "WooshPay's list did not end: the webhook endpoints still had more after 100 pages",
		});
		expect(t.sim.requests).toHaveLength(100);
		expect(t.sim.requests.map((r) => r.query.starting_after)).toEqual([undefined, ...Array.from({ length: 99 }, (_, i) => `we_page_${i + 1}`)]);
		expect(t.sim.requests.every((r) => r.headers.authorization === AUTHORIZATION)).toBe(true);
		expect(endpointsAt(t.sim)).toEqual([]);
	});
});

describe('a Timestamp Tolerance that an expression broke (finding 6)', () => {
	const EVENT = { id: 'evt_old', object: 'event', type: 'payment_intent.succeeded', created: 1, data: { object: { id: 'pi_1' } } };
	const TEN_YEARS = 10 * 365 * 24 * 3600;

	test.each([
		['text', '={{ "five minutes" }}'],
		['NaN', '={{ NaN }}'],
		['0', '={{ 0 }}'],
		['a negative number', '={{ -300 }}'],
	])('%s: a delivery signed 10 years ago is refused with 500, nothing starts', async (_case, toleranceSeconds) => {
		const h = await t.harness({ parameters: { ...EVENTS, options: { toleranceSeconds } } });
		await h.publish();
		const [endpoint] = /** @type {SimEndpoint[]} */ (endpointsAt(t.sim));
		const body = JSON.stringify(EVENT);
		const answer = await h.deliver(body, { 'Wooshpay-Signature': signature(endpoint.secret, body, Math.floor(Date.now() / 1000) - TEN_YEARS) });
		expect(answer).toEqual({
			status: 500,
			body: { message: 'Refused: the trigger is misconfigured (Timestamp Tolerance is not a number of seconds above 0)' },
		});
		await h.idle();
		expect(h.runs).toEqual([]);
		// A fresh delivery is refused too: the misconfiguration is found before the signature.
		const fresh = await h.deliver(body, { 'Wooshpay-Signature': signature(endpoint.secret, body) });
		expect(fresh.status).toBe(500);
		await h.idle();
		expect(h.runs).toEqual([]);
	});

	test('a number from an expression still works: 10 years old refused (401), a fresh one started', async () => {
		const h = await t.harness({ parameters: { ...EVENTS, options: { toleranceSeconds: '={{ 60 * 5 }}' } } });
		await h.publish();
		const [endpoint] = endpointsAt(t.sim);
		const body = JSON.stringify(EVENT);
		const old = await h.deliver(body, { 'Wooshpay-Signature': signature(endpoint.secret, body, Math.floor(Date.now() / 1000) - TEN_YEARS) });
		expect(old.status).toBe(401);
		expect(await h.deliver(body, { 'Wooshpay-Signature': signature(endpoint.secret, body) })).toEqual({ status: 200, body: 'firstEntryJson' });
		await h.idle();
		expect(h.runs).toHaveLength(1);
	});
});
