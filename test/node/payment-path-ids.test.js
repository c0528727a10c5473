// @ts-check
'use strict';

const { byId, useSimulator } = require('../harness/fixtures');

/**
 * IDs that try to leave their path segment, for every operation on one payment-side object
 * (payment intents, charges, disputes, payment methods, a customer's payment methods, setup
 * intents): either refused before anything is sent, or URL-encoded so that the simulator, which
 * matches raw paths and decodes each ID only after matching (test/simulator/util.js, dispatch),
 * sees the whole ID inside its segment and answers "No such …" for it.
 */
const t = useSimulator();

/**
 * Each operation: its parameters for an ID (the locator's value), the path it is sent to for
 * an encoded ID, the locator's label, and what the simulator's 404 names.
 * @type {Array<[string, (id: string) => import('n8n-workflow').IDataObject, (segment: string) => string, string, string]>}
 */
const OPERATIONS = [
	['Payment Intent → Cancel', (id) => ({ resource: 'paymentIntent', operation: 'cancel', paymentIntentId: byId(id), cancellationReason: 'Unpaid' }), (s) => `/v1/payment_intents/${s}/cancel`, 'Payment Intent', "payment_intent: '%s' (type invalid_request_error, code resource_missing, param id)"],
	['Payment Intent → Capture', (id) => ({ resource: 'paymentIntent', operation: 'capture', paymentIntentId: byId(id) }), (s) => `/v1/payment_intents/${s}/capture`, 'Payment Intent', "payment_intent: '%s' (type invalid_request_error, code resource_missing, param id)"],
	['Payment Intent → Confirm', (id) => ({ resource: 'paymentIntent', operation: 'confirm', paymentIntentId: byId(id) }), (s) => `/v1/payment_intents/${s}/confirm`, 'Payment Intent', "payment_intent: '%s' (type invalid_request_error, code resource_missing, param id)"],
	['Payment Intent → Get', (id) => ({ resource: 'paymentIntent', operation: 'get', paymentIntentId: byId(id) }), (s) => `/v1/payment_intents/${s}`, 'Payment Intent', "payment_intent: '%s' (type invalid_request_error, code resource_missing, param id)"],
	['Payment Intent → Update', (id) => ({ resource: 'paymentIntent', operation: 'update', paymentIntentId: byId(id), updateFields: { description: 'x' } }), (s) => `/v1/payment_intents/${s}`, 'Payment Intent', "payment_intent: '%s' (type invalid_request_error, code resource_missing, param id)"],
	['Charge → Get', (id) => ({ resource: 'charge', operation: 'get', chargeId: byId(id) }), (s) => `/v1/charges/${s}`, 'Charge', "charge: '%s' (type invalid_request_error, code resource_missing, param id)"],
	['Dispute → Close (By ID)', (id) => ({ resource: 'dispute', operation: 'close', disputeId: byId(id) }), (s) => `/v1/disputes/${s}/close`, 'Dispute', "dispute: '%s' (type invalid_request_error, code resource_missing, param id)"],
	['Dispute → Close (From List)', (id) => ({ resource: 'dispute', operation: 'close', disputeId: { __rl: true, mode: 'list', value: id } }), (s) => `/v1/disputes/${s}/close`, 'Dispute', "dispute: '%s' (type invalid_request_error, code resource_missing, param id)"],
	['Payment Method → Attach to Customer', (id) => ({ resource: 'paymentMethod', operation: 'attach', paymentMethodId: byId(id), customer: 'cus_sandbox_1' }), (s) => `/v1/payment_methods/${s}/attach`, 'Payment Method', "payment_method: '%s' (type invalid_request_error, code resource_missing, param id)"],
	['Payment Method → Get Many (the customer)', (id) => ({ resource: 'paymentMethod', operation: 'getAll', customerId: byId(id), returnAll: true }), (s) => `/v1/customers/${s}/payment_methods`, 'Customer', "customer: '%s' (type invalid_request_error, code resource_missing, param customer)"],
	['Setup Intent → Confirm', (id) => ({ resource: 'setupIntent', operation: 'confirm', setupIntentId: byId(id), returnUrl: 'https://shop.example.com/saved' }), (s) => `/v1/setup_intents/${s}/confirm`, 'Setup Intent', "setup_intent: '%s' (type invalid_request_error, code resource_missing, param id)"],
	['Setup Intent → Update', (id) => ({ resource: 'setupIntent', operation: 'update', setupIntentId: byId(id), updateFields: { description: 'x' } }), (s) => `/v1/setup_intents/${s}`, 'Setup Intent', "setup_intent: '%s' (type invalid_request_error, code resource_missing, param id)"],
];

/** IDs sent encoded, each with its path segment as sent; the simulator decodes it back. */
const ENCODED = [
	['../x', '..%2Fx'],
	['a/b', 'a%2Fb'],
	['a?b', 'a%3Fb'],
	['a#b', 'a%23b'],
	['%2F', '%252F'],
	['..%2F..%2Fbalance', '..%252F..%252Fbalance'],
];

const NOT_AN_ID = 'which is not an ID [item 0]. Enter the ID of the object, as WooshPay shows it.';
const EMPTY = 'is empty [item 0]. Enter the ID, or map it from an earlier node with an expression such as {{ $json.id }}.';

/** IDs refused before sending, each with what the message says after the label. */
const REFUSED = [
	['.', `is ".", ${NOT_AN_ID}`],
	['..', `is "..", ${NOT_AN_ID}`],
	[' .. ', `is "..", ${NOT_AN_ID}`],
	[' ', EMPTY],
	['={{ "" }}', EMPTY],
	['={{ { id: "pi_1" } }}', 'is {"id":"pi_1"}, which is not an ID [item 0]. Enter the ID, or map it with an expression that gives text, such as {{ $json.id }}.'],
	['={{ ["pi_1"] }}', 'is ["pi_1"], which is not an ID [item 0]. Enter the ID, or map it with an expression that gives text, such as {{ $json.id }}.'],
];

describe.each(OPERATIONS)('%s', (_operation, parameters, pathFor, label, missing) => {
	test.each(ENCODED)('%j stays in its segment, encoded (%s)', async (id, segment) => {
		const result = await t.run(parameters(id));
		expect(t.sim.requests).toHaveLength(1);
		const [request] = t.sim.requests;
		expect(request.path).toBe(pathFor(segment));
		expect(request.query).toEqual(request.method === 'GET' && pathFor('').endsWith('payment_methods') ? { limit: '100' } : {});
		expect(result.error?.message).toBe(`WooshPay error 404 Not Found: No such ${missing.replace('%s', id)} [item 0]`);
	});

	test.each(REFUSED)('%j is refused before sending', async (id, problem) => {
		const result = await t.run(parameters(id));
		expect(result.error?.message).toBe(`${label} ${problem}`);
		expect(t.sim.requests).toHaveLength(0);
	});
});

test.each(OPERATIONS.filter(([name]) => name.startsWith('Payment Intent')))(
	'%s: "search" in the ID\'s place would reach GET /v1/payment_intents/search: refused before sending',
	async (_operation, parameters) => {
		const result = await t.run(parameters(' search '));
		expect(result.error?.message).toBe(
			'Payment Intent is "search", which is not an ID [item 0]. Enter the payment intent\'s ID (pi_...); to find payment intents, use Payment Intent → Search.',
		);
		expect(t.sim.requests).toHaveLength(0);
	},
);
