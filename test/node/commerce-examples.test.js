// @ts-check
'use strict';

/** @import { IDataObject } from 'n8n-workflow' */

const { expectRequest, useSimulator } = require('../harness/fixtures');

const { billingOf } = require('../simulator/billing');
const { disputesOf } = require('../simulator/disputes');
const { paymentsOf } = require('../simulator/payments');
const { payoutsOf } = require('../simulator/payouts');

/**
 * What the tests read of an example workflow.
 * @typedef {{ name: string; type: string; parameters: IDataObject }} ExampleNode
 * @typedef {{ nodes: ExampleNode[]; connections: Record<string, { main: Array<Array<{ node: string }>> }> }} Example
 * @typedef {{ assignments: { assignments: Array<{ name: string; value: unknown; type: string }> } }} SetParameters
 */
const capture = /** @type {Example} */ (require('../../examples/payment-authorize-capture.json'));
const cancelUnpaid = /** @type {Example} */ (require('../../examples/payment-intents-cancel-unpaid.json'));
const openDisputes = /** @type {Example} */ (require('../../examples/disputes-open-morning.json'));
const payoutRow = /** @type {Example} */ (require('../../examples/payout-from-sheet-row.json'));
const offerForm = /** @type {Example} */ (require('../../examples/product-price-promotion-from-form.json'));

/**
 * The WooshPay nodes of the examples of issue 20 (authorize and capture, cancel unpaid orders,
 * open disputes, a payout from a sheet row, a product with its price and a promotion code from
 * a form), with their parameters as saved, run through the engine on what the nodes before them
 * hand them, against the sandbox of `npm run dev` (seed 'sandbox'). The whole workflows run in a
 * real n8n in the end-to-end tests.
 */

/** @param {Example} workflow @param {string} name @returns {ExampleNode} */
const nodeOf = (workflow, name) => {
	const node = workflow.nodes.find((n) => n.name === name);
	if (!node) throw new Error(`no node ${name}`);
	return node;
};

/** @param {Example} workflow @param {string} name */
const parametersOf = (workflow, name) => nodeOf(workflow, name).parameters;

/** The nodes `name` hands its items to. @param {Example} workflow @param {string} name */
const next = (workflow, name) => (workflow.connections[name]?.main[0] ?? []).map((c) => c.node);

/**
 * The item an Edit Fields node of fixed values gives (dot notation: "body.orderId" is nested).
 * @param {Example} workflow @param {string} name @returns {IDataObject}
 */
function itemOfSet(workflow, name) {
	/** @type {IDataObject} */
	const item = {};
	for (const { name: path, value } of /** @type {SetParameters} */ (/** @type {unknown} */ (parametersOf(workflow, name))).assignments.assignments) {
		const keys = path.split('.');
		let at = item;
		for (const key of keys.slice(0, -1)) at = /** @type {IDataObject} */ (at[key] ??= {});
		at[/** @type {string} */ (keys.at(-1))] = /** @type {IDataObject[string]} */ (value);
	}
	return item;
}

/** The assignments of an Edit Fields node, name to value as saved. @param {Example} workflow @param {string} name */
const assignmentsOf = (workflow, name) =>
	Object.fromEntries(/** @type {SetParameters} */ (/** @type {unknown} */ (parametersOf(workflow, name))).assignments.assignments.map((a) => [a.name, a.value]));

test('every WooshPay node of these examples uses the sandbox credential', () => {
	for (const example of [capture, cancelUnpaid, openDisputes, payoutRow, offerForm]) {
		const nodes = example.nodes.filter((n) => n.type === 'n8n-nodes-wooshpay.wooshPay');
		expect(nodes.length).toBeGreaterThan(0);
		for (const node of nodes) expect(/** @type {{ credentials?: unknown }} */ (node).credentials).toEqual({ wooshPayApi: { id: 'wooshPaySandbox', name: 'WooshPay sandbox' } });
	}
});

describe('authorize at checkout, capture when the order ships', () => {
	const t = useSimulator({ seed: 'sandbox' });

	test('the paths: the order placed is only authorized; the order shipped (or the sample shipment) is found and captured', () => {
		expect(next(capture, 'Order placed')).toEqual(['Authorize the payment']);
		expect(next(capture, 'Authorize the payment')).toEqual([]);
		expect(next(capture, 'Order shipped')).toEqual(["Find the order's payment"]);
		expect(next(capture, 'Run now (test)')).toEqual(['Sample shipment']);
		expect(next(capture, 'Sample shipment')).toEqual(["Find the order's payment"]);
		expect(next(capture, "Find the order's payment")).toEqual(['Capture the payment']);
	});

	test('Authorize the payment: Create with capture_method manual, the order ID as merchant order ID and in the Idempotency-Key', async () => {
		const order = { body: { orderId: 'order_3001', amount: 4999, currency: 'USD', customerId: 'cus_sandbox_1' } };
		const result = await t.run(parametersOf(capture, 'Authorize the payment'), { items: [order] });
		expectRequest(t.sim.requests[0], {
			method: 'POST',
			path: '/v1/payment_intents',
			body: { amount: 4999, currency: 'USD', capture_method: 'manual', customer: 'cus_sandbox_1', description: 'Order order_3001', merchant_order_id: 'order_3001' },
		});
		expect(t.sim.requests[0].headers['idempotency-key']).toBe('authorize-order_3001');
		const intent = paymentsOf(t.sim).paymentIntents.get(t.sim.mutations[0].id);
		expect(result.output).toEqual([{ json: intent, pairedItem: { item: 0 } }]);
		expect(intent).toMatchObject({ status: 'requires_payment_method', capture_method: 'manual', client_secret: expect.stringContaining(intent.id) });
		// The shop's webhook sent twice: the same payment intent, not a second one.
		const again = await t.run(parametersOf(capture, 'Authorize the payment'), { items: [order] });
		expect(t.sim.mutations).toHaveLength(1);
		expect(again.output[0].json.id).toBe(intent.id);
	});

	test("the sample shipment: Find the order's payment searches the order's authorized payment, Capture the payment takes all of it", async () => {
		const shipment = itemOfSet(capture, 'Sample shipment');
		expect(shipment).toEqual({ body: { orderId: 'order_1005', carrier: 'Royal Mail' } });
		expect(paymentsOf(t.sim).paymentIntents.get('pi_sandbox_5')).toMatchObject({ merchant_order_id: 'order_1005', status: 'requires_capture', amount_capturable: 15000 });
		const found = await t.run(parametersOf(capture, "Find the order's payment"), { items: [shipment] });
		expectRequest(t.sim.requests[0], {
			method: 'GET',
			path: '/v1/payment_intents/search',
			query: { query: "merchant_order_id:'order_1005' AND status:'requires_capture'", limit: '1' },
		});
		expect(found.output.map((o) => [o.json.id, o.json.status])).toEqual([['pi_sandbox_5', 'requires_capture']]);

		const captured = await t.run(parametersOf(capture, 'Capture the payment'), { items: found.output.map((o) => o.json) });
		expectRequest(t.sim.requests[1], { method: 'POST', path: '/v1/payment_intents/pi_sandbox_5/capture', body: undefined });
		expect(captured.output).toEqual([{ json: paymentsOf(t.sim).paymentIntents.get('pi_sandbox_5'), pairedItem: { item: 0 } }]);
		expect(captured.output[0].json).toMatchObject({ status: 'succeeded', amount_received: 15000, amount_capturable: 0 });

		// Shipped again: nothing is waiting for a capture any more, so nothing is captured twice.
		const twice = await t.run(parametersOf(capture, "Find the order's payment"), { items: [shipment] });
		expect(twice.output).toEqual([]);
		expect(t.sim.requests).toHaveLength(3);
	});
});

describe('cancel orders unpaid after 24 hours', () => {
	const t = useSimulator({ seed: 'sandbox' });

	test('the path: schedule (or Run now) → payments older than 24 hours → still unpaid → cancel', () => {
		expect(next(cancelUnpaid, 'Every hour')).toEqual(['Payments older than 24 hours']);
		expect(next(cancelUnpaid, 'Run now (test)')).toEqual(['Payments older than 24 hours']);
		expect(next(cancelUnpaid, 'Payments older than 24 hours')).toEqual(['Still unpaid']);
		expect(next(cancelUnpaid, 'Still unpaid')).toEqual(['Cancel the unpaid payment']);
		expect(parametersOf(cancelUnpaid, 'Still unpaid').conditions).toMatchObject({
			combinator: 'and',
			conditions: [
				{ leftValue: '={{ $json.status }}', rightValue: 'requires_', operator: { type: 'string', operation: 'startsWith' } },
				{ leftValue: '={{ $json.status }}', rightValue: 'requires_capture', operator: { type: 'string', operation: 'notEquals' } },
			],
		});
	});

	test('Get Many asks for the payment intents created until 24 hours ago; those still unpaid are canceled with the reason', async () => {
		const intents = paymentsOf(t.sim).paymentIntents;
		// One made just now: too young to cancel.
		const young = intents.get('pi_sandbox_6');
		intents.set('pi_recent', { ...young, id: 'pi_recent', created: Math.floor(Date.now() / 1000) - 60 });
		const from = Math.floor(Date.now() / 1000) - 86400;
		const listed = await t.run(parametersOf(cancelUnpaid, 'Payments older than 24 hours'));
		const to = Math.floor(Date.now() / 1000) - 86400;
		expect(t.sim.requests).toHaveLength(1);
		const { query } = t.sim.requests[0];
		expectRequest(t.sim.requests[0], { method: 'GET', path: '/v1/payment_intents', query: { limit: '100', 'created[lte]': query['created[lte]'] } });
		expect(Number(query['created[lte]'])).toBeGreaterThanOrEqual(from);
		expect(Number(query['created[lte]'])).toBeLessThanOrEqual(to);
		const ids = listed.output.map((o) => o.json.id);
		expect(ids).not.toContain('pi_recent');
		expect([...ids].sort()).toEqual([...intents.keys()].filter((id) => id !== 'pi_recent').sort());

		// What the Filter node "Still unpaid" keeps.
		const unpaid = listed.output.map((o) => o.json).filter((pi) => String(pi.status).startsWith('requires_') && pi.status !== 'requires_capture');
		expect(unpaid.map((pi) => [pi.id, pi.status]).sort()).toEqual([
			['pi_sandbox_4', 'requires_payment_method'],
			['pi_sandbox_6', 'requires_confirmation'],
			['pi_sandbox_8', 'requires_action'],
		]);
		t.sim.reset();
		const canceled = await t.run(parametersOf(cancelUnpaid, 'Cancel the unpaid payment'), { items: unpaid });
		expect(t.sim.requests.map((r) => r.path).sort()).toEqual(['pi_sandbox_4', 'pi_sandbox_6', 'pi_sandbox_8'].map((id) => `/v1/payment_intents/${id}/cancel`));
		for (const request of t.sim.requests) {
			expectRequest(request, { method: 'POST', path: request.path, body: { cancellation_reason: 'Order not paid within 24 hours' } });
		}
		expect(canceled.output.map((o) => [o.json.id, o.json.status, o.json.cancellation_reason, o.pairedItem])).toEqual(
			unpaid.map((pi, i) => [pi.id, 'canceled', 'Order not paid within 24 hours', { item: i }]),
		);
		expect(intents.get('pi_sandbox_5')?.status).toBe('requires_capture');
	});
});

describe('open disputes every morning', () => {
	const t = useSimulator({ seed: 'sandbox' });

	test('Disputes: every page of GET /v1/disputes/list, simplified; the Filter keeps the open ones, the Code node lists them', async () => {
		expect(next(openDisputes, 'Every day at 08:00')).toEqual(['Disputes']);
		expect(next(openDisputes, 'Run now (test)')).toEqual(['Disputes']);
		expect(next(openDisputes, 'Disputes')).toEqual(['Open disputes']);
		expect(next(openDisputes, 'Open disputes')).toEqual(['Morning list']);
		const result = await t.run(parametersOf(openDisputes, 'Disputes'));
		expectRequest(t.sim.requests[0], { method: 'GET', path: '/v1/disputes/list', query: { limit: '100' } });
		expect(result.output.map((o) => o.json.id)).toEqual(['dp_sandbox_3', 'dp_sandbox_2', 'dp_sandbox_1']);
		expect(Object.keys(result.output[0].json)).toEqual(['id', 'status', 'amount', 'currency', 'reason', 'charge', 'payment_intent', 'evidence_due_by', 'is_charge_refundable', 'created']);

		const filter = /** @type {{ combinator: string; conditions: Array<{ rightValue: string; operator: { operation: string } }> }} */ (parametersOf(openDisputes, 'Open disputes').conditions);
		expect(filter.combinator).toBe('or');
		expect(filter.conditions.every((c) => c.operator.operation === 'equals')).toBe(true);
		const open = filter.conditions.map((c) => c.rightValue);
		expect(open).toEqual(['needs_response', 'warning_needs_response', 'under_review', 'warning_under_review']);
		const kept = result.output.map((o) => o.json).filter((d) => open.includes(String(d.status)));
		expect(kept.map((d) => [d.id, d.status])).toEqual([
			['dp_sandbox_2', 'warning_needs_response'],
			['dp_sandbox_1', 'needs_response'],
		]);

		// The Code node's own JavaScript, on what the Filter kept.
		const code = /** @type {string} */ (parametersOf(openDisputes, 'Morning list').jsCode);
		const run = /** @type {(input: { all: () => Array<{ json: IDataObject }> }) => Array<{ json: { report: string; count: number; disputes: string[] } }>} */ (
			new Function('$input', code)
		);
		const [{ json: list }] = run({ all: () => kept.map((json) => ({ json })) });
		const due = (/** @type {string} */ id) => new Date(disputesOf(t.sim).disputes.get(id).evidence_details.due_by * 1000).toISOString().slice(0, 10);
		expect(list.count).toBe(2);
		expect(list.report.split('\n').slice(1)).toEqual(
			['dp_sandbox_1', 'dp_sandbox_2']
				.map((id) => disputesOf(t.sim).disputes.get(id))
				.sort((a, b) => a.evidence_details.due_by - b.evidence_details.due_by)
				.map((d) => `$${(d.amount / 100).toFixed(2)} · ${d.reason} · ${d.status} · evidence due ${due(d.id)} · ${d.id}`),
		);
		expect(list.report.split('\n')[0]).toMatch(/^2 open WooshPay disputes on \d{4}-\d{2}-\d{2}$/);
	});
});

describe('a payout from a spreadsheet row', () => {
	const t = useSimulator({ seed: 'sandbox' });

	test("Pay out: the row's beneficiary, amount and currencies, its reference and row in the metadata, an Idempotency-Key from the row; run again, paid once", async () => {
		expect(next(payoutRow, 'Run now (test)')).toEqual(['Sheet row']);
		expect(next(payoutRow, 'Sheet row')).toEqual(['Pay out']);
		const row = itemOfSet(payoutRow, 'Sheet row');
		expect(row).toEqual({ row_number: 7, beneficiary_id: 'bf_sandbox_1', amount_in_cents: 25000, currency: 'GBP', source_currency: 'USD', reference: 'INV-2026-117' });
		const result = await t.run(parametersOf(payoutRow, 'Pay out'), { items: [row] });
		expectRequest(t.sim.requests[0], {
			method: 'POST',
			path: '/v1/payouts',
			body: {
				beneficiary: 'bf_sandbox_1',
				payment_amount: 25000,
				payment_currency: 'GBP',
				source_currency: 'USD',
				description: 'INV-2026-117',
				metadata: { sheet_row: '7', reference: 'INV-2026-117' },
			},
		});
		expect(t.sim.requests[0].headers['idempotency-key']).toBe('payout-7');
		const payout = payoutsOf(t.sim).payouts.get(t.sim.mutations[0].id);
		expect(result.output).toEqual([{ json: payout, pairedItem: { item: 0 } }]);
		expect(payout).toMatchObject({ status: 'pending', payment_amount: 25000, source_amount: 31646 });

		const again = await t.run(parametersOf(payoutRow, 'Pay out'), { items: [row] });
		expect(t.sim.mutations).toHaveLength(1);
		expect(again.output).toEqual(result.output);
	});

	test('several rows: one payout each, each with its own key; an amount written as money stops that row only', async () => {
		const row = itemOfSet(payoutRow, 'Sheet row');
		const result = await t.run(parametersOf(payoutRow, 'Pay out'), {
			continueOnFail: true,
			items: [
				{ ...row, row_number: 8, beneficiary_id: 'bf_sandbox_2', amount_in_cents: 500000, currency: 'INR' },
				{ ...row, row_number: 9, amount_in_cents: '250.00' },
				{ ...row, row_number: 10 },
			],
		});
		expect(t.sim.requests.map((r) => r.headers['idempotency-key']).sort()).toEqual(['payout-10', 'payout-8']);
		expect(result.output.map((o) => o.json.error ?? o.json.payment_amount)).toEqual([
			500000,
			"Amount Received is \"250.00\", which is not a whole number of 1 or more [item 1]. Give the amount in the currency's smallest unit as a whole number, such as 5000 for 50.00 USD.",
			25000,
		]);
	});
});

describe('a product with its price and a promotion code from a form', () => {
	const t = useSimulator({ seed: 'sandbox' });

	test('the chain: the form (or the sample answer) → Offer → product → price → coupon → promotion code', () => {
		expect(next(offerForm, 'New offer form')).toEqual(['Offer']);
		expect(next(offerForm, 'Run now (test)')).toEqual(['Sample form answer']);
		expect(next(offerForm, 'Sample form answer')).toEqual(['Offer']);
		const chain = ['Offer', 'Create product', 'Price of the product', 'Create price', 'Discount', 'Create coupon', 'Code for the coupon', 'Create promotion code'];
		chain.slice(0, -1).forEach((name, i) => expect(next(offerForm, name)).toEqual([chain[i + 1]]));
		expect(next(offerForm, 'Create promotion code')).toEqual([]);
		// The sample answer has exactly the form's fields.
		const form = /** @type {{ formFields: { values: Array<{ fieldLabel: string }> } }} */ (/** @type {unknown} */ (parametersOf(offerForm, 'New offer form')));
		expect(Object.keys(itemOfSet(offerForm, 'Sample form answer'))).toEqual(form.formFields.values.map((f) => f.fieldLabel));
	});

	test('each WooshPay node with what the Edit Fields node before it gives: the promotion code of the new coupon, for the new price of the new product', async () => {
		const answer = itemOfSet(offerForm, 'Sample form answer');
		// Offer: the answer under short names.
		expect(assignmentsOf(offerForm, 'Offer')).toEqual({
			name: "={{ $json['Product name'] }}",
			description: "={{ $json['Description'] }}",
			unitAmount: "={{ $json['Price in cents'] }}",
			currency: "={{ $json['Currency'] }}",
			percentOff: "={{ $json['Discount in percent'] }}",
			code: "={{ $json['Promotion code'] }}",
			validUntil: "={{ $json['Code valid until'] }}",
		});
		const offer = {
			name: answer['Product name'],
			description: answer.Description,
			unitAmount: answer['Price in cents'],
			currency: answer.Currency,
			percentOff: answer['Discount in percent'],
			code: answer['Promotion code'],
			validUntil: answer['Code valid until'],
		};

		const product = await t.run(parametersOf(offerForm, 'Create product'), { items: [offer] });
		expectRequest(t.sim.requests[0], {
			method: 'POST',
			path: '/v1/products',
			body: { name: 'Enamel travel mug', description: 'Keeps coffee hot for 6 hours', metadata: { source: 'offer form' } },
		});
		const productId = /** @type {string} */ (product.output[0].json.id);
		expect(product.output).toEqual([{ json: billingOf(t.sim).products.get(productId), pairedItem: { item: 0 } }]);

		expect(assignmentsOf(offerForm, 'Price of the product')).toEqual({
			product: '={{ $json.id }}',
			unitAmount: "={{ $('Offer').item.json.unitAmount }}",
			currency: "={{ $('Offer').item.json.currency }}",
		});
		const price = await t.run(parametersOf(offerForm, 'Create price'), { items: [{ product: productId, unitAmount: offer.unitAmount, currency: offer.currency }] });
		expectRequest(t.sim.requests[1], { method: 'POST', path: '/v1/prices', body: { product: productId, currency: 'USD', unit_amount: '1800' } });
		expect(price.output[0].json).toMatchObject({ object: 'price', product: productId, unit_amount: 1800, currency: 'USD', type: 'one_time' });

		expect(assignmentsOf(offerForm, 'Discount')).toEqual({
			percentOff: "={{ $('Offer').item.json.percentOff }}",
			name: "={{ $('Offer').item.json.name + ' launch offer' }}",
		});
		const coupon = await t.run(parametersOf(offerForm, 'Create coupon'), { items: [{ percentOff: offer.percentOff, name: `${offer.name} launch offer` }] });
		expectRequest(t.sim.requests[2], { method: 'POST', path: '/v1/coupons', body: { percent_off: 20, duration: 'once', name: 'Enamel travel mug launch offer' } });
		const couponId = /** @type {string} */ (coupon.output[0].json.id);

		expect(assignmentsOf(offerForm, 'Code for the coupon')).toEqual({
			coupon: '={{ $json.id }}',
			code: "={{ $('Offer').item.json.code }}",
			expiresAt: "={{ $('Offer').item.json.validUntil + 'T23:59:59' }}",
		});
		const promotion = await t.run(parametersOf(offerForm, 'Create promotion code'), { items: [{ coupon: couponId, code: offer.code, expiresAt: `${offer.validUntil}T23:59:59` }] });
		// 2027-03-31 23:59:59 in the workflow's time zone (Europe/London, on summer time since 28 March).
		const endOfDay = Date.parse('2027-03-31T23:59:59+01:00') / 1000;
		expectRequest(t.sim.requests[3], { method: 'POST', path: '/v1/promotion_code', body: { coupon: couponId, code: 'TRAVEL20', expires_at: String(endOfDay) } });
		expect(promotion.output).toEqual([{ json: billingOf(t.sim).promotionCodes.get(t.sim.mutations[3].id), pairedItem: { item: 0 } }]);
		expect(promotion.output[0].json).toMatchObject({ code: 'TRAVEL20', expires_at: endOfDay, active: true, coupon: { id: couponId, percent_off: 20 } });
		expect(t.sim.requests.every((r) => /^n8n-[0-9a-f]{40}$/.test(String(r.headers['idempotency-key'])))).toBe(true);
	});
});
