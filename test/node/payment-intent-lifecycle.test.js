// @ts-check
'use strict';

const { byId, expectRequest, useSimulator } = require('../harness/fixtures');

const { paymentsOf, addPaymentIntent } = require('../simulator/payments');

/**
 * Payment Intent → Create (Capture Method, Confirm), Update, Cancel, Capture and Confirm through
 * the engine against the simulator, whose payment intents follow the state machine of WooshPay's
 * Cancel, Capture and Confirm pages (test/simulator/payments.js): each request exactly, each
 * output item exactly, WooshPay's refusals in its words, and which of them are sent again.
 */
const t = useSimulator();

/** @param {string} id */
const stored = (id) => paymentsOf(t.sim).paymentIntents.get(id);
/** @param {string} id */
const chargesOf = (id) => [...paymentsOf(t.sim).charges.values()].filter((charge) => charge.payment_intent === id);

/**
 * A payment intent of its own for each test, in the status asked for: pm_sandbox_5 is a card
 * that is approved, pm_sandbox_4 one that asks for 3D Secure, pm_sandbox_6 one that is declined
 * (test/simulator/payment-methods.js).
 */
const inStatus = {
	requires_payment_method: () => addPaymentIntent(t.sim, { amount: 5000, currency: 'USD' }).id,
	requires_confirmation: (paymentMethod = 'pm_sandbox_5') => addPaymentIntent(t.sim, { amount: 5000, currency: 'USD', payment_method: paymentMethod }).id,
	requires_capture: () => addPaymentIntent(t.sim, { amount: 5000, currency: 'USD', capture_method: 'manual', payment_method: 'pm_sandbox_5', confirm: true }).id,
	requires_action: () => addPaymentIntent(t.sim, { amount: 5000, currency: 'USD', payment_method: 'pm_sandbox_4', confirm: true }).id,
	succeeded: () => addPaymentIntent(t.sim, { amount: 5000, currency: 'USD', payment_method: 'pm_sandbox_5', confirm: true }).id,
	canceled: () => {
		const id = addPaymentIntent(t.sim, { amount: 5000, currency: 'USD' }).id;
		Object.assign(stored(id), { status: 'canceled', cancellation_reason: 'abandoned' });
		return id;
	},
};

/** @param {object} extra */
const create = (extra = {}) => ({ resource: 'paymentIntent', operation: 'create', amount: 2500, currency: 'USD', ...extra });
/** @param {string} id @param {object} updateFields @param {object} [options] */
const update = (id, updateFields, options = {}) => ({ resource: 'paymentIntent', operation: 'update', paymentIntentId: byId(id), updateFields, options });
/** @param {string} id @param {string} [cancellationReason] @param {object} [options] */
const cancel = (id, cancellationReason = 'Order not paid within 24 hours', options = {}) => ({
	resource: 'paymentIntent',
	operation: 'cancel',
	paymentIntentId: byId(id),
	cancellationReason,
	options,
});
/** @param {string} id @param {object} [additionalFields] @param {object} [options] */
const capture = (id, additionalFields = {}, options = {}) => ({ resource: 'paymentIntent', operation: 'capture', paymentIntentId: byId(id), additionalFields, options });
/** @param {string} id @param {object} [additionalFields] @param {object} [options] */
const confirm = (id, additionalFields = {}, options = {}) => ({ resource: 'paymentIntent', operation: 'confirm', paymentIntentId: byId(id), additionalFields, options });

const KEY = /^n8n-[0-9a-f]{40}$/;

/**
 * The one request of a POST operation: its method, path and body exactly, with an
 * Idempotency-Key; the output is the payment intent as the simulator now holds it.
 * @param {import('../harness/engine').RunResult} result @param {string} path @param {unknown} body @param {string} id
 */
function expectPosted(result, path, body, id) {
	expect(result.error).toBeUndefined();
	expect(t.sim.requests).toHaveLength(1);
	expectRequest(t.sim.requests[0], { method: 'POST', path, body });
	expect(t.sim.requests[0].headers['idempotency-key']).toMatch(KEY);
	expect(result.output).toEqual([{ json: stored(id), pairedItem: { item: 0 } }]);
}

/** The run stops before anything is sent, with exactly this message. @param {import('n8n-workflow').IDataObject} parameters @param {string} message */
async function expectRefused(parameters, message) {
	const result = await t.run(parameters);
	expect(result.error?.message).toBe(message);
	expect(t.sim.requests).toHaveLength(0);
	return result;
}

/** WooshPay's refusal of a move the status does not allow, as the node gives it. @param {string} verb @param {string} participle @param {string} status @param {string[]} allowed */
const unexpectedState = (verb, participle, status, allowed) =>
	`WooshPay error 400 Bad Request: You cannot ${verb} this PaymentIntent because it has a status of ${status}. Only a PaymentIntent with one of the following statuses may be ${participle}: ${allowed.join(', ')}. (type invalid_request_error, code payment_intent_unexpected_state) [item 0]`;

const CANCELABLE = ['requires_payment_method', 'requires_capture', 'requires_confirmation', 'requires_action'];

describe('Payment Intent → Create: Capture Method and Confirm', () => {
	test.each([
		['capture_method (Automatic)', 'automatic'],
		['capture_method (Manual)', 'manual'],
	])('%s', async (_path, captureMethod) => {
		const result = await t.run(create({ additionalFields: { captureMethod } }));
		const id = t.sim.mutations[0]?.id;
		expectPosted(result, '/v1/payment_intents', { amount: 2500, currency: 'USD', capture_method: captureMethod }, id);
		expect(result.output[0].json).toMatchObject({ capture_method: captureMethod, status: 'requires_payment_method', amount_capturable: 0, amount_received: 0 });
	});

	test('confirm: sent as a JSON boolean; with a payment method the customer is charged at once (succeeded, a charge)', async () => {
		const result = await t.run(create({ additionalFields: { confirm: true, paymentMethodData: { type: 'card' } } }));
		const id = t.sim.mutations[0]?.id;
		expectPosted(result, '/v1/payment_intents', { amount: 2500, currency: 'USD', confirm: true, payment_method_data: { type: 'card' } }, id);
		expect(result.output[0].json).toMatchObject({ status: 'succeeded', capture_method: 'automatic', amount_received: 2500, amount_capturable: 0 });
		expect(chargesOf(id)).toEqual([expect.objectContaining({ amount: 2500, amount_captured: 2500, captured: true, status: 'succeeded' })]);
	});

	test('Capture Method Manual with Confirm: only authorized (requires_capture, all of it capturable, nothing received, no charge)', async () => {
		const result = await t.run(create({ additionalFields: { captureMethod: 'manual', confirm: true, paymentMethodData: { type: 'card' } } }));
		const id = t.sim.mutations[0]?.id;
		expectPosted(
			result,
			'/v1/payment_intents',
			{ amount: 2500, currency: 'USD', capture_method: 'manual', confirm: true, payment_method_data: { type: 'card' } },
			id,
		);
		expect(result.output[0].json).toMatchObject({ status: 'requires_capture', amount: 2500, amount_capturable: 2500, amount_received: 0 });
		expect(chargesOf(id)).toEqual([]);
	});

	test('a capture method from an expression that is not one of the two is refused before sending', async () => {
		await expectRefused(
			create({ additionalFields: { captureMethod: '={{ "later" }}' } }),
			'Additional Fields → Capture Method is "later", which is not one of the allowed values [item 0]. Use one of: automatic, manual.',
		);
	});

	test.each([
		['Return URL without Confirm', { returnUrl: 'https://shop.example.com/paid' }, 'Return URL'],
		['Return URL with Confirm off', { returnUrl: 'https://shop.example.com/paid', confirm: false }, 'Return URL'],
		['Off Session without Confirm', { offSession: true }, 'Off Session'],
		['Off Session (off) with Confirm off', { offSession: false, confirm: false }, 'Off Session'],
	])('%s is refused before sending: the message names the field, the item and the fix', async (_case, additionalFields, field) => {
		const fix = `WooshPay takes ${field} only together with Confirm: switch Confirm on, or remove ${field}.`;
		const result = await expectRefused(create({ additionalFields }), `Additional Fields → ${field} is set, but Confirm is not on [item 0]. ${fix}`);
		expect(result.error?.description).toBe(fix);
	});

	test('Return URL and Off Session with Confirm: sent (off-session with its hyphen)', async () => {
		const result = await t.run(
			create({ additionalFields: { confirm: true, returnUrl: 'https://shop.example.com/paid', offSession: true, paymentMethodData: { type: 'card' } } }),
		);
		const body = { amount: 2500, currency: 'USD', confirm: true, return_url: 'https://shop.example.com/paid', 'off-session': true, payment_method_data: { type: 'card' } };
		expectPosted(result, '/v1/payment_intents', body, t.sim.mutations[0]?.id);
		expect(result.output[0].json).toMatchObject({ status: 'succeeded', return_url: 'https://shop.example.com/paid' });
	});
});

describe('Payment Intent → the state machine through the node', () => {
	test('Create (Manual, Confirm) → requires_capture → Capture (all) → succeeded, with a charge of all of it', async () => {
		const created = await t.run(create({ amount: 8000, additionalFields: { captureMethod: 'manual', confirm: true, paymentMethodData: { type: 'card' } } }));
		const id = /** @type {string} */ (created.output[0].json.id);
		expect(created.output[0].json).toMatchObject({ status: 'requires_capture', amount_capturable: 8000 });
		t.sim.reset();
		const captured = await t.run(capture(id));
		expectPosted(captured, `/v1/payment_intents/${id}/capture`, undefined, id);
		expect(captured.output[0].json).toMatchObject({ id, status: 'succeeded', amount: 8000, amount_received: 8000, amount_capturable: 0 });
		expect(chargesOf(id)).toEqual([expect.objectContaining({ amount: 8000, amount_captured: 8000, captured: true })]);
	});

	test('Capture in part: amount_to_capture is received, the rest released (nothing capturable, the charge took only that)', async () => {
		const created = await t.run(create({ amount: 8000, additionalFields: { captureMethod: 'manual', confirm: true, paymentMethodData: { type: 'card' } } }));
		const id = /** @type {string} */ (created.output[0].json.id);
		t.sim.reset();
		const captured = await t.run(capture(id, { amountToCapture: 6500 }));
		expectPosted(captured, `/v1/payment_intents/${id}/capture`, { amount_to_capture: 6500 }, id);
		expect(captured.output[0].json).toMatchObject({ status: 'succeeded', amount: 8000, amount_received: 6500, amount_capturable: 0 });
		expect(chargesOf(id)).toEqual([expect.objectContaining({ amount_captured: 6500 })]);
		t.sim.reset();
		const again = await t.run(capture(id, { amountToCapture: 1500 }));
		expect(again.error?.message).toBe(unexpectedState('capture', 'captured', 'succeeded', ['requires_capture']));
	});

	test.each(CANCELABLE.map((status) => [status]))('Cancel from %s → canceled, with the reason; nothing left capturable', async (status) => {
		const id = inStatus[/** @type {keyof typeof inStatus} */ (status)]();
		expect(stored(id).status).toBe(status);
		const result = await t.run(cancel(id));
		expectPosted(result, `/v1/payment_intents/${id}/cancel`, { cancellation_reason: 'Order not paid within 24 hours' }, id);
		expect(result.output[0].json).toMatchObject({
			status: 'canceled',
			cancellation_reason: 'Order not paid within 24 hours',
			amount_capturable: 0,
			amount_received: 0,
			cancel_at: expect.any(Number),
		});
		expect(chargesOf(id)).toEqual([]);
	});

	test.each([
		['capture twice', () => inStatus.succeeded(), capture, ['capture', 'captured', 'succeeded', ['requires_capture']], 'error'],
		['capture one not yet confirmed', () => inStatus.requires_confirmation(), capture, ['capture', 'captured', 'requires_confirmation', ['requires_capture']], 'error'],
		['cancel a succeeded one', () => inStatus.succeeded(), cancel, ['cancel', 'canceled', 'succeeded', CANCELABLE], 'canceled'],
		['cancel a canceled one', () => inStatus.canceled(), cancel, ['cancel', 'canceled', 'canceled', CANCELABLE], 'canceled'],
		['confirm a canceled one', () => inStatus.canceled(), confirm, ['confirm', 'confirmed', 'canceled', ['requires_payment_method', 'requires_confirmation']], 'canceled'],
		['confirm a succeeded one', () => inStatus.succeeded(), confirm, ['confirm', 'confirmed', 'succeeded', ['requires_payment_method', 'requires_confirmation']], 'error'],
		['confirm one waiting for capture', () => inStatus.requires_capture(), confirm, ['confirm', 'confirmed', 'requires_capture', ['requires_payment_method', 'requires_confirmation']], 'error'],
	])(
		"refused by WooshPay: %s, in WooshPay's words with its code and HTTP status, sent once, nothing changed",
		async (_case, make, operation, [verb, participle, status, allowed], executionStatus) => {
			const id = make();
			const before = JSON.stringify(stored(id));
			const result = await t.run(/** @type {(id: string) => import('n8n-workflow').IDataObject} */ (operation)(id));
			// n8n's engine lists an execution whose error message has the word "canceled" in it as
			// canceled, as if stopped (n8n-core's WorkflowExecute.processSuccessExecution), and any
			// other failed one as an error: WooshPay's words name the status canceled in some.
			expect(result.status).toBe(executionStatus);
			expect(result.error?.message).toBe(unexpectedState(/** @type {string} */ (verb), /** @type {string} */ (participle), /** @type {string} */ (status), /** @type {string[]} */ (allowed)));
			expect(result.error?.httpCode).toBe('400');
			expect(result.output).toEqual([]);
			expect(t.sim.requests).toHaveLength(1);
			expect(t.sim.mutations).toHaveLength(0);
			expect(JSON.stringify(stored(id))).toBe(before);
		},
	);
});

/**
 * Payment Method Data, which Create, Update and Confirm send alike: each field's JSON path, the
 * field as set in the editor, and the body it gives.
 * @type {Array<[string, object, object]>}
 */
const PAYMENT_METHOD_DATA = [
	['payment_method_data.type', { paymentMethodData: { type: 'wechat_pay' } }, { payment_method_data: { type: 'wechat_pay' } }],
	['payment_method_data.billing_details.email', { paymentMethodData: { type: 'card', email: 'ada@example.com' } }, { payment_method_data: { type: 'card', billing_details: { email: 'ada@example.com' } } }],
	['payment_method_data.billing_details.name', { paymentMethodData: { type: 'card', name: 'Ada Lovelace' } }, { payment_method_data: { type: 'card', billing_details: { name: 'Ada Lovelace' } } }],
	['payment_method_data.billing_details.phone', { paymentMethodData: { type: 'card', phone: '+44 20 7946 0000' } }, { payment_method_data: { type: 'card', billing_details: { phone: '+44 20 7946 0000' } } }],
	['payment_method_data.billing_details.address.city', { paymentMethodData: { type: 'card', city: 'London' } }, { payment_method_data: { type: 'card', billing_details: { address: { city: 'London' } } } }],
	['payment_method_data.billing_details.address.country', { paymentMethodData: { type: 'card', country: 'gb' } }, { payment_method_data: { type: 'card', billing_details: { address: { country: 'GB' } } } }],
	['payment_method_data.billing_details.address.line1', { paymentMethodData: { type: 'card', line1: '12 St James Sq' } }, { payment_method_data: { type: 'card', billing_details: { address: { line1: '12 St James Sq' } } } }],
	['payment_method_data.billing_details.address.line2', { paymentMethodData: { type: 'card', line2: 'Floor 2' } }, { payment_method_data: { type: 'card', billing_details: { address: { line2: 'Floor 2' } } } }],
	['payment_method_data.billing_details.address.postal_code', { paymentMethodData: { type: 'card', postalCode: 'SW1Y 4JH' } }, { payment_method_data: { type: 'card', billing_details: { address: { postal_code: 'SW1Y 4JH' } } } }],
	['payment_method_data.billing_details.address.state', { paymentMethodData: { type: 'card', state: 'London' } }, { payment_method_data: { type: 'card', billing_details: { address: { state: 'London' } } } }],
];

describe('Payment Intent → Update (without confirming)', () => {
	test.each([
		['amount', { amount: 7000 }, { amount: 7000 }],
		['currency', { currency: 'gbp' }, { currency: 'gbp' }],
		['description', { description: 'Order 3001' }, { description: 'Order 3001' }],
		['merchant_order_id', { merchantOrderId: 'order_3001' }, { merchant_order_id: 'order_3001' }],
		['merchant_user_id', { merchantUserId: 'user-9' }, { merchant_user_id: 'user-9' }],
		['metadata', { metadata: { pair: [{ key: 'channel', value: 'shop' }, { key: 'batch', value: '7' }] } }, { metadata: { channel: 'shop', batch: '7' } }],
		...PAYMENT_METHOD_DATA,
		['quantity', { quantity: 4 }, { quantity: 4 }],
		['return_url', { returnUrl: 'https://shop.example.com/back' }, { return_url: 'https://shop.example.com/back' }],
		['shipping.address.city', { shipping: { name: 'Ada', city: 'Leeds' } }, { shipping: { name: 'Ada', address: { city: 'Leeds' } } }],
		['shipping.address.country', { shipping: { name: 'Ada', country: 'GB' } }, { shipping: { name: 'Ada', address: { country: 'GB' } } }],
		['shipping.address.line1', { shipping: { name: 'Ada', line1: '1 Lane' } }, { shipping: { name: 'Ada', address: { line1: '1 Lane' } } }],
		['shipping.address.line2', { shipping: { name: 'Ada', line2: 'Unit 3' } }, { shipping: { name: 'Ada', address: { line2: 'Unit 3' } } }],
		['shipping.address.postal_code', { shipping: { name: 'Ada', postalCode: 'LS1 1AA' } }, { shipping: { name: 'Ada', address: { postal_code: 'LS1 1AA' } } }],
		['shipping.address.state', { shipping: { name: 'Ada', state: 'West Yorkshire' } }, { shipping: { name: 'Ada', address: { state: 'West Yorkshire' } } }],
		['shipping.name', { shipping: { name: 'Ada Lovelace' } }, { shipping: { name: 'Ada Lovelace' } }],
		['shipping.phone', { shipping: { name: 'Ada', phone: '+44 113 496 0000' } }, { shipping: { name: 'Ada', phone: '+44 113 496 0000' } }],
	])('%s', async (_path, updateFields, body) => {
		const id = inStatus.requires_payment_method();
		const result = await t.run(update(id, updateFields));
		expectPosted(result, `/v1/payment_intents/${id}`, body, id);
	});

	test('every field at once: no confirm is sent, and a payment method given only makes it requires_confirmation (no charge)', async () => {
		const id = inStatus.requires_payment_method();
		const result = await t.run(
			update(id, {
				amount: '={{ 6400 }}',
				currency: 'EUR',
				description: 'Order 3002',
				merchantOrderId: 'order_3002',
				merchantUserId: 'user-10',
				metadata: { pair: [{ key: 'channel', value: 'phone' }] },
				paymentMethodData: { type: 'card', name: 'Grace Hopper', email: 'grace@example.com', country: 'US' },
				quantity: 2,
				returnUrl: 'https://shop.example.com/back',
				shipping: { name: 'Grace Hopper', phone: '+1 212 555 0101', line1: '2 Dock St', city: 'Baltimore', country: 'us' },
			}),
		);
		const body = {
			amount: 6400,
			currency: 'EUR',
			description: 'Order 3002',
			merchant_order_id: 'order_3002',
			merchant_user_id: 'user-10',
			metadata: { channel: 'phone' },
			payment_method_data: { type: 'card', billing_details: { name: 'Grace Hopper', email: 'grace@example.com', address: { country: 'US' } } },
			quantity: 2,
			return_url: 'https://shop.example.com/back',
			shipping: { name: 'Grace Hopper', phone: '+1 212 555 0101', address: { line1: '2 Dock St', city: 'Baltimore', country: 'US' } },
		};
		expectPosted(result, `/v1/payment_intents/${id}`, body, id);
		expect(result.output[0].json).toMatchObject({
			amount: 6400,
			currency: 'EUR',
			metadata: { channel: 'phone' },
			status: 'requires_confirmation',
			payment_method: expect.stringMatching(/^pm_/),
			amount_received: 0,
		});
		expect(chargesOf(id)).toEqual([]);
	});

	test.each([
		['a payment method without its type', { paymentMethodData: { name: 'Grace' } }, 'Update Fields → Payment Method Data → Type is required when other Payment Method Data fields are set [item 0]. Add Type, or remove the other Payment Method Data fields.'],
		['shipping without a recipient name', { shipping: { city: 'Leeds' } }, 'Update Fields → Shipping → Recipient Name is required when other Shipping fields are set [item 0]. Add Recipient Name, or remove the other Shipping fields.'],
		['amount 0', { amount: 0 }, "Update Fields → Amount is 0, which is not a whole number of 1 or more [item 0]. Give the amount in the currency's smallest unit as a whole number, such as 5000 for 50.00 USD."],
		['a currency name', { currency: 'euros' }, 'Update Fields → Currency is "euros", which is not a three-letter currency code [item 0]. Use the ISO 4217 code of the currency, such as "usd", "eur" or "gbp".'],
	])('bad input is refused before sending: %s', async (_case, updateFields, message) => {
		await expectRefused(update(inStatus.requires_payment_method(), updateFields), message);
	});

	test("changing the amount of a succeeded payment intent: WooshPay's refusal in its words", async () => {
		const id = inStatus.succeeded();
		const result = await t.run(update(id, { amount: 100 }));
		expect(result.error?.message).toBe(
			'WooshPay error 400 Bad Request: You cannot update this PaymentIntent because it has a status of succeeded. Only a PaymentIntent with one of the following statuses may be updated: requires_payment_method, requires_confirmation. Once it has left those, only description, metadata, merchant_order_id, merchant_user_id, shipping can change (amount was sent). (type invalid_request_error, code payment_intent_unexpected_state, param amount) [item 0]',
		);
		expect(stored(id).amount).toBe(5000);
	});

	test('the description of a succeeded payment intent may still change', async () => {
		const id = inStatus.succeeded();
		const result = await t.run(update(id, { description: 'Shipped' }));
		expectPosted(result, `/v1/payment_intents/${id}`, { description: 'Shipped' }, id);
		expect(result.output[0].json).toMatchObject({ status: 'succeeded', description: 'Shipped' });
	});
});

describe('Payment Intent → Cancel', () => {
	test('cancellation_reason: free text, trimmed, as typed', async () => {
		const id = inStatus.requires_payment_method();
		const result = await t.run(cancel(id, '  The customer rang: order called off, sorry!  '));
		expectPosted(result, `/v1/payment_intents/${id}/cancel`, { cancellation_reason: 'The customer rang: order called off, sorry!' }, id);
		expect(result.output[0].json.cancellation_reason).toBe('The customer rang: order called off, sorry!');
	});

	test('cancellation_reason from an expression, one request per item', async () => {
		const [a, b] = [inStatus.requires_payment_method(), inStatus.requires_capture()];
		const result = await t.run(cancel('={{ $json.id }}', '={{ "Unpaid order " + $json.order }}'), {
			items: [
				{ id: a, order: 41 },
				{ id: b, order: 42 },
			],
		});
		expect(t.sim.requests.map((r) => [r.path, r.body]).sort()).toEqual([
			[`/v1/payment_intents/${a}/cancel`, { cancellation_reason: 'Unpaid order 41' }],
			[`/v1/payment_intents/${b}/cancel`, { cancellation_reason: 'Unpaid order 42' }],
		]);
		expect(result.output).toEqual([
			{ json: stored(a), pairedItem: { item: 0 } },
			{ json: stored(b), pairedItem: { item: 1 } },
		]);
	});

	test('an empty reason: n8n refuses to run the node (the field is required); nothing sent', async () => {
		const result = await t.run(cancel(inStatus.requires_payment_method(), ''));
		expect(result.error?.message).toContain('Parameter "Cancellation Reason" is required.');
		expect(t.sim.requests).toHaveLength(0);
	});

	test('a reason that an expression makes empty (or only spaces) is refused before sending', async () => {
		await expectRefused(
			cancel(inStatus.requires_payment_method(), '={{ "   " }}'),
			'Cancellation Reason is empty [item 0]. Enter a value, or map one from an earlier node with an expression such as {{ $json.id }}.',
		);
	});
});

describe('Payment Intent → Capture', () => {
	test('without an amount: no body; all of amount_capturable is captured', async () => {
		const id = inStatus.requires_capture();
		const result = await t.run(capture(id));
		expectPosted(result, `/v1/payment_intents/${id}/capture`, undefined, id);
		expect(result.output[0].json).toMatchObject({ status: 'succeeded', amount_received: 5000, amount_capturable: 0 });
	});

	test('amount_to_capture: a whole number in the smallest unit, also as text of digits from an expression', async () => {
		const id = inStatus.requires_capture();
		const result = await t.run(capture(id, { amountToCapture: '={{ "4200" }}' }));
		expectPosted(result, `/v1/payment_intents/${id}/capture`, { amount_to_capture: 4200 }, id);
		expect(result.output[0].json).toMatchObject({ status: 'succeeded', amount_received: 4200, amount_capturable: 0 });
	});

	test.each([
		['0', 0, 'is 0'],
		['an amount with cents', 12.5, 'is 12.5'],
		['money as text', '={{ "42.00" }}', 'is "42.00"'],
	])('Amount to Capture %s is refused before sending', async (_case, amountToCapture, problem) => {
		await expectRefused(
			capture(inStatus.requires_capture(), { amountToCapture }),
			`Additional Fields → Amount to Capture ${problem}, which is not a whole number of 1 or more [item 0]. Give the amount in the currency's smallest unit as a whole number, such as 5000 for 50.00 USD.`,
		);
	});

	test("more than was authorized: WooshPay's refusal in its words, nothing captured", async () => {
		const id = inStatus.requires_capture();
		const result = await t.run(capture(id, { amountToCapture: 5001 }));
		expect(result.error?.message).toBe(
			'WooshPay error 400 Bad Request: The amount to capture (5001) must be less than or equal to the amount capturable (5000). (type invalid_request_error, code amount_too_large, param amount_to_capture) [item 0]',
		);
		expect(stored(id)).toMatchObject({ status: 'requires_capture', amount_capturable: 5000 });
		expect(t.sim.requests).toHaveLength(1);
	});
});

describe('Payment Intent → Confirm', () => {
	test.each([
		['off_session (on: the text "true")', { offSession: true }, { off_session: 'true' }],
		['off_session (off: the text "false")', { offSession: false }, { off_session: 'false' }],
		['off_session (from an expression giving true)', { offSession: '={{ true }}' }, { off_session: 'true' }],
		['error_on_requires_action (on: the text "true")', { errorOnRequiresAction: true }, { error_on_requires_action: 'true' }],
		['error_on_requires_action (off: the text "false")', { errorOnRequiresAction: false }, { error_on_requires_action: 'false' }],
		...PAYMENT_METHOD_DATA,
	])('%s', async (_path, additionalFields, body) => {
		const id = inStatus.requires_confirmation();
		const result = await t.run(confirm(id, additionalFields));
		expectPosted(result, `/v1/payment_intents/${id}/confirm`, body, id);
		expect(result.output[0].json).toMatchObject({ status: 'succeeded', amount_received: 5000 });
		expect(chargesOf(id)).toHaveLength(1);
	});

	test('nothing but the ID: the payment method it has is charged (no body)', async () => {
		const id = inStatus.requires_confirmation();
		const result = await t.run(confirm(id));
		expectPosted(result, `/v1/payment_intents/${id}/confirm`, undefined, id);
		expect(result.output[0].json).toMatchObject({ status: 'succeeded', payment_method: 'pm_sandbox_5' });
	});

	test('of a payment intent created with Capture Method Manual: authorized, requires_capture', async () => {
		const id = addPaymentIntent(t.sim, { amount: 3000, currency: 'USD', capture_method: 'manual', payment_method: 'pm_sandbox_5' }).id;
		const result = await t.run(confirm(id));
		expectPosted(result, `/v1/payment_intents/${id}/confirm`, undefined, id);
		expect(result.output[0].json).toMatchObject({ status: 'requires_capture', amount_capturable: 3000, amount_received: 0 });
	});

	test('a card that asks for 3D Secure: the payment intent waits in requires_action, with where the customer goes', async () => {
		const id = inStatus.requires_confirmation('pm_sandbox_4');
		const result = await t.run(confirm(id));
		expectPosted(result, `/v1/payment_intents/${id}/confirm`, undefined, id);
		expect(result.output[0].json).toMatchObject({
			status: 'requires_action',
			next_action: { type: 'challenge_redirect', challenge_redirect: { url: `${t.sim.url}/_sandbox/payment_intents/${id}/complete` } },
		});
	});

	test.each([
		['Error on Requires Action', { errorOnRequiresAction: true }, { error_on_requires_action: 'true' }],
		['Off Session', { offSession: true }, { off_session: 'true' }],
	])("with %s on, a card that asks for 3D Secure fails instead: WooshPay's 402 in its words", async (_case, additionalFields, body) => {
		const id = inStatus.requires_confirmation('pm_sandbox_4');
		const result = await t.run(confirm(id, additionalFields));
		expectRequest(t.sim.requests[0], { method: 'POST', path: `/v1/payment_intents/${id}/confirm`, body });
		expect(result.error?.message).toBe(
			'WooshPay error 402 Request Failed: Your card was declined. This transaction requires authentication. (type card_error, code authentication_required) [item 0]',
		);
		expect(result.error?.httpCode).toBe('402');
		expect(stored(id)).toMatchObject({ status: 'requires_payment_method', last_payment_error: { code: 'authentication_required' } });
		expect(t.sim.requests).toHaveLength(1);
	});

	test("a declined card: WooshPay's 402 card_error in its words, not sent again", async () => {
		const id = inStatus.requires_confirmation('pm_sandbox_6');
		const result = await t.run(confirm(id));
		expect(result.error?.message).toBe('WooshPay error 402 Request Failed: Your card was declined. (type card_error, code card_declined) [item 0]');
		expect(t.sim.requests).toHaveLength(1);
	});

	test('an Off Session from an expression that is not true or false is refused before sending', async () => {
		await expectRefused(
			confirm(inStatus.requires_confirmation(), { offSession: '={{ "yes" }}' }),
			'Additional Fields → Off Session is "yes", which is not true or false [item 0]. Switch the field on or off, or give true or false.',
		);
	});
});

describe('Money movements are not sent again after an unclear failure', () => {
	const cut = useSimulator({ cutAfterApply: 1 });

	/**
	 * The three operations that move money, each on a payment intent of its own in the status
	 * it starts from; `done` says whether the money moved.
	 * @type {Array<[string, (sim: import('../harness/fixtures').Simulator, options?: object) => { parameters: import('n8n-workflow').IDataObject; done: () => boolean }]>}
	 */
	const MOVES = [
		[
			'Capture',
			(sim, options = {}) => {
				const id = addPaymentIntent(sim, { amount: 5000, currency: 'USD', capture_method: 'manual', payment_method: 'pm_sandbox_5', confirm: true }).id;
				return { parameters: capture(id, {}, options), done: () => paymentsOf(sim).paymentIntents.get(id).status === 'succeeded' };
			},
		],
		[
			'Confirm',
			(sim, options = {}) => {
				const id = addPaymentIntent(sim, { amount: 5000, currency: 'USD', payment_method: 'pm_sandbox_5' }).id;
				return { parameters: confirm(id, {}, options), done: () => paymentsOf(sim).paymentIntents.get(id).status === 'succeeded' };
			},
		],
		[
			'Create with Confirm',
			(sim, options = {}) => {
				const before = paymentsOf(sim).paymentIntents.size;
				return {
					parameters: create({ amount: 4321, additionalFields: { confirm: true, paymentMethodData: { type: 'card' } }, options }),
					done: () => paymentsOf(sim).paymentIntents.size === before + 1,
				};
			},
		],
	];
	const HELD_BACK =
		'It moves money and may already have been carried out, so it was not sent again: check in WooshPay whether it was, before you run it again (or allow it in Options → Retry Money Movements After Unclear Failures).';
	const error500 = { status: 500, body: { error: { type: 'api_error', message: 'Something went wrong on our end.' } } };

	/**
	 * Sent twice with the same Idempotency-Key, applied once; the output is the payment intent
	 * as the simulator now holds it.
	 * @param {import('../harness/fixtures').Simulator} sim @param {import('../harness/engine').RunResult} result
	 */
	function expectSentTwiceAppliedOnce(sim, result) {
		expect(result.error).toBeUndefined();
		expect(result.status).toBe('success');
		expect(sim.requests).toHaveLength(2);
		const [first, second] = sim.requests.map((r) => r.headers['idempotency-key']);
		expect(first).toMatch(KEY);
		expect(second).toBe(first);
		expect(sim.mutations).toHaveLength(1);
		expect(result.output).toEqual([{ json: paymentsOf(sim).paymentIntents.get(sim.mutations[0].id), pairedItem: { item: 0 } }]);
	}

	describe.each(MOVES)('%s', (name, make) => {
		test('after a 500: sent once, the error says it may have been carried out', async () => {
			const move = make(t.sim);
			t.sim.fail(error500);
			const result = await t.run(move.parameters);
			expect(result.error?.message).toBe('WooshPay error 500 Internal Server Error: Something went wrong on our end. (type api_error) [item 0]');
			expect(result.error?.description).toContain(HELD_BACK);
			expect(t.sim.requests).toHaveLength(1);
			expect(move.done()).toBe(false);
		});

		test('after a dropped connection (no answer): sent once', async () => {
			const move = make(t.sim);
			t.sim.fail({ reset: true });
			const result = await t.run(move.parameters);
			expect(result.error?.message).toBe(`Could not reach WooshPay at ${t.sim.url}: the connection was closed before an answer came [item 0]`);
			expect(result.error?.description).toContain(HELD_BACK);
			expect(t.sim.requests).toHaveLength(1);
		});

		test('after its answer was lost (carried out, the connection cut): sent once, carried out once', async () => {
			const move = make(cut.sim);
			const result = await cut.run(move.parameters);
			expect(result.error?.message).toBe(`Could not reach WooshPay at ${cut.sim.url}: the connection was closed before an answer came [item 0]`);
			expect(result.error?.description).toContain(HELD_BACK);
			expect(cut.sim.requests).toHaveLength(1);
			expect(cut.sim.mutations).toHaveLength(1);
			expect(move.done()).toBe(true);
		});

		test.each([
			['a 429', { status: 429, headers: { 'retry-after': '0' }, body: { error: { type: 'invalid_request_error', code: 'rate_limit', message: 'Too many requests' } } }],
			['a 503 with Retry-After', { status: 503, headers: { 'retry-after': '0' }, body: { error: { type: 'api_error', message: 'Unavailable, come back later' } } }],
		])('after %s (WooshPay did not carry it out): sent again with the same Idempotency-Key, carried out once', async (failure, fault) => {
			const move = make(t.sim);
			t.sim.fail(fault);
			// An account of its own: the pace a 429 slows down belongs to the account, for a minute.
			expectSentTwiceAppliedOnce(t.sim, await t.run(move.parameters, { credentialId: `throttled-${name}-${failure}` }));
			expect(move.done()).toBe(true);
		});

		test('a 503 without Retry-After is unclear: sent once', async () => {
			const move = make(t.sim);
			t.sim.fail({ status: 503, body: { error: { type: 'api_error', message: 'Unavailable' } } });
			const result = await t.run(move.parameters);
			expect(result.error?.description).toContain(HELD_BACK);
			expect(t.sim.requests).toHaveLength(1);
		});

		test('with Retry Money Movements After Unclear Failures on: sent again after a 500, same key, carried out once', async () => {
			const move = make(t.sim, { retryMoneyMovements: true });
			t.sim.fail(error500);
			expectSentTwiceAppliedOnce(t.sim, await t.run(move.parameters));
			expect(move.done()).toBe(true);
		});

		test('with the option on, after its answer was lost: sent again with the same key, and WooshPay replays its answer instead of moving the money twice', async () => {
			const move = make(cut.sim, { retryMoneyMovements: true });
			expectSentTwiceAppliedOnce(cut.sim, await cut.run(move.parameters));
			expect(move.done()).toBe(true);
		});
	});

	test.each([
		['Update', () => update(inStatus.requires_payment_method(), { description: 'Gift wrap' })],
		['Cancel', () => cancel(inStatus.requires_capture())],
		['Create without Confirm', () => create({ additionalFields: { captureMethod: 'manual' } })],
	])('%s moves no money: sent again after a 500, with the same Idempotency-Key, applied once', async (_name, parameters) => {
		t.sim.fail(error500);
		expectSentTwiceAppliedOnce(t.sim, await t.run(parameters()));
	});
});

describe('Continue On Fail', () => {
	test('Capture: one output per item, paired; bad input, a refusal and an unknown ID in their items, the rest captured', async () => {
		const [a, b, c] = [inStatus.requires_capture(), inStatus.succeeded(), inStatus.requires_capture()];
		const result = await t.run(capture('={{ $json.id }}', { amountToCapture: '={{ $json.amount }}' }), {
			continueOnFail: true,
			items: [
				{ id: a, amount: 1000 },
				{ id: c, amount: '10.00' },
				{ id: b, amount: 1000 },
				{ id: 'pi_missing', amount: 1000 },
				{ id: c, amount: 5000 },
			],
		});
		expect(result.status).toBe('success');
		expect(result.output.map(({ json, pairedItem }) => ({ json, pairedItem }))).toEqual([
			{ json: stored(a), pairedItem: { item: 0 } },
			{
				json: {
					error:
						"Additional Fields → Amount to Capture is \"10.00\", which is not a whole number of 1 or more [item 1]. Give the amount in the currency's smallest unit as a whole number, such as 5000 for 50.00 USD.",
				},
				pairedItem: { item: 1 },
			},
			{ json: { error: unexpectedState('capture', 'captured', 'succeeded', ['requires_capture']).replace('[item 0]', '[item 2]') }, pairedItem: { item: 2 } },
			{
				json: { error: "WooshPay error 404 Not Found: No such payment_intent: 'pi_missing' (type invalid_request_error, code resource_missing, param id) [item 3]" },
				pairedItem: { item: 3 },
			},
			{ json: stored(c), pairedItem: { item: 4 } },
		]);
		expect(stored(a)).toMatchObject({ status: 'succeeded', amount_received: 1000 });
		expect(stored(c)).toMatchObject({ status: 'succeeded', amount_received: 5000 });
		expect(t.sim.requests).toHaveLength(4);
	});

	test('Create: Return URL without Confirm fails its own item only, naming it', async () => {
		const result = await t.run(
			create({ additionalFields: { confirm: '={{ $json.confirm }}', returnUrl: 'https://shop.example.com/paid', paymentMethodData: { type: 'card' } } }),
			{ continueOnFail: true, items: [{ confirm: true }, { confirm: false }] },
		);
		expect(result.output.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(result.output[0].json).toMatchObject({ object: 'payment_intent', status: 'succeeded' });
		expect(result.output[1].json).toEqual({
			error:
				'Additional Fields → Return URL is set, but Confirm is not on [item 1]. WooshPay takes Return URL only together with Confirm: switch Confirm on, or remove Return URL.',
		});
		expect(t.sim.requests).toHaveLength(1);
	});
});
