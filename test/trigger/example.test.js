// @ts-check
'use strict';

/** @import { IConnections, IDataObject, INode, INodeExecutionData, ITaskDataConnections } from 'n8n-workflow' */

const example = require('../../examples/payment-succeeded-update-customer.json');
const { callSim, endpointsAt, requestsAt, sandboxEvents, settle, useTriggerSimulator } = require('./fixtures');

/**
 * The example workflow examples/payment-succeeded-update-customer.json, as `npm run dev` runs
 * it: published against the sandbox, fired by a sandbox payment over real HTTP, and its
 * WooshPay node updating that customer's metadata at the sandbox.
 */
const t = useTriggerSimulator();

test('a sandbox payment updates that customer’s metadata', async () => {
	const h = await t.harness({ workflow: /** @type {{ id: string; nodes: INode[]; connections: IConnections }} */ (/** @type {unknown} */ (example)) });
	expect(await h.publish()).toBe('created');
	expect(endpointsAt(t.sim).map((e) => [e.url, e.enabled_events])).toEqual([[h.productionUrl, ['payment_intent.succeeded']]]);
	t.sim.reset();

	const paid = await callSim(t.sim, 'POST', '/_sandbox/payments', { customer: 'cus_sandbox_2', amount: 4200, currency: 'eur' });
	expect(paid.status).toBe(200);
	const intent = /** @type {IDataObject} */ (paid.body.payment_intent);
	await settle(t.sim, h);

	const [succeeded, created] = await sandboxEvents(t.sim);
	expect(created.event.type).toBe('payment_intent.created');
	expect(created.deliveries).toEqual([]);
	expect(succeeded.event.type).toBe('payment_intent.succeeded');
	expect(succeeded.deliveries).toEqual([
		{ event: succeeded.event.id, endpoint: endpointsAt(t.sim)[0].id, url: h.productionUrl, status: 200, response: 'firstEntryJson' },
	]);

	expect(h.runs).toHaveLength(1);
	expect(h.runs[0].status).toBe('success');
	const metadata = {
		last_payment_intent: intent.id,
		last_payment_amount: '4200 eur',
		last_payment_at: new Date(/** @type {number} */ (succeeded.event.created)).toISOString(),
	};
	expect(requestsAt(t.sim).filter((r) => r.path.startsWith('/v1/'))).toEqual([
		{ method: 'POST', path: '/v1/customers/cus_sandbox_2', query: {}, body: { metadata } },
	]);
	expect(t.sim.customers.get('cus_sandbox_2').metadata).toEqual(metadata);
	expect(/** @type {INodeExecutionData[]} */ (/** @type {ITaskDataConnections} */ (h.runs[0].data.resultData.runData['Note the payment on the customer'][0].data).main[0]).map((item) => item.json.metadata)).toEqual([metadata]);
});

test('a payment without a customer stops at the WooshPay node with a clear error, before anything is sent', async () => {
	const h = await t.harness({ workflow: /** @type {{ id: string; nodes: INode[]; connections: IConnections }} */ (/** @type {unknown} */ (example)) });
	await h.publish();
	t.sim.reset();
	await callSim(t.sim, 'POST', '/_sandbox/payments', {});
	await settle(t.sim, h);
	expect(h.runs).toHaveLength(1);
	expect(h.runs[0].status).toBe('error');
	expect(h.runs[0].data.resultData.error?.message).toBe(
		'Customer is empty [item 0]. Enter the ID, or map it from an earlier node with an expression such as {{ $json.id }}.',
	);
	expect(requestsAt(t.sim).filter((r) => r.path.startsWith('/v1/'))).toEqual([]);
});
