// @ts-check
'use strict';

/** @import { IDataObject, INodeExecutionData, ITaskDataConnections } from 'n8n-workflow' */

const { allText } = require('../harness/fixtures');
/** @import { TriggerHarness } from '../harness/trigger' */
/** @import { SimEndpoint } from './fixtures' */
const { endpointsAt, hmac, signature, useTriggerSimulator } = require('./fixtures');

/**
 * Deliveries to the WooshPay Trigger: real HTTP POSTs with raw bodies and headers to a
 * stand-in for n8n's webhook server, which runs the node's webhook() through n8n-core's
 * WebhookContext and starts the workflow in n8n-core's engine. The endpoint and its secret come
 * from publishing the workflow against the simulator, as in n8n.
 */
const t = useTriggerSimulator();

/** An event as WooshPay sends it (its own example shows `created` in milliseconds). */
const EVENT = {
	id: 'evt_1953671389605003264',
	object: 'event',
	api_version: '1.0.1',
	created: 1754626531398,
	data: {
		object: {
			id: 'pi_1787730829493927936',
			object: 'payment_intent',
			amount: 2000,
			currency: 'usd',
			customer: 'cus_sandbox_1',
			status: 'succeeded',
			created: 1754626530,
			metadata: {},
		},
	},
	livemode: false,
	pending_webhooks: 1,
	request: { id: null, idempotency_key: null },
	type: 'payment_intent.succeeded',
};

/**
 * The body as bytes WooshPay might format them: not as JSON.stringify would.
 * @param {IDataObject} event
 */
const bodyOf = (event) => JSON.stringify(event, null, 2);

const now = () => Math.floor(Date.now() / 1000);

/** @param {IDataObject} [parameters] */
async function published(parameters = { events: ['payment_intent.succeeded'] }) {
	const h = await t.harness({ parameters });
	await h.publish();
	const [endpoint] = endpointsAt(t.sim);
	return { h, secret: endpoint.secret };
}

/**
 * What the workflow run received from the trigger, one entry per run.
 * @param {TriggerHarness} h
 * @returns {Promise<unknown[]>}
 */
async function started(h) {
	await h.idle();
	return h.runs.map((run) => {
		expect(run.status).toBe('success');
		return /** @type {INodeExecutionData[]} */ (/** @type {ITaskDataConnections} */ (run.data.resultData.runData['WooshPay Trigger'][0].data).main[0]).map((item) => item.json);
	});
}

describe('a delivery signed with the endpoint’s secret', () => {
	test('starts the workflow once with the event as sent and created_iso beside created', async () => {
		const { h, secret } = await published();
		const body = bodyOf(EVENT);
		expect(await h.deliver(body, { 'Wooshpay-Signature': signature(secret, body) })).toEqual({
			status: 200,
			body: 'firstEntryJson',
		});
		expect(await started(h)).toEqual([[{ ...EVENT, created_iso: '2025-08-08T04:15:31.398Z' }]]);
	});

	test.each([
		['the second of two v1 entries matches', (/** @type {string} */ good) => `v1=${'0'.repeat(64)},v1=${good}`],
		['the first of two v1 entries matches', (/** @type {string} */ good) => `v1=${good},v1=${'f'.repeat(64)}`],
		['a v0 entry and spaces around the items', (/** @type {string} */ good) => ` v0=${'a'.repeat(64)} , v1=${good} `],
		['the signature in upper case', (/** @type {string} */ good) => `v1=${good.toUpperCase()}`],
	])('accepted when %s', async (_case, signatures) => {
		const { h, secret } = await published();
		const body = bodyOf(EVENT);
		const timestamp = now();
		const answer = await h.deliver(body, { 'Wooshpay-Signature': `t=${timestamp},${signatures(hmac(secret, timestamp, body))}` });
		expect(answer.status).toBe(200);
		expect(await started(h)).toHaveLength(1);
	});

	test('with a timestamp in milliseconds', async () => {
		const { h, secret } = await published();
		const body = bodyOf(EVENT);
		const timestamp = Date.now();
		const answer = await h.deliver(body, { 'Wooshpay-Signature': `t=${timestamp},v1=${hmac(secret, timestamp, body)}` });
		expect(answer.status).toBe(200);
		expect(await started(h)).toHaveLength(1);
	});

	test('a timestamp older than the default 5 minutes is accepted when Timestamp Tolerance allows it', async () => {
		const { h, secret } = await published({ events: ['payment_intent.succeeded'], options: { toleranceSeconds: 900 } });
		const body = bodyOf(EVENT);
		expect((await h.deliver(body, { 'Wooshpay-Signature': signature(secret, body, now() - 600) })).status).toBe(200);
		expect(await started(h)).toHaveLength(1);
	});
});

describe('refused with 401, nothing started', () => {
	const other = 'whsec_5B7ztykeFchpyupxbTLmZdQiNabRRqjg';
	test.each([
		['no Wooshpay-Signature header', () => ({}), 'The Wooshpay-Signature header is missing'],
		['a signature made with another secret', (/** @type {string} */ body) => ({ 'Wooshpay-Signature': signature(other, body) }), 'The signature does not match this body and the signing secret'],
		['a header without t=', (/** @type {string} */ body, /** @type {string} */ secret) => ({ 'Wooshpay-Signature': `v1=${hmac(secret, now(), body)}` }), 'The Wooshpay-Signature header has no t= timestamp or no v1= signature'],
		['a header without v1=', () => ({ 'Wooshpay-Signature': `t=${now()},v0=abc` }), 'The Wooshpay-Signature header has no t= timestamp or no v1= signature'],
		['a signature that is not hex', () => ({ 'Wooshpay-Signature': `t=${now()},v1=${'z'.repeat(64)}` }), 'The signature does not match this body and the signing secret'],
		['a timestamp 6 minutes old', (/** @type {string} */ body, /** @type {string} */ secret) => ({ 'Wooshpay-Signature': signature(secret, body, now() - 360) }), /^The signature's timestamp is 3[56]\d seconds away from this server's clock; at most 300 are accepted$/],
		['a timestamp 6 minutes ahead', (/** @type {string} */ body, /** @type {string} */ secret) => ({ 'Wooshpay-Signature': signature(secret, body, now() + 360) }), /^The signature's timestamp is 3[56]\d seconds away from this server's clock; at most 300 are accepted$/],
	])('%s', async (_case, headers, reason) => {
		const { h, secret } = await published();
		const body = bodyOf(EVENT);
		const answer = await h.deliver(body, headers(body, secret));
		expect(answer.status).toBe(401);
		const message = /** @type {{ message: string }} */ (answer.body).message;
		expect(message.replace(/^Refused: /, '')).toMatch(reason);
		expect(message.startsWith('Refused: ')).toBe(true);
		expect(await started(h)).toEqual([]);
		expect(allText(answer)).not.toContain(secret);
	});

	test('the body changed after signing', async () => {
		const { h, secret } = await published();
		const body = bodyOf(EVENT);
		const changed = bodyOf({ ...EVENT, data: { object: { ...EVENT.data.object, amount: 1 } } });
		const answer = await h.deliver(changed, { 'Wooshpay-Signature': signature(secret, body) });
		expect(answer).toEqual({ status: 401, body: { message: 'Refused: The signature does not match this body and the signing secret' } });
		expect(await started(h)).toEqual([]);
	});

	test('the same JSON in other bytes (the signature covers the raw body)', async () => {
		const { h, secret } = await published();
		const signed = bodyOf(EVENT);
		const answer = await h.deliver(JSON.stringify(EVENT), { 'Wooshpay-Signature': signature(secret, signed) });
		expect(answer.status).toBe(401);
		expect(await started(h)).toEqual([]);
	});

	test('the trigger knows no signing secret (never published, no Signing Secret entered)', async () => {
		const h = await t.harness({ parameters: { events: ['payment_intent.succeeded'] } });
		const body = bodyOf(EVENT);
		const answer = await h.deliver(body, { 'Wooshpay-Signature': signature('whsec_anything', body) });
		expect(answer).toEqual({ status: 401, body: { message: 'Refused: The trigger knows no signing secret for this endpoint' } });
		expect(await started(h)).toEqual([]);
	});

	test('after unpublishing, the old secret is gone', async () => {
		const { h, secret } = await published();
		await h.unpublish();
		const body = bodyOf(EVENT);
		expect((await h.deliver(body, { 'Wooshpay-Signature': signature(secret, body) })).status).toBe(401);
		expect(await started(h)).toEqual([]);
	});
});

describe('answered 200 without starting the workflow', () => {
	test('an event of a type not chosen', async () => {
		const { h, secret } = await published();
		const body = bodyOf({ ...EVENT, type: 'payout.paid' });
		expect(await h.deliver(body, { 'Wooshpay-Signature': signature(secret, body) })).toEqual({
			status: 200,
			body: { received: true, started: false, reason: 'The event type payout.paid is not one the trigger listens to' },
		});
		expect(await started(h)).toEqual([]);
	});

	test('the same event delivered again', async () => {
		const { h, secret } = await published();
		const body = bodyOf(EVENT);
		expect((await h.deliver(body, { 'Wooshpay-Signature': signature(secret, body) })).status).toBe(200);
		const again = await h.deliver(body, { 'Wooshpay-Signature': signature(secret, body) });
		expect(again).toEqual({ status: 200, body: { received: true, started: false, reason: `The event ${EVENT.id} was received before` } });
		expect(await started(h)).toHaveLength(1);
	});

	test('the same event delivered three times at the same moment: the workflow runs once', async () => {
		const { h, secret } = await published();
		const body = bodyOf(EVENT);
		const answers = await Promise.all([1, 2, 3].map(async () => await h.deliver(body, { 'Wooshpay-Signature': signature(secret, body) })));
		// The webhook only asks the memory, which the run records once it has started: a delivery
		// that comes before the first run has started starts a run too, which outputs nothing.
		const repeat = { status: 200, body: { received: true, started: false, reason: `The event ${EVENT.id} was received before` } };
		for (const answer of answers) expect([{ status: 200, body: 'firstEntryJson' }, repeat]).toContainEqual(answer);
		const runs = await started(h);
		expect(runs.filter((items) => /** @type {unknown[]} */ (items).length > 0)).toEqual([[{ ...EVENT, created_iso: '2025-08-08T04:15:31.398Z' }]]);
		expect(runs.length).toBe(answers.filter((answer) => answer.body === 'firstEntryJson').length);
	});

	test('the same event to the test URL and the production URL starts both runs', async () => {
		const { h, secret } = await published();
		await h.publish('test');
		const testSecret = /** @type {SimEndpoint} */ (endpointsAt(t.sim).find((e) => e.url === h.testUrl)).secret;
		const body = bodyOf(EVENT);
		expect((await h.deliver(body, { 'Wooshpay-Signature': signature(testSecret, body) }, 'test')).body).toBe('firstEntryJson');
		expect((await h.deliver(body, { 'Wooshpay-Signature': signature(secret, body) })).body).toBe('firstEntryJson');
		expect(await started(h)).toHaveLength(2);
	});

	test('a valid signature over a body that is not an event object is answered 400', async () => {
		const { h, secret } = await published();
		const body = '["not", "an", "event"]';
		expect(await h.deliver(body, { 'Wooshpay-Signature': signature(secret, body) })).toEqual({
			status: 400,
			body: { message: 'The body is not a WooshPay event (a JSON object)' },
		});
		expect(await started(h)).toEqual([]);
	});
});

describe('options and event choices', () => {
	test('Skip Repeated Events off: the same event starts the workflow each time', async () => {
		const { h, secret } = await published({ events: ['payment_intent.succeeded'], options: { skipRepeated: false } });
		const body = bodyOf(EVENT);
		for (let i = 0; i < 2; i++) expect((await h.deliver(body, { 'Wooshpay-Signature': signature(secret, body) })).status).toBe(200);
		expect(await started(h)).toHaveLength(2);
	});

	test('Output Only the Object gives data.object, with created_iso', async () => {
		const { h, secret } = await published({ events: ['payment_intent.succeeded'], options: { onlyObject: true } });
		const body = bodyOf(EVENT);
		await h.deliver(body, { 'Wooshpay-Signature': signature(secret, body) });
		expect(await started(h)).toEqual([[{ ...EVENT.data.object, created_iso: '2025-08-08T04:15:30.000Z' }]]);
	});

	test.each([
		['seconds', 1754626531, '2025-08-08T04:15:31.000Z'],
		['milliseconds', 1754626531398, '2025-08-08T04:15:31.398Z'],
	])('created in %s becomes the same ISO date', async (_unit, created, iso) => {
		const { h, secret } = await published();
		const body = bodyOf({ ...EVENT, created });
		await h.deliver(body, { 'Wooshpay-Signature': signature(secret, body) });
		expect(await started(h)).toEqual([[{ ...EVENT, created, created_iso: iso }]]);
	});

	test('All Events starts the workflow for any type; names not listed are listened to', async () => {
		const all = await published({ events: ['*'] });
		const custom = await t.harness({ parameters: { events: [], eventsNotListed: 'issuing_card.created' } });
		await custom.publish();
		const customSecret = /** @type {SimEndpoint} */ (endpointsAt(t.sim).find((e) => e.enabled_events.includes('issuing_card.created'))).secret;
		for (const type of ['payout.paid', 'issuing_card.created']) {
			const body = bodyOf({ ...EVENT, id: `evt_${type}`, type });
			expect((await all.h.deliver(body, { 'Wooshpay-Signature': signature(all.secret, body) })).status).toBe(200);
			expect((await custom.deliver(body, { 'Wooshpay-Signature': signature(customSecret, body) })).status).toBe(200);
		}
		expect(await started(all.h)).toHaveLength(2);
		expect((await started(custom)).map((items) => /** @type {IDataObject[]} */ (items)[0].type)).toEqual(['issuing_card.created']);
	});

	test('with a Signing Secret entered, deliveries are checked with it', async () => {
		const own = 'whsec_9rMfZUGWM3gTTBtn0f8kPEfmiIJCmzQi';
		const h = await t.harness({ parameters: { events: ['payment_intent.succeeded'], signingSecret: own } });
		expect(await h.publish()).toBe('existed');
		const body = bodyOf(EVENT);
		expect((await h.deliver(body, { 'Wooshpay-Signature': signature('whsec_other', body) })).status).toBe(401);
		expect((await h.deliver(body, { 'Wooshpay-Signature': signature(own, body) })).status).toBe(200);
		const runs = await started(h);
		expect(runs).toHaveLength(1);
		expect(allText(runs)).not.toContain(own);
	});
});
