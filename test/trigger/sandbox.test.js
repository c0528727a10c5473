// @ts-check
'use strict';

const { createServer } = require('node:http');
/** @import { AddressInfo } from 'node:net' */

/** @import { IDataObject } from 'n8n-workflow' */

const { AUTHORIZATION } = require('../harness/fixtures');
const { callSim, hmac, sandboxEvents, settle, useTriggerSimulator } = require('./fixtures');

/**
 * The sandbox (the simulator of `npm run dev`) delivering signed events over real HTTP: to the
 * WooshPay Trigger run as n8n runs it, and to a plain receiver that checks the signature on its
 * own.
 */
const t = useTriggerSimulator();

/**
 * @typedef {object} Received
 * @property {Record<string, string | string[] | undefined>} headers
 * @property {string} body
 */

/** A plain HTTP receiver that records what it gets and answers 200. */
async function receiver() {
	/** @type {Received[]} */
	const received = [];
	const server = createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			received.push({ headers: req.headers, body });
			res.end('ok');
		});
	});
	await /** @type {Promise<void>} */ (new Promise((resolve) => server.listen(0, '127.0.0.1', resolve)));
	const url = `http://127.0.0.1:${/** @type {AddressInfo} */ (server.address()).port}/hook`;
	return { url, received, close: async () => await /** @type {Promise<void>} */ (new Promise((resolve) => server.close(() => resolve()))) };
}

test('POST /_sandbox/events sends the event, signed with each endpoint’s secret, to every enabled endpoint that wants it', async () => {
	const plain = await receiver();
	try {
		const h = await t.harness({ parameters: { events: ['payment_intent.succeeded'] } });
		await h.publish();
		const all = (await callSim(t.sim, 'POST', '/v1/webhook_endpoints', { url: plain.url, enabled_events: ['*'] })).body;
		await callSim(t.sim, 'POST', '/v1/webhook_endpoints', { url: `${plain.url}/payouts`, enabled_events: ['payout.paid'] });
		const off = (await callSim(t.sim, 'POST', '/v1/webhook_endpoints', { url: `${plain.url}/off`, enabled_events: ['*'] })).body;
		expect((await callSim(t.sim, 'POST', `/v1/webhook_endpoints/${/** @type {string} */ (off.id)}`, { disabled: true })).body.status).toBe('disabled');

		const sent = await callSim(t.sim, 'POST', '/_sandbox/events', {
			type: 'payment_intent.succeeded',
			object: { customer: 'cus_sandbox_1', amount: 1500 },
			created: 1754626531,
		});
		expect(sent.status).toBe(200);
		const event = /** @type {IDataObject} */ (sent.body.event);
		expect(event).toMatchObject({
			object: 'event',
			created: 1754626531,
			type: 'payment_intent.succeeded',
			livemode: false,
			pending_webhooks: 2,
			data: { object: { object: 'payment_intent', customer: 'cus_sandbox_1', amount: 1500, status: 'succeeded' } },
		});
		expect(/** @type {IDataObject[]} */ (sent.body.sendingTo).map((target) => target.url).sort()).toEqual([h.productionUrl, plain.url].sort());
		await settle(t.sim, h);

		expect(plain.received).toHaveLength(1);
		const [{ headers, body }] = plain.received;
		expect(JSON.parse(body)).toEqual(event);
		expect(headers['content-type']).toBe('application/json');
		const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(headers['wooshpay-signature']));
		expect(match).not.toBeNull();
		expect(/** @type {RegExpExecArray} */ (match)[2]).toBe(hmac(/** @type {string} */ (all.secret), Number(/** @type {RegExpExecArray} */ (match)[1]), body));
		expect(h.runs).toHaveLength(1);
	} finally {
		await plain.close();
	}
});

test('resending an event delivers the same ID again; the trigger starts the workflow once', async () => {
	const h = await t.harness({ parameters: { events: ['payment_intent.succeeded'] } });
	await h.publish();
	const sent = await callSim(t.sim, 'POST', '/_sandbox/events', { type: 'payment_intent.succeeded' });
	const id = /** @type {string} */ (/** @type {IDataObject} */ (sent.body.event).id);
	await settle(t.sim, h);
	await callSim(t.sim, 'POST', `/_sandbox/events/${id}/resend`);
	await settle(t.sim, h);
	const [again, first] = await sandboxEvents(t.sim);
	expect([first.event.id, again.event.id]).toEqual([id, id]);
	expect(first.deliveries.map((d) => [d.status, d.response])).toEqual([[200, 'firstEntryJson']]);
	expect(again.deliveries.map((d) => [d.status, d.response])).toEqual([
		[200, JSON.stringify({ received: true, started: false, reason: `The event ${id} was received before` })],
	]);
	expect(h.runs).toHaveLength(1);
});

test.each([
	['signed with another secret', { tamper: 'signature' }, 'The signature does not match this body and the signing secret'],
	['changed after signing', { tamper: 'body' }, 'The signature does not match this body and the signing secret'],
	['unsigned', { tamper: 'unsigned' }, 'The Wooshpay-Signature header is missing'],
	['stale (signed 10 minutes ago)', { timestamp: Math.floor(Date.now() / 1000) - 600 }, /^The signature's timestamp is \d+ seconds away/],
])('a sandbox delivery %s is refused with 401 and starts nothing', async (_case, delivery, reason) => {
	const h = await t.harness({ parameters: { events: ['payment_intent.succeeded'] } });
	await h.publish();
	await callSim(t.sim, 'POST', '/_sandbox/events', { type: 'payment_intent.succeeded', delivery });
	await settle(t.sim, h);
	const [{ deliveries }] = await sandboxEvents(t.sim);
	expect(deliveries).toHaveLength(1);
	expect(deliveries[0].status).toBe(401);
	expect(JSON.parse(/** @type {string} */ (deliveries[0].response)).message.replace(/^Refused: /, '')).toMatch(reason);
	expect(h.runs).toEqual([]);
});

test('the sandbox routes refuse what they cannot use, and ask for the API key', async () => {
	expect(await callSim(t.sim, 'POST', '/_sandbox/events', { type: 'Payment Succeeded' })).toEqual({
		status: 400,
		body: { error: { type: 'invalid_request_error', message: 'type must be an event name, such as payment_intent.succeeded', param: 'type' } },
	});
	expect((await callSim(t.sim, 'POST', '/_sandbox/events', { type: 'payout.paid', delivery: { tamper: 'maybe' } })).status).toBe(400);
	expect((await callSim(t.sim, 'POST', '/_sandbox/payments', { customer: 'cus_missing' })).body).toEqual({
		error: { type: 'invalid_request_error', message: "No such customer: 'cus_missing'", code: 'resource_missing', param: 'customer' },
	});
	expect((await callSim(t.sim, 'POST', '/_sandbox/events/evt_missing/resend')).status).toBe(404);
	const anonymous = await fetch(`${t.sim.url}/_sandbox/events`, { method: 'GET' });
	expect(anonymous.status).toBe(401);
	expect(t.sim.requests.slice(0, -1).every((r) => r.headers.authorization === AUTHORIZATION)).toBe(true);
});
