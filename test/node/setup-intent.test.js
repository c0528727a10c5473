// @ts-check
'use strict';

const { byId, expectRequest, useSimulator } = require('../harness/fixtures');

const { paymentMethodsOf, addPaymentMethod, addSetupIntent } = require('../simulator/payment-methods');

/**
 * Setup Intent → Confirm and Update through the engine against the simulator
 * (test/simulator/payment-methods.js): every field at its JSON path, each output item,
 * WooshPay's refusals in its words.
 */
const t = useSimulator();

/** @param {string} id */
const stored = (id) => paymentMethodsOf(t.sim).setupIntents.get(id);
/** @param {string} id */
const paymentMethod = (id) => paymentMethodsOf(t.sim).paymentMethods.get(id);
/** A card of no one, approved (or declined with the number of Stripe's declined test card). */
const card = (number = '4242424242424242') => addPaymentMethod(t.sim, { type: 'card', card: { number, exp_month: '1', exp_year: '2031' } }).id;
/** A setup intent of its own for each test: with a payment method of its own, waiting for its confirmation. @param {object} [fields] */
const waiting = (fields = {}) => addSetupIntent(t.sim, { payment_method: card(), status: 'requires_confirmation', ...fields }).id;

/** @param {string} id @param {object} [additionalFields] */
const confirm = (id, additionalFields = {}, returnUrl = 'https://shop.example.com/saved') => ({
	resource: 'setupIntent',
	operation: 'confirm',
	setupIntentId: byId(id),
	returnUrl,
	additionalFields,
});
/** @param {string} id @param {object} updateFields */
const update = (id, updateFields) => ({ resource: 'setupIntent', operation: 'update', setupIntentId: byId(id), updateFields });

/** @param {import('../harness/engine').RunResult} result @param {string} path @param {unknown} body @param {string} id */
function expectPosted(result, path, body, id) {
	expect(result.error).toBeUndefined();
	expect(t.sim.requests).toHaveLength(1);
	expectRequest(t.sim.requests[0], { method: 'POST', path, body });
	expect(t.sim.requests[0].headers['idempotency-key']).toMatch(/^n8n-[0-9a-f]{40}$/);
	expect(result.output).toEqual([{ json: stored(id), pairedItem: { item: 0 } }]);
}

describe('Setup Intent → Confirm', () => {
	const URL = 'https://shop.example.com/saved';

	test.each([
		['return_url', {}, {}],
		['customer', { customer: 'cus_sandbox_1' }, { customer: 'cus_sandbox_1' }],
		['description', { description: 'Card for the subscription' }, { description: 'Card for the subscription' }],
		['metadata', { metadata: { pair: [{ key: 'plan', value: 'pro' }] } }, { metadata: { plan: 'pro' } }],
		['payment_method_options.card.request_three_d_secure', { requestThreeDSecure: 'auto' }, { payment_method_options: { card: { request_three_d_secure: 'auto' } } }],
		['usage (Off Session)', { usage: 'off_session' }, { usage: 'off_session' }],
		['usage (On Session)', { usage: 'on_session' }, { usage: 'on_session' }],
	])('%s', async (_path, additionalFields, body) => {
		const id = waiting();
		const result = await t.run(confirm(id, additionalFields));
		expectPosted(result, `/v1/setup_intents/${id}/confirm`, { return_url: URL, ...body }, id);
		expect(result.output[0].json).toMatchObject({ status: 'succeeded', ...body });
	});

	test('payment_method: the card to save, attached to the setup intent’s customer once confirmed', async () => {
		const id = addSetupIntent(t.sim, { customer: 'cus_sandbox_2' }).id;
		const pm = card();
		const result = await t.run(confirm(id, { paymentMethod: ` ${pm} ` }));
		expectPosted(result, `/v1/setup_intents/${id}/confirm`, { return_url: URL, payment_method: pm }, id);
		expect(result.output[0].json).toMatchObject({ status: 'succeeded', payment_method: pm, customer: 'cus_sandbox_2', last_setup_error: null });
		expect(paymentMethod(pm).customer).toBe('cus_sandbox_2');
	});

	test('every field at once', async () => {
		const id = addSetupIntent(t.sim, {}).id;
		const pm = card();
		const result = await t.run(
			confirm(id, {
				customer: 'cus_sandbox_3',
				description: 'Saved at checkout',
				metadata: { pair: [{ key: 'order', value: '1009' }] },
				paymentMethod: pm,
				requestThreeDSecure: 'any',
				usage: 'on_session',
			}),
		);
		const body = {
			return_url: URL,
			customer: 'cus_sandbox_3',
			description: 'Saved at checkout',
			metadata: { order: '1009' },
			payment_method: pm,
			payment_method_options: { card: { request_three_d_secure: 'any' } },
			usage: 'on_session',
		};
		expectPosted(result, `/v1/setup_intents/${id}/confirm`, body, id);
		expect(result.output[0].json).toMatchObject({ status: 'succeeded', usage: 'on_session', payment_method_options: { card: { request_three_d_secure: 'any' } } });
	});

	test("a declined card: WooshPay's 402 in its words; the setup intent waits for another payment method", async () => {
		const id = addSetupIntent(t.sim, { payment_method: card('4000000000000002'), status: 'requires_confirmation' }).id;
		const result = await t.run(confirm(id));
		expect(result.error?.message).toBe('WooshPay error 402 Request Failed: Your card was declined. (type card_error, code card_declined) [item 0]');
		expect(stored(id)).toMatchObject({ status: 'requires_payment_method', payment_method: null, last_setup_error: { code: 'card_declined' } });
		expect(t.sim.requests).toHaveLength(1);
	});

	test("a setup intent already succeeded: WooshPay's refusal in its words", async () => {
		const result = await t.run(confirm('seti_sandbox_3'));
		expect(result.error?.message).toBe(
			'WooshPay error 400 Bad Request: You cannot confirm this SetupIntent because it has a status of succeeded. Only a SetupIntent with one of the following statuses may be confirmed: requires_payment_method, requires_confirmation. (type invalid_request_error, code setup_intent_unexpected_state) [item 0]',
		);
	});

	test("a Request Three D Secure value WooshPay does not take (the node sends the text as given): its refusal in its words", async () => {
		const result = await t.run(confirm(waiting(), { requestThreeDSecure: 'sometimes' }));
		expect(t.sim.requests[0].body).toEqual({ return_url: URL, payment_method_options: { card: { request_three_d_secure: 'sometimes' } } });
		expect(result.error?.message).toMatch(/^WooshPay error 400 Bad Request: .*request_three_d_secure.* \[item 0\]$/);
	});

	test.each([
		['an empty Return URL', confirm('seti_sandbox_2', {}, ''), 'Parameter "Return URL" is required.'],
		['a Return URL mapped to nothing', confirm('seti_sandbox_2', {}, '={{ $json.url }}'), 'Return URL is empty [item 0]. Enter a value, or map one from an earlier node with an expression such as {{ $json.id }}.'],
		['a usage from an expression that is not one', confirm('seti_sandbox_2', { usage: '={{ "sometimes" }}' }), 'Additional Fields → Usage is "sometimes", which is not one of the allowed values [item 0]. Use one of: off_session, on_session.'],
		['an empty Customer ID', confirm('seti_sandbox_2', { customer: '' }), 'Additional Fields → Customer ID is empty [item 0]'],
		['an empty Payment Method ID', confirm('seti_sandbox_2', { paymentMethod: '={{ "" }}' }), 'Additional Fields → Payment Method ID is empty [item 0]'],
	])('refused before sending: %s', async (_case, parameters, message) => {
		const result = await t.run(parameters);
		expect(result.error?.message).toContain(message);
		expect(t.sim.requests).toHaveLength(0);
	});

	test('Continue On Fail: one output per item, paired; bad input and refusals in their items, the rest confirmed', async () => {
		const [a, b] = [waiting(), waiting()];
		const result = await t.run(confirm('={{ $json.id }}', {}, '={{ $json.url }}'), {
			continueOnFail: true,
			items: [
				{ id: a, url: URL },
				{ id: b, url: '' },
				{ id: 'seti_sandbox_3', url: URL },
				{ id: b, url: URL },
			],
		});
		expect(result.output.map(({ json, pairedItem }) => ({ json, pairedItem }))).toEqual([
			{ json: stored(a), pairedItem: { item: 0 } },
			{ json: { error: 'Return URL is empty [item 1]. Enter a value, or map one from an earlier node with an expression such as {{ $json.id }}.' }, pairedItem: { item: 1 } },
			{
				json: {
					error:
						'WooshPay error 400 Bad Request: You cannot confirm this SetupIntent because it has a status of succeeded. Only a SetupIntent with one of the following statuses may be confirmed: requires_payment_method, requires_confirmation. (type invalid_request_error, code setup_intent_unexpected_state) [item 2]',
				},
				pairedItem: { item: 2 },
			},
			{ json: stored(b), pairedItem: { item: 3 } },
		]);
		expect([stored(a).status, stored(b).status]).toEqual(['succeeded', 'succeeded']);
	});
});

describe('Setup Intent → Update', () => {
	test.each([
		['customer', { customer: 'cus_sandbox_2' }, { customer: 'cus_sandbox_2' }],
		['description', { description: 'For renewals' }, { description: 'For renewals' }],
		['metadata', { metadata: { pair: [{ key: 'plan', value: 'basic' }] } }, { metadata: { plan: 'basic' } }],
		['payment_method_options.card.request_three_d_secure', { requestThreeDSecure: 'challenge' }, { payment_method_options: { card: { request_three_d_secure: 'challenge' } } }],
		['payment_method_types', { paymentMethodTypes: ['card', 'sepa_debit'] }, { payment_method_types: ['card', 'sepa_debit'] }],
	])('%s', async (_path, updateFields, body) => {
		const id = addSetupIntent(t.sim, {}).id;
		const result = await t.run(update(id, updateFields));
		expectPosted(result, `/v1/setup_intents/${id}`, body, id);
		expect(result.output[0].json).toMatchObject({ ...body, status: 'requires_payment_method' });
	});

	test('payment_method: the setup intent now waits for its confirmation', async () => {
		const id = addSetupIntent(t.sim, {}).id;
		const pm = card();
		const result = await t.run(update(id, { paymentMethod: pm }));
		expectPosted(result, `/v1/setup_intents/${id}`, { payment_method: pm }, id);
		expect(result.output[0].json).toMatchObject({ payment_method: pm, status: 'requires_confirmation' });
	});

	test('payment method types from an expression, as a list or as text separated by commas', async () => {
		const id = addSetupIntent(t.sim, {}).id;
		await t.run(update(id, { paymentMethodTypes: '={{ ["alipay", "wechat_pay"] }}' }));
		await t.run(update(id, { paymentMethodTypes: '={{ "card, upi" }}' }));
		expect(t.sim.requests.map((r) => r.body)).toEqual([{ payment_method_types: ['alipay', 'wechat_pay'] }, { payment_method_types: ['card', 'upi'] }]);
		expect(stored(id).payment_method_types).toEqual(['card', 'upi']);
	});

	test("the payment method of a succeeded setup intent: WooshPay's refusal in its words", async () => {
		const result = await t.run(update('seti_sandbox_3', { paymentMethod: card() }));
		expect(result.error?.message).toBe(
			'WooshPay error 400 Bad Request: You cannot update the payment method of this SetupIntent because it has a status of succeeded. Only a SetupIntent with one of the following statuses may be updated: requires_payment_method, requires_confirmation, requires_action. (type invalid_request_error, code setup_intent_unexpected_state) [item 0]',
		);
		expect(stored('seti_sandbox_3').payment_method).toBe('pm_sandbox_3');
	});

	test('a payment method type from an expression that is not one is refused before sending', async () => {
		const result = await t.run(update('seti_sandbox_1', { paymentMethodTypes: '={{ ["card", "cash"] }}' }));
		expect(result.error?.message).toContain('Update Fields → Payment Method Types is "cash", which is not one of the allowed values [item 0]');
		expect(t.sim.requests).toHaveLength(0);
	});
});
