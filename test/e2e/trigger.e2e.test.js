// @ts-check
'use strict';

/**
 * The WooshPay Trigger in a running n8n server with the packed package, as a user meets it:
 * the example "payment succeeded → update that customer's metadata" published (the CLI before
 * the server starts, as `npm run dev` does; then REST, as the editor's Publish / Activate
 * switch does), its endpoint registered at the sandbox with the production webhook URL, a
 * sandbox payment delivered, signed, to that URL and the workflow run; forged, unsigned, stale
 * and tampered deliveries refused with nothing run; a repeated event run once; unpublishing,
 * publishing again and a restart leaving exactly one endpoint; and the trigger's panel in the
 * editor.
 *
 * The tests build on each other, in order, on one n8n and one sandbox. n8n answers the REST
 * calls before the trigger's checkExists/create/delete have run, so the endpoints are polled.
 */
const { createHmac } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const { waitFor } = require('../../scripts/process');
const { executeStep, openAddField, useEditor } = require('./editor');
/** @import { SimEndpoint } from '../trigger/fixtures' */
const { EXAMPLES, callSandbox, eachLine, expectRequests, useN8n } = require('./harness');
/** @import { Json, Simulator } from './harness' */

const sandbox = require('../simulator/webhooks');

const EXAMPLE_FILE = path.join(EXAMPLES, 'payment-succeeded-update-customer.json');
const EXAMPLE = /** @type {Json} */ (JSON.parse(fs.readFileSync(EXAMPLE_FILE, 'utf8')));
/** @type {string} */
const WORKFLOW_ID = EXAMPLE.id;
const TRIGGER = EXAMPLE.nodes.find((/** @type {Json} */ node) => node.type === 'n8n-nodes-wooshpay.wooshPayTrigger');
const EVENTS = ['payment_intent.succeeded'];
const CUSTOMER = 'cus_sandbox_1';
/** How long n8n may take to run a lifecycle method or a workflow after it answered. */
const SETTLE_MS = 60000;

/**
 * An endpoint as the sandbox holds it, with its secret.
 * @typedef {SimEndpoint} Endpoint
 */

/** @param {Simulator} sim */
const endpointsAt = (sim) => /** @type {Endpoint[]} */ ([...sandbox.state(sim).endpoints.values()]);

/**
 * `Wooshpay-Signature` as WooshPay makes it: t=<seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">.
 * @param {string} secret
 * @param {string} body
 */
function signed(secret, body, timestamp = Math.floor(Date.now() / 1000)) {
	return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

eachLine('WooshPay Trigger in a running server', (version) => {
	const n8n = useN8n(version);
	const productionUrl = () => `${n8n.url}/webhook/${TRIGGER.webhookId}/webhook`;
	const description = `n8n workflow "${EXAMPLE.name}" (ID ${WORKFLOW_ID}), node "${TRIGGER.name}"`;

	beforeAll(async () => {
		await n8n.cli(['import:workflow', `--input=${EXAMPLE_FILE}`]);
		// n8n 2.x "publishes"; 1.x "activates", with update:workflow.
		await n8n.cli(version.startsWith('1.') ? ['update:workflow', `--id=${WORKFLOW_ID}`, '--active=true'] : ['publish:workflow', `--id=${WORKFLOW_ID}`]);
		await n8n.startServer();
	}, 180000);
	const withPage = useEditor(n8n);
	afterEach(() => sandbox.settled(n8n.sim));

	const listExecutions = async () =>
		/** @type {Json[]} */ ((await n8n.rest('GET', `/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: WORKFLOW_ID }))}`)).results);
	const executionCount = async () => (await listExecutions()).length;
	/**
	 * The workflow's executions (through REST), newest first, once there are `count` and none still runs.
	 * @param {number} count
	 */
	const executions = (count) =>
		waitFor(`${count} finished executions of ${WORKFLOW_ID}`, async () => {
			const found = await listExecutions();
			if (found.length > count) throw new Error(`${found.length} executions, ${count} expected: ${JSON.stringify(found)}`);
			return found.length === count && found.every((e) => !['new', 'running', 'waiting'].includes(e.status)) && found;
		}, SETTLE_MS);

	/**
	 * The sandbox's endpoints once there are `count` of them.
	 * @param {number} count
	 */
	const endpoints = (count) => waitFor(`${count} endpoints at the sandbox`, () => endpointsAt(n8n.sim).length === count && endpointsAt(n8n.sim), SETTLE_MS);

	/**
	 * The endpoint n8n should hold: the production URL, the chosen events, named after the workflow.
	 * @param {Endpoint[]} found
	 */
	const expectOneEndpoint = (found) => {
		expect(found.map(({ url, enabled_events, status, description }) => ({ url, enabled_events, status, description }))).toEqual([
			{ url: productionUrl(), enabled_events: EVENTS, status: 'enabled', description },
		]);
		return found[0];
	};
	/**
	 * Waits until n8n has stored `endpoint`'s ID and signing secret with the workflow (its static
	 * data, which n8n saves only after the whole activation: a delivery before that is refused
	 * with 401, and WooshPay delivers it again later).
	 * @param {Endpoint} endpoint
	 */
	const stored = (endpoint) =>
		waitFor(`n8n storing the endpoint ${endpoint.id} with the workflow`, async () => {
			const { staticData } = await n8n.rest('GET', `/rest/workflows/${WORKFLOW_ID}`);
			const state = staticData?.[`node:${TRIGGER.name}`];
			return state?.endpointId === endpoint.id && state?.signingSecret === endpoint.secret;
		}, SETTLE_MS);
	const registered = { method: 'POST', path: '/v1/webhook_endpoints', body: { url: '', enabled_events: EVENTS, description } };
	const listed = { method: 'GET', path: '/v1/webhook_endpoints', query: { limit: '100' } };
	/**
	 * What registering an endpoint for `url` sends, in this order: the endpoints listed
	 * (checkExists), the new one created, and the list read once more (create: any other endpoint
	 * for this URL, left by a publish at the same moment, would be deleted; here there is none).
	 * @param {string} url
	 * @param {string} [desc]
	 */
	const registering = (url, desc = description) => [listed, { ...registered, body: { ...registered.body, url, description: desc } }, listed];
	/**
	 * Requests as "METHOD path", in their order.
	 * @param {Json[]} requests
	 */
	const inOrder = (requests) => requests.map((r) => `${r.method} ${r.path}`);
	/**
	 * Waits until the sandbox has received `count` requests (the endpoint appears before create's
	 * second list is read), then checks them as expectRequests does, and their order.
	 * @param {import('./harness').ExpectedRequest[]} expected
	 */
	const expectRequestsInOrder = async (expected) => {
		await waitFor(`${expected.length} requests at the sandbox`, () => n8n.sim.requests.length >= expected.length, SETTLE_MS);
		expect(inOrder(expectRequests(n8n.sim, expected))).toEqual(inOrder(expected));
	};

	/**
	 * A payment for CUSTOMER at the sandbox; resolves with its payment_intent.succeeded event once delivered.
	 * @param {number} amount
	 */
	const pay = async (amount) => {
		const answer = await callSandbox(n8n.sim, '/_sandbox/payments', { customer: CUSTOMER, amount, currency: 'eur' });
		n8n.sim.reset(); // from here on, what n8n asks of the sandbox
		await sandbox.settled(n8n.sim);
		return /** @type {Json} */ (answer.events[1].event);
	};
	/**
	 * What the example sends for a payment_intent.succeeded event.
	 * @param {Json} event
	 */
	const customerUpdate = (event) => ({
		method: 'POST',
		path: `/v1/customers/${CUSTOMER}`,
		body: {
			metadata: {
				last_payment_intent: event.data.object.id,
				last_payment_amount: `${event.data.object.amount} ${event.data.object.currency}`,
				last_payment_at: new Date(event.created).toISOString(),
			},
		},
	});
	/** @param {Json} event */
	const deliveriesOf = (event) => sandbox.state(n8n.sim).events.filter((sent) => sent.event.id === event.id).flatMap((sent) => sent.deliveries);

	test('publishing registers exactly one endpoint: the production webhook URL and the chosen events', async () => {
		const endpoint = expectOneEndpoint(await endpoints(1));
		await stored(endpoint);
		expect(endpoint.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhook\/[0-9a-f-]{36}\/webhook$/);
		await expectRequestsInOrder(registering(productionUrl()));
	});

	test('a sandbox payment → its signed payment_intent.succeeded starts the workflow, which notes the payment on the customer', async () => {
		const event = await pay(4200);
		expect(event).toMatchObject({ type: 'payment_intent.succeeded', data: { object: { customer: CUSTOMER, amount: 4200, currency: 'eur', status: 'succeeded' } } });
		// payment_intent.created is not one of the trigger's events: not delivered at all.
		expect(deliveriesOf(event).map(({ url, status }) => ({ url, status }))).toEqual([{ url: productionUrl(), status: 200 }]);
		const [execution] = await executions(1);
		expect({ status: execution.status, mode: execution.mode }).toEqual({ status: 'success', mode: 'webhook' });
		expectRequests(n8n.sim, [customerUpdate(event)]);
		expect(n8n.sim.customers.get(CUSTOMER).metadata).toMatchObject(customerUpdate(event).body.metadata);
	});

	/** @typedef {(body: string, secret: string) => { body: string; signature?: string }} Delivery */
	const now = () => Math.floor(Date.now() / 1000);
	/** @type {Array<[string, Delivery, RegExp]>} */
	const refused = [
		['forged (signed with another secret)', (body) => ({ body, signature: signed('whsec_not_the_endpoints_secret', body) }), /signature does not match/],
		['unsigned (no Wooshpay-Signature header)', (body) => ({ body }), /header is missing/],
		['stale (signed 10 minutes ago)', (body, secret) => ({ body, signature: signed(secret, body, now() - 600) }), /seconds away from this server's clock; at most 300 are accepted/],
		['tampered (body changed after signing)', (body, secret) => ({ body: body.replace('"amount":100', '"amount":999999'), signature: signed(secret, body) }), /signature does not match/],
	];
	test.each(refused)('a %s delivery straight to the production URL: 401, no run, nothing sent to WooshPay', async (_name, make, message) => {
		const [endpoint] = endpointsAt(n8n.sim);
		const runsBefore = await executionCount();
		n8n.sim.reset();
		const object = { id: 'pi_e2e_forged', object: 'payment_intent', amount: 100, currency: 'usd', customer: CUSTOMER };
		const event = { id: `evt_e2e_${Date.now()}`, object: 'event', type: 'payment_intent.succeeded', created: Date.now(), data: { object } };
		const { body, signature } = make(JSON.stringify(event), endpoint.secret);
		expect(body).toContain('"type":"payment_intent.succeeded"');
		const res = await fetch(productionUrl(), {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...(signature ? { 'wooshpay-signature': signature } : {}) },
			body,
		});
		// The answer comes from the trigger's webhook(), after it decided to start nothing.
		expect({ status: res.status, message: (/** @type {Json} */ (await res.json())).message }).toEqual({ status: 401, message: expect.stringMatching(message) });
		expect(await executionCount()).toBe(runsBefore);
		expect(n8n.sim.requests).toEqual([]);
	});

	test('the same event delivered again (as WooshPay retries): 200, and no second run', async () => {
		const [first] = sandbox.state(n8n.sim).events.filter((sent) => sent.event.type === 'payment_intent.succeeded');
		const runsBefore = await executionCount();
		await callSandbox(n8n.sim, `/_sandbox/events/${first.event.id}/resend`, {});
		n8n.sim.reset();
		await sandbox.settled(n8n.sim);
		const deliveries = deliveriesOf(first.event);
		expect(deliveries.map(({ status }) => status)).toEqual([200, 200]);
		expect(JSON.parse(deliveries[1].response ?? '{}')).toMatchObject({ started: false });
		expect(await executionCount()).toBe(runsBefore);
		expect(n8n.sim.requests).toEqual([]);
	});

	test('the trigger\'s panel in the editor: Events, the webhook URLs, Options', () =>
		withPage('trigger-panel', async (page, shot) => {
			await page.goto(`${n8n.url}/workflow/${WORKFLOW_ID}`);
			const node = page.locator(`[data-test-id="canvas-node"][data-node-name="${TRIGGER.name}"]`);
			await node.waitFor({ timeout: 30000 });
			await shot('1-workflow');
			await node.dblclick();
			const ndv = page.getByTestId('ndv');
			await ndv.waitFor();
			// The webhook URLs, folded at first: the production one is what the endpoint holds.
			await ndv.getByText('Webhook URLs').click();
			await ndv.getByText('Test URL', { exact: true }).click();
			await ndv.getByText(`${n8n.url}/webhook-test/${TRIGGER.webhookId}/webhook`).waitFor();
			await ndv.getByText('Production URL', { exact: true }).click();
			await ndv.getByText(productionUrl()).waitFor();
			await shot('2-panel');
			const text = await ndv.innerText();
			const labels = ['Webhook URLs', 'Credential', 'Events', 'Event Names Not Listed', 'Signing Secret', 'Options'];
			expect(labels.map((label) => text.indexOf(label))).toEqual(labels.map((label) => text.indexOf(label)).sort((a, b) => a - b));
			expect(labels.filter((label) => !text.includes(label))).toEqual([]);
			expect(text).toContain(`POST\n\n${productionUrl()}`);
			expect(await ndv.getByTestId('parameter-input-events').innerText()).toBe('Payment Intent Succeeded');
			expect(await ndv.getByTestId('parameter-input-signingSecret').locator('input').first().getAttribute('type')).toBe('password');
			expect(await openAddField(page, 'Add Option')).toEqual(['Output Only the Object', 'Skip Repeated Events', 'Timestamp Tolerance (Seconds)']);
			await shot('3-options');
		}));

	test('listening for a test event in the editor: a second endpoint for the test URL, the event shown, that endpoint removed after', () =>
		withPage('trigger-listen', async (page, shot) => {
			const [production] = endpointsAt(n8n.sim);
			const runsBefore = await executionCount();
			await page.goto(`${n8n.url}/workflow/${WORKFLOW_ID}`);
			await page.locator(`[data-test-id="canvas-node"][data-node-name="${TRIGGER.name}"]`).dblclick();
			await page.getByTestId('ndv').waitFor();
			n8n.sim.reset();
			const shown = executeStep(page, ['payment_intent.succeeded']);
			const testUrl = `${n8n.url}/webhook-test/${TRIGGER.webhookId}/webhook`;
			await waitFor('the test URL\'s endpoint', () => endpointsAt(n8n.sim).length === 2, SETTLE_MS);
			const testEndpoint = endpointsAt(n8n.sim).find((endpoint) => endpoint.id !== production.id);
			expect(testEndpoint).toMatchObject({ url: testUrl, enabled_events: EVENTS, status: 'enabled', description: `${description} (test URL)` });
			// The second list holds the production endpoint too, for another URL: left alone.
			const listening = registering(testUrl, `${description} (test URL)`);
			await expectRequestsInOrder(listening);
			await shot('1-listening');

			const event = await pay(5500);
			const text = await shown;
			await shot('2-event');
			expect(text).toMatch(/\b1 item\b/);
			for (const shown of [event.id, event.data.object.id, 'payment_intent.succeeded']) expect(text).toContain(shown);
			/** @param {{ url: string }} a @param {{ url: string }} b */
			const byUrl = (a, b) => a.url.localeCompare(b.url);
			expect(deliveriesOf(event).map(({ url, status }) => ({ url, status })).sort(byUrl)).toEqual(
				[{ url: productionUrl(), status: 200 }, { url: testUrl, status: 200 }].sort(byUrl),
			);
			// The test registration ends with the event: its endpoint goes; the production one stays.
			expect(await endpoints(1)).toEqual([production]);
			// The published workflow ran too (its own endpoint got the event); the test ran the trigger only.
			const [latest, previous] = await executions(runsBefore + 2);
			expect([latest, previous].map(({ mode, status }) => `${mode} ${status}`).sort()).toEqual(['manual success', 'webhook success']);
			expectRequests(n8n.sim, [customerUpdate(event), { method: 'DELETE', path: `/v1/webhook_endpoints/${testEndpoint?.id}` }]);
		}));

	/** Publishes the workflow again as the editor does (POST /rest/workflows/:id/activate with its version). */
	const publish = async () => {
		const { versionId } = await n8n.rest('GET', `/rest/workflows/${WORKFLOW_ID}`);
		await n8n.rest('POST', `/rest/workflows/${WORKFLOW_ID}/activate`, { versionId });
	};

	test.each([1, 2])('unpublish → the endpoint is deleted; publish again (%i) → exactly one, and a payment runs the workflow', async (round) => {
		const [before] = endpointsAt(n8n.sim);
		const runsBefore = await executionCount();
		n8n.sim.reset();
		await n8n.rest('POST', `/rest/workflows/${WORKFLOW_ID}/deactivate`, {});
		expect(await endpoints(0)).toEqual([]);
		expectRequests(n8n.sim, [{ method: 'DELETE', path: `/v1/webhook_endpoints/${before.id}` }]);

		n8n.sim.reset();
		await publish();
		const after = expectOneEndpoint(await endpoints(1));
		expect(after.id).not.toBe(before.id);
		await stored(after);
		await expectRequestsInOrder(registering(productionUrl()));
		// The new endpoint's secret is the one n8n checks deliveries with now.
		const event = await pay(1000 + round);
		expect(deliveriesOf(event).map(({ endpoint, status }) => ({ endpoint, status }))).toEqual([{ endpoint: after.id, status: 200 }]);
		expect((await executions(runsBefore + 1))[0].status).toBe('success');
		expectRequests(n8n.sim, [customerUpdate(event)]);
	});

	test('a restart of n8n (same address) keeps the one endpoint and its secret: a payment runs the workflow', async () => {
		const before = endpointsAt(n8n.sim);
		expect(before).toHaveLength(1);
		const runsBefore = await executionCount();
		const port = Number(new URL(n8n.url).port);
		await n8n.stopServer();
		await n8n.startServer({ port });
		const event = await pay(3300);
		expect(endpointsAt(n8n.sim)).toEqual(before);
		expect(deliveriesOf(event).map(({ url, status }) => ({ url, status }))).toEqual([{ url: productionUrl(), status: 200 }]);
		expect((await executions(runsBefore + 1))[0].status).toBe('success');
		expectRequests(n8n.sim, [customerUpdate(event)]);
	});

	// n8n 2.41 runs no trigger method on start for a webhook it already knows (its table of
	// webhooks survives the restart): the endpoint keeps the old URL until the workflow is
	// unpublished and published again. n8n 1.123 runs checkExists on start, which moves it.
	const moves = version.startsWith('1.') ? 'n8n moves the endpoint on start' : 'the endpoint keeps the old URL until unpublish and publish';
	test(`a restart on another address: ${moves}; then exactly one endpoint, at the new URL, and a payment runs the workflow`, async () => {
		const [before] = endpointsAt(n8n.sim);
		const oldUrl = productionUrl();
		n8n.sim.reset();
		await n8n.stopServer();
		await n8n.startServer();
		expect(productionUrl()).not.toBe(oldUrl);
		const moved = { method: 'DELETE', path: `/v1/webhook_endpoints/${before.id}` };
		if (version.startsWith('1.')) {
			await waitFor('the endpoint at the new URL', () => endpointsAt(n8n.sim).some((endpoint) => endpoint.url === productionUrl()), SETTLE_MS);
		} else {
			expect(endpointsAt(n8n.sim)).toEqual([before]);
			expect(n8n.sim.requests).toEqual([]);
			await n8n.rest('POST', `/rest/workflows/${WORKFLOW_ID}/deactivate`, {});
			await endpoints(0);
			await publish();
		}
		const after = expectOneEndpoint(await endpoints(1));
		await stored(after);
		// 1.123: checkExists deletes the endpoint whose URL no longer fits; 2.41: unpublishing does.
		const [list, create, listAgain] = registering(productionUrl());
		await expectRequestsInOrder(version.startsWith('1.') ? [list, moved, create, listAgain] : [moved, list, create, listAgain]);

		const runsBefore = await executionCount();
		const event = await pay(6600);
		expect(deliveriesOf(event).map(({ url, status }) => ({ url, status }))).toEqual([{ url: productionUrl(), status: 200 }]);
		expect((await executions(runsBefore + 1))[0].status).toBe('success');
		expectRequests(n8n.sim, [customerUpdate(event)]);
	});
});
