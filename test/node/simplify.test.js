// @ts-check
'use strict';

const { NodeHelpers } = require('n8n-workflow');

const { SECRET_KEY, byId, expectRequest, useSimulator } = require('../harness/fixtures');
const { runTool, toolDescription } = require('../harness/tool');

const { paymentsOf, addPaymentIntent } = require('../simulator/payments');
const { disputesOf } = require('../simulator/disputes');

/**
 * Simplify (the node in the editor: on by default) and Output (the node as an AI agent's tool:
 * Simplified, Raw, Selected Fields) for Payment Intent → Get, Get Many and Search, and Dispute →
 * Get Many, through the engine against the simulator (Charge → Get and Get Many:
 * charge-balance-event.test.js). The simulator runs with seed 'sandbox', which adds
 * pi_sandbox_5..8: pi_sandbox_7 is WooshPay's own "Retrieve a PaymentIntent" example, with
 * `payment_method_types` and `payment_method_options` as JSON in text (test/simulator/payments.js).
 */
const t = useSimulator({ seed: 'sandbox' });

/** The fields README lists for a simplified payment intent, in its order. */
const PAYMENT_INTENT_FIELDS = ['id', 'status', 'amount', 'currency', 'amount_capturable', 'amount_received', 'customer', 'merchant_order_id', 'payment_method_types', 'created'];
/** The fields README lists for a simplified dispute, in its order. */
const DISPUTE_FIELDS = ['id', 'status', 'amount', 'currency', 'reason', 'charge', 'payment_intent', 'evidence_due_by', 'is_charge_refundable', 'created'];

/** @param {string} id */
const intent = (id) => paymentsOf(t.sim).paymentIntents.get(id);
/** Payment intents newest first, as WooshPay lists them. */
const intentsNewestFirst = () => [...paymentsOf(t.sim).paymentIntents.values()].sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : -1));

/** A payment intent as README says Simplify gives it, `payment_method_types` as given. @param {any} pi @param {unknown} [types] */
const simplifiedIntent = (pi, types = pi.payment_method_types) => ({
	id: pi.id,
	status: pi.status,
	amount: pi.amount,
	currency: pi.currency,
	amount_capturable: pi.amount_capturable,
	amount_received: pi.amount_received,
	customer: pi.customer,
	merchant_order_id: pi.merchant_order_id,
	payment_method_types: types,
	created: pi.created,
});
/** @param {any} d */
const simplifiedDispute = (d) => ({
	id: d.id,
	status: d.status,
	amount: d.amount,
	currency: d.currency,
	reason: d.reason,
	charge: d.charge,
	payment_intent: d.payment_intent,
	evidence_due_by: d.evidence_details.due_by,
	is_charge_refundable: d.is_charge_refundable,
	created: d.created,
});

/** @param {string} id @param {object} [extra] */
const get = (id, extra = {}) => ({ resource: 'paymentIntent', operation: 'get', paymentIntentId: byId(id), ...extra });

describe('Simplify: Payment Intent → Get', () => {
	test("on by default: exactly README's ten fields; WooshPay's JSON-in-text payment_method_types parsed (its Retrieve example, pi_sandbox_7)", async () => {
		expect(intent('pi_sandbox_7').payment_method_types).toBe('["wechat_pay","alipay","card"]');
		const result = await t.run(get('pi_sandbox_7'));
		expectRequest(t.sim.requests[0], { method: 'GET', path: '/v1/payment_intents/pi_sandbox_7', body: undefined });
		expect(result.output).toEqual([{ json: simplifiedIntent(intent('pi_sandbox_7'), ['wechat_pay', 'alipay', 'card']), pairedItem: { item: 0 } }]);
		expect(Object.keys(result.output[0].json)).toEqual(PAYMENT_INTENT_FIELDS);
		expect(result.output[0].json).toMatchObject({ id: 'pi_sandbox_7', amount: 10, currency: 'USD', merchant_order_id: 'Order112344343', customer: null });
	});

	test('off: the whole payment intent as WooshPay sends it, its JSON-in-text fields left as text', async () => {
		const result = await t.run(get('pi_sandbox_7', { simplify: false }));
		expect(result.output).toEqual([{ json: intent('pi_sandbox_7'), pairedItem: { item: 0 } }]);
		expect(result.output[0].json).toMatchObject({
			payment_method_types: '["wechat_pay","alipay","card"]',
			payment_method_options: '{"card":{"request_three_d_secure":"auto","capture_method":"automatic"}}',
			shipping: { name: 'tom' },
		});
	});

	test('payment_method_types already a list stays that list; text that is not JSON is left as it is', async () => {
		const plain = addPaymentIntent(t.sim, { amount: 100, currency: 'USD', payment_method_types: 'card' });
		const broken = addPaymentIntent(t.sim, { amount: 100, currency: 'USD', payment_method_types: '["card"' });
		const result = await t.run(get('={{ $json.id }}'), { items: [{ id: 'pi_sandbox_1' }, { id: plain.id }, { id: broken.id }] });
		expect(result.output.map((o) => o.json.payment_method_types)).toEqual([['card'], 'card', '["card"']);
		expect(result.output.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test("Output, the tool variant's choice, saved on the node in the editor is not its field there: Simplify decides", async () => {
		const result = await t.run(get('pi_sandbox_1', { output: 'raw' }));
		expect(result.output[0].json).toEqual(simplifiedIntent(intent('pi_sandbox_1')));
	});
});

describe('Simplify: Payment Intent → Get Many and Search', () => {
	test('Get Many, on by default: every payment intent simplified, newest first', async () => {
		const result = await t.run({ resource: 'paymentIntent', operation: 'getAll', returnAll: true });
		const all = intentsNewestFirst();
		expect(all.length).toBeGreaterThan(8);
		expect(result.output).toEqual(
			all.map((pi) => ({ json: simplifiedIntent(pi, pi.id === 'pi_sandbox_7' ? ['wechat_pay', 'alipay', 'card'] : pi.payment_method_types), pairedItem: { item: 0 } })),
		);
		expect(result.output.every((o) => JSON.stringify(Object.keys(o.json)) === JSON.stringify(PAYMENT_INTENT_FIELDS))).toBe(true);
	});

	test('Get Many, off: the whole payment intents', async () => {
		const result = await t.run({ resource: 'paymentIntent', operation: 'getAll', returnAll: false, limit: 3, simplify: false });
		expect(result.output).toEqual(intentsNewestFirst().slice(0, 3).map((pi) => ({ json: pi, pairedItem: { item: 0 } })));
	});

	test.each([
		['on by default', {}, (/** @type {any} */ pi) => simplifiedIntent(pi, ['wechat_pay', 'alipay', 'card'])],
		['off', { simplify: false }, (/** @type {any} */ pi) => pi],
	])('Search, %s', async (_case, extra, shape) => {
		const result = await t.run({ resource: 'paymentIntent', operation: 'search', query: "merchant_order_id:'Order112344343'", limit: 10, ...extra });
		expectRequest(t.sim.requests[0], { method: 'GET', path: '/v1/payment_intents/search', query: { query: "merchant_order_id:'Order112344343'", limit: '10' } });
		expect(result.output).toEqual([{ json: shape(intent('pi_sandbox_7')), pairedItem: { item: 0 } }]);
	});
});

describe('Simplify: Dispute → Get Many', () => {
	const disputes = () => [...disputesOf(t.sim).disputes.values()].sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : -1));

	test("on by default: exactly README's ten fields, evidence_due_by from evidence_details.due_by", async () => {
		const result = await t.run({ resource: 'dispute', operation: 'getAll', returnAll: true });
		expect(result.output).toEqual(disputes().map((d) => ({ json: simplifiedDispute(d), pairedItem: { item: 0 } })));
		expect(result.output.map((o) => Object.keys(o.json))).toEqual(disputes().map(() => DISPUTE_FIELDS));
		expect(result.output.find((o) => o.json.id === 'dp_sandbox_1')?.json).toEqual({
			id: 'dp_sandbox_1',
			status: 'needs_response',
			amount: 2500,
			currency: 'USD',
			reason: 'fraudulent',
			charge: 'ch_sandbox_1',
			payment_intent: 'pi_sandbox_1',
			evidence_due_by: disputesOf(t.sim).disputes.get('dp_sandbox_1').created + 7 * 86400,
			is_charge_refundable: true,
			created: disputesOf(t.sim).disputes.get('dp_sandbox_1').created,
		});
	});

	test('off: the whole disputes, evidence and metadata included', async () => {
		const result = await t.run({ resource: 'dispute', operation: 'getAll', returnAll: true, simplify: false });
		expect(result.output).toEqual(disputes().map((d) => ({ json: d, pairedItem: { item: 0 } })));
		expect(result.output.find((o) => o.json.id === 'dp_sandbox_3')?.json).toMatchObject({ evidence: { receipt: 'file_sandbox_1' }, metadata: { card_scheme: 'VISA' } });
	});
});

describe('the AI tool variant: Output (Simplified, Raw, Selected Fields)', () => {
	const credentials = () => ({ secretKey: SECRET_KEY, environment: 'custom', baseUrl: t.sim.url });
	const ID_FROM_AI = "={{ $fromAI('paymentIntentId', 'The ID of the payment intent (pi_...)', 'string') }}";
	/** @param {object} extra */
	const getTool = (extra = {}) => ({ resource: 'paymentIntent', operation: 'get', paymentIntentId: byId(ID_FROM_AI), ...extra });

	test("the tool's description: named …Tool, so n8n's @tool condition shows Output (and Fields), not Simplify, for each operation that simplifies", async () => {
		const description = await toolDescription();
		expect(description.name).toBe('wooshPayTool');
		expect(description.outputs).toEqual(['ai_tool']);
		/** @param {string} name @param {import('n8n-workflow').INodeParameters} parameters */
		const shown = (name, parameters) =>
			description.properties.filter((property) => property.name === name).some((property) => NodeHelpers.displayParameter(parameters, property, null, description));
		for (const [resource, operation] of [
			['paymentIntent', 'get'],
			['paymentIntent', 'getAll'],
			['paymentIntent', 'search'],
			['charge', 'get'],
			['charge', 'getAll'],
			['dispute', 'getAll'],
		]) {
			const parameters = { resource, operation, output: 'selected' };
			expect([resource, operation, shown('output', parameters), shown('outputFields', parameters), shown('simplify', parameters)]).toEqual([resource, operation, true, true, false]);
			expect(shown('outputFields', { ...parameters, output: 'raw' })).toBe(false);
		}
		expect(shown('output', { resource: 'dispute', operation: 'close' })).toBe(false);
	});

	test('Simplified (the default): the call gets the simplified payment intent, its types parsed; one GET with the ID the model gave', async () => {
		const result = await runTool({ parameters: getTool(), credentials: credentials(), calls: [{ paymentIntentId: 'pi_sandbox_7' }] });
		expect(result.status).toBe('success');
		expect(t.sim.requests).toHaveLength(1);
		expectRequest(t.sim.requests[0], { method: 'GET', path: '/v1/payment_intents/pi_sandbox_7', body: undefined });
		const simplified = simplifiedIntent(intent('pi_sandbox_7'), ['wechat_pay', 'alipay', 'card']);
		expect(result.answers).toEqual([{ answer: [simplified] }]);
		expect(result.responses).toEqual([{ response: [simplified] }]);
	});

	test('a Simplify saved on the node is not the tool\'s field: Output decides (Simplified by default)', async () => {
		const result = await runTool({ parameters: getTool({ simplify: false }), credentials: credentials(), calls: [{ paymentIntentId: 'pi_sandbox_1' }] });
		expect(result.answers).toEqual([{ answer: [simplifiedIntent(intent('pi_sandbox_1'))] }]);
	});

	test('Raw: the whole payment intent as WooshPay sends it', async () => {
		const result = await runTool({ parameters: getTool({ output: 'raw' }), credentials: credentials(), calls: [{ paymentIntentId: 'pi_sandbox_7' }] });
		expect(result.answers).toEqual([{ answer: [intent('pi_sandbox_7')] }]);
	});

	test('Selected Fields: the ID and the fields named, in that order; spaces and a repeated id ignored, a field it lacks left out', async () => {
		const result = await runTool({
			parameters: getTool({ output: 'selected', outputFields: ' status, amount ,id,metadata,, no_such_field, shipping' }),
			credentials: credentials(),
			calls: [{ paymentIntentId: 'pi_sandbox_7' }],
		});
		const pi = intent('pi_sandbox_7');
		expect(result.answers).toEqual([{ answer: [{ id: 'pi_sandbox_7', status: pi.status, amount: pi.amount, metadata: pi.metadata, shipping: pi.shipping }] }]);
		expect(Object.keys(/** @type {any} */ (result.answers[0].answer)[0])).toEqual(['id', 'status', 'amount', 'metadata', 'shipping']);
	});

	test('Selected Fields with none named: the ID only', async () => {
		const result = await runTool({ parameters: getTool({ output: 'selected', outputFields: '' }), credentials: credentials(), calls: [{ paymentIntentId: 'pi_sandbox_2' }] });
		expect(result.answers).toEqual([{ answer: [{ id: 'pi_sandbox_2' }] }]);
	});

	test('Selected Fields from an expression that is not text: the call fails with a message that says how to give them', async () => {
		const result = await runTool({
			parameters: getTool({ output: 'selected', outputFields: '={{ ["status"] }}' }),
			credentials: credentials(),
			calls: [{ paymentIntentId: 'pi_sandbox_2' }],
		});
		expect(result.answers).toEqual([
			{ error: 'Fields is ["status"], not a list of field names [item 0]\n\nDetails: Give the field names separated by commas, such as status,amount,customer.' },
		]);
	});

	test('two calls in one execution: one request each, each answered with its own payment intent; a WooshPay error is the call\'s answer', async () => {
		const result = await runTool({
			parameters: getTool(),
			credentials: credentials(),
			calls: [{ paymentIntentId: 'pi_sandbox_3' }, { paymentIntentId: 'pi_gone' }],
		});
		expect(t.sim.requests.map((r) => r.path)).toEqual(['/v1/payment_intents/pi_sandbox_3', '/v1/payment_intents/pi_gone']);
		expect(result.answers).toEqual([
			{ answer: [simplifiedIntent(intent('pi_sandbox_3'))] },
			{
				error:
					"WooshPay error 404 Not Found: No such payment_intent: 'pi_gone' (type invalid_request_error, code resource_missing, param id) [item 0]\n\nDetails: Check the ID, and that it belongs to the same mode (test or live) as the secret key.",
			},
		]);
	});

	test('Get Many, Search and Dispute → Get Many: Output applies to each object of the list', async () => {
		const selected = await runTool({
			parameters: { resource: 'dispute', operation: 'getAll', returnAll: true, output: 'selected', outputFields: 'status,amount' },
			credentials: credentials(),
		});
		const disputes = [...disputesOf(t.sim).disputes.values()].sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : -1));
		expect(selected.answers).toEqual([{ answer: disputes.map((d) => ({ id: d.id, status: d.status, amount: d.amount })) }]);
		const search = await runTool({
			parameters: { resource: 'paymentIntent', operation: 'search', query: "={{ \"merchant_order_id:'\" + $fromAI('order', 'The order number', 'string') + \"'\" }}", limit: 10 },
			credentials: credentials(),
			calls: [{ order: 'order_1002' }],
		});
		expect(search.answers).toEqual([{ answer: [simplifiedIntent(intent('pi_sandbox_2'))] }]);
		const raw = await runTool({ parameters: { resource: 'paymentIntent', operation: 'getAll', returnAll: false, limit: 2, output: 'raw' }, credentials: credentials() });
		expect(raw.answers).toEqual([{ answer: intentsNewestFirst().slice(0, 2) }]);
	});

	test('Charge → Get as a tool: Raw and Simplified', async () => {
		const charge = paymentsOf(t.sim).charges.get('ch_sandbox_7');
		const chargeId = byId("={{ $fromAI('chargeId', 'The ID of the charge (ch_...)', 'string') }}");
		const raw = await runTool({ parameters: { resource: 'charge', operation: 'get', chargeId, output: 'raw' }, credentials: credentials(), calls: [{ chargeId: 'ch_sandbox_7' }] });
		expect(raw.answers).toEqual([{ answer: [charge] }]);
		const simplified = await runTool({ parameters: { resource: 'charge', operation: 'get', chargeId }, credentials: credentials(), calls: [{ chargeId: 'ch_sandbox_7' }] });
		expect(simplified.answers).toEqual([
			{
				answer: [
					{
						id: 'ch_sandbox_7',
						status: charge.status,
						amount: charge.amount,
						amount_refunded: charge.amount_refunded,
						currency: charge.currency,
						captured: charge.captured,
						payment_intent: 'pi_sandbox_7',
						customer: null,
						created: charge.created,
					},
				],
			},
		]);
	});
});
