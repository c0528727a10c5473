// @ts-check
'use strict';

/**
 * The packed package in a real n8n: the example workflows (examples/) and the suite's own
 * (test/e2e/workflows/: every operation the examples do not cover) run with `n8n execute`
 * against the sandbox, which checks what it received; then what each node returned.
 */
const path = require('node:path');

const {
	EXAMPLES,
	EXPECTED_FIELDS,
	EXPECTED_OPERATIONS,
	EXPECTED_OPTIONS,
	EVERY_NEW_OPERATION_REQUESTS,
	ROOT,
	SIMPLIFIED_CHARGE,
	SIMPLIFIED_DISPUTE,
	SIMPLIFIED_PAYMENT_INTENT,
	WORKFLOWS,
	cardholderIdsNewestFirst,
	eachLine,
	expectRequests,
	expectSuccess,
	issuingOf,
	nodeOutput,
	paymentsOf,
	payoutsOf,
	paymentMethodsOf,
	billingOf,
	disputesOf,
	everyIssue20OperationRequests,
	everyIssue20OperationScene,
	useN8n,
} = require('./harness');
/** @import { Json } from './harness' */

describe('the node as built (dist/)', () => {
	const { WooshPay } = require(path.join(ROOT, 'dist/nodes/WooshPay/WooshPay.node.js'));
	/** @type {Json[]} */
	const properties = new WooshPay().description.properties;
	/** @param {string} name @param {string} resource @param {string} [operation] */
	const shownFor = (name, resource, operation) =>
		properties.find(
			(p) => p.name === name && p.displayOptions?.show?.resource?.includes(resource) && (!operation || p.displayOptions.show.operation?.includes(operation)),
		);
	/** @param {Json[]} options */
	const names = (options, key = 'displayName') => options.map((o) => o[key]);
	/**
	 * The fields of a collection the editor shows for `resource` (one collection serves several: '/resource').
	 * @param {string} collection
	 * @param {string} resource
	 * @param {string} operation
	 * @returns {Json[]}
	 */
	const fieldsFor = (collection, resource, operation) =>
		shownFor(collection, resource, operation).options.filter((/** @type {Json} */ o) => o.displayOptions?.show?.['/resource']?.includes(resource) ?? true);

	test('Customer → Update lists the documented Update Fields', () => {
		const fields = fieldsFor('updateFields', 'customer', 'update');
		expect(names(fields)).toEqual(EXPECTED_FIELDS.customer);
		expect(names(fields.find((/** @type {Json} */ o) => o.name === 'address').options)).toEqual(EXPECTED_FIELDS.address);
	});

	test('Cardholder → Update lists the documented Update Fields', () => {
		expect(names(fieldsFor('updateFields', 'cardholder', 'update'))).toEqual(EXPECTED_FIELDS.cardholder);
	});

	test('Card → Update lists the documented Update Fields', () => {
		expect(names(fieldsFor('updateFields', 'card', 'update'))).toEqual(EXPECTED_FIELDS.card);
	});

	test('Options holds the node\'s own options, shown for every operation (Idempotency Key for every POST); n8n\'s Request Options are left to n8n', () => {
		const collections = properties.filter((p) => p.name === 'options');
		expect(collections.map((c) => ({ displayName: c.displayName, type: c.type, shownFor: c.displayOptions, options: names(c.options) }))).toEqual([
			{ displayName: 'Options', type: 'collection', shownFor: undefined, options: EXPECTED_OPTIONS },
		]);
		// n8n's loader adds its own Request Options (Settings tab); the node names none of its properties so.
		expect(properties.filter((p) => p.name === 'requestOptions')).toEqual([]);
		// Idempotency Key is offered exactly where a request is a POST (a change), and nowhere else.
		const key = collections[0].options.find((/** @type {Json} */ o) => o.name === 'idempotencyKey');
		const keyed = key.displayOptions.show['/operation'];
		const operations = properties.filter((p) => p.name === 'operation').flatMap((p) => p.options.map((/** @type {Json} */ o) => ({ resource: p.displayOptions.show.resource[0], operation: o.value, method: o.routing.request.method })));
		expect(operations).toHaveLength(Object.values(EXPECTED_OPERATIONS).flat().length);
		expect(operations.filter((o) => keyed.includes(o.operation) !== (o.method === 'POST'))).toEqual([]);
	});

	test('every resource, and each lists its operations', () => {
		const resources = /** @type {Array<keyof typeof EXPECTED_OPERATIONS>} */ (Object.keys(EXPECTED_OPERATIONS));
		expect(names(properties.find((p) => p.name === 'resource').options, 'value')).toEqual(resources);
		for (const resource of resources) {
			expect({ resource, operations: names(shownFor('operation', resource).options, 'name') }).toEqual({ resource, operations: EXPECTED_OPERATIONS[resource] });
		}
	});
});

eachLine('workflows through n8n execute', (version) => {
	const n8n = useN8n(version, { workflows: [EXAMPLES, WORKFLOWS] });
	afterEach(() => n8n.sim.reset());

	test('example "Update a WooshPay customer from incoming data"', async () => {
		const result = await n8n.execute('wpExampleCustUpdate');
		expectSuccess(result);
		const address = { city: 'London', country: 'GB', line1: "12 St James's Square", postal_code: 'SW1Y 4JH' };
		const body = { address, email: 'ada.king@example.com', metadata: { crm_id: 'C-1042' }, name: 'Ada King, Countess of Lovelace', phone: '+44 20 7946 0958' };
		expectRequests(n8n.sim, [{ method: 'POST', path: '/v1/customers/cus_sandbox_1', body }]);
		const [customer] = nodeOutput(result.run, 'Update WooshPay customer');
		expect([customer.id, customer.email, customer.address.postal_code, customer.metadata]).toEqual(['cus_sandbox_1', 'ada.king@example.com', 'SW1Y 4JH', { crm_id: 'C-1042' }]);
	});

	test.each([
		['Block cardholders at 22:00', 'wpExampleCardBlock', 'blocked', 'Block cardholder'],
		['Unblock cardholders at 07:00', 'wpExampleCardUnblock', 'active', 'Unblock cardholder'],
	])('example "%s"', async (_title, id, status, nodeName) => {
		const result = await n8n.execute(id);
		expectSuccess(result);
		const ids = ['ich_sandbox_1', 'ich_sandbox_2'];
		expectRequests(n8n.sim, ids.map((ch) => ({ method: 'POST', path: `/v1/issuing/cardholders/${ch}`, body: { status } })));
		expect(nodeOutput(result.run, nodeName).map((c) => [c.id, c.status])).toEqual(ids.map((ch) => [ch, status]));
		expect(ids.map((ch) => n8n.sim.cardholders.get(ch)?.status)).toEqual([status, status]);
	});

	// Before the creates, while the sandbox holds only its three seeded cardholders.
	test('Cardholder → Get Many (Return All over pages; Limit with filters) and Get (From List)', async () => {
		const { sim } = n8n;
		expect(cardholderIdsNewestFirst(sim)).toEqual(['ich_sandbox_3', 'ich_sandbox_2', 'ich_sandbox_1']);
		// Pages of two, so that Return All has to follow has_more and starting_after.
		const pageSize = sim.options.maxPageSize;
		sim.options.maxPageSize = 2;
		const result = await n8n.execute('wpE2eCardholderList').finally(() => (sim.options.maxPageSize = pageSize));
		expectSuccess(result);
		const list = '/v1/issuing/cardholders';
		expectRequests(sim, [
			{ method: 'GET', path: list, query: { limit: '100' } },
			{ method: 'GET', path: list, query: { limit: '100', starting_after: 'ich_sandbox_2' } },
			{ method: 'GET', path: list, query: { limit: '2', status: 'active', type: 'individual' } },
			// 2026-01-01T00:00:03Z and 00:00:05Z as Unix seconds
			{ method: 'GET', path: list, query: { limit: '10', email: 'grace@example.com', 'created[gte]': '1767225603', 'created[lte]': '1767225605' } },
			{ method: 'GET', path: `${list}/ich_sandbox_2` },
		]);
		const all = nodeOutput(result.run, 'All cardholders');
		expect(all.map((c) => [c.id, c.name])).toEqual([
			['ich_sandbox_3', 'Alan Turing'],
			['ich_sandbox_2', 'Grace Hopper'],
			['ich_sandbox_1', 'Ada Lovelace'],
		]);
		expect(all).toEqual(all.map((c) => sim.cardholders.get(c.id)));
		expect(nodeOutput(result.run, 'Two newest active individuals').map((c) => c.id)).toEqual(['ich_sandbox_3', 'ich_sandbox_2']);
		expect(nodeOutput(result.run, 'Cardholders by email and creation time').map((c) => c.id)).toEqual(['ich_sandbox_2']);
		const picked = nodeOutput(result.run, 'Cardholder picked from the list');
		expect(picked.map((c) => [c.id, c.name, c.email])).toEqual([['ich_sandbox_2', 'Grace Hopper', 'grace@example.com']]);
	});

	test('Customer → Create, then Customer → Get of the new customer', async () => {
		const before = new Set(n8n.sim.customers.keys());
		const result = await n8n.execute('wpE2eCustomerCreateGet');
		expectSuccess(result);
		const created = [...n8n.sim.customers.keys()].filter((id) => !before.has(id));
		expect(created).toEqual([expect.stringMatching(/^cus_sim\d{4}$/)]);
		const [id] = created;
		const body = {
			address: { city: 'Hampton', country: 'US', line1: '1 NASA Drive', postal_code: '23681', state: 'VA' },
			description: 'Created by the e2e suite',
			email: 'katherine.johnson@example.com',
			metadata: { crm_id: 'C-2001' },
			name: 'Katherine Johnson',
			phone: '+1 757 555 0100',
			shipping: { address: { city: 'Hampton', country: 'US', line1: '1 NASA Drive' }, name: 'Katherine Johnson' },
		};
		const requests = expectRequests(n8n.sim, [
			{ method: 'POST', path: '/v1/customers', body },
			{ method: 'GET', path: `/v1/customers/${id}` },
		]);
		expect(requests.map((r) => r.method)).toEqual(['POST', 'GET']);
		expect(n8n.sim.mutations.map((m) => [m.method, m.path, m.id])).toEqual([['POST', '/v1/customers', id]]);
		const createdOut = nodeOutput(result.run, 'Create customer');
		expect(createdOut).toEqual([expect.objectContaining({ id, object: 'customer', ...body })]);
		expect(nodeOutput(result.run, 'Get customer')).toEqual([n8n.sim.customers.get(id)]);
		expect(nodeOutput(result.run, 'Get customer')).toEqual(createdOut);
	});

	test('Cardholder → Create, then Cardholder → Get of the new cardholder', async () => {
		const before = new Set(n8n.sim.cardholders.keys());
		const result = await n8n.execute('wpE2eCardholderCreateGet');
		expectSuccess(result);
		const created = [...n8n.sim.cardholders.keys()].filter((id) => !before.has(id));
		expect(created).toEqual([expect.stringMatching(/^ich_sim\d{4}$/)]);
		const [id] = created;
		const body = {
			billing: { address: { city: 'Hampton', country: 'US', line1: '1 NASA Drive', postal_code: '23681', state: 'VA' } },
			email: 'katherine.johnson@example.com',
			individual: { first_name: 'Katherine', last_name: 'Johnson' },
			metadata: [{ employee_id: 'E-7' }],
			name: 'Katherine Johnson',
			phone_number: '+1 757 555 0100',
			type: 'individual',
		};
		const requests = expectRequests(n8n.sim, [
			{ method: 'POST', path: '/v1/issuing/cardholders', body },
			{ method: 'GET', path: `/v1/issuing/cardholders/${id}` },
		]);
		expect(requests.map((r) => r.method)).toEqual(['POST', 'GET']);
		const createdOut = nodeOutput(result.run, 'Create cardholder');
		const { billing, ...rest } = body;
		expect(createdOut).toEqual([
			expect.objectContaining({ id, object: 'issuing.cardholder', status: 'active', ...rest, billing: { address: { ...billing.address, line2: null } } }),
		]);
		expect(nodeOutput(result.run, 'Get cardholder')).toEqual([n8n.sim.cardholders.get(id)]);
		expect(nodeOutput(result.run, 'Get cardholder')).toEqual(createdOut);
	});

	test('the first operations added after the first release, once each (Card, Card Authorization, Card Transaction, Payment Intent, Refund, Charge, Balance, Event)', async () => {
		const { sim } = n8n;
		const result = await n8n.execute('wpE2eEveryNewOp');
		expectSuccess(result);
		const created = [...paymentsOf(sim).paymentIntents.keys()].filter((id) => !id.startsWith('pi_sandbox_'));
		expect(created).toHaveLength(1);
		expectRequests(sim, EVERY_NEW_OPERATION_REQUESTS);
		/** @param {string} node */
		const ids = (node) => nodeOutput(result.run, node).map((o) => o.id);
		expect(ids('Cards of Ada')).toEqual(['ic_sandbox_2', 'ic_sandbox_1']);
		expect(ids('Card from the list')).toEqual(['ic_sandbox_3']);
		expect(nodeOutput(result.run, 'Remaining limits')).toEqual([issuingOf(sim).limits.get('ic_sandbox_1')]);
		expect(ids('Two newest authorizations')).toHaveLength(2);
		expect(nodeOutput(result.run, 'Authorization by ID').map((a) => [a.id, a.approved])).toEqual([['iauth_sandbox_3', false]]);
		expect(ids('Transactions of a card').sort()).toEqual(['ipi_sandbox_1', 'ipi_sandbox_2']);
		expect(ids('Transaction from the list')).toEqual(['ipi_sandbox_3']);
		expect(nodeOutput(result.run, 'Tag a transaction').map((t) => [t.id, t.metadata])).toEqual([['ipi_sandbox_1', { gl_code: '6200' }]]);
		expect(nodeOutput(result.run, 'Create payment intent').map((p) => [p.id, p.amount, p.customer])).toEqual([[created[0], 4200, 'cus_sandbox_2']]);
		/**
		 * What Simplify (on by default) makes of `held`: the fields of `fields` it has, in that order.
		 * @param {string[]} fields @param {Json} held
		 */
		const simplified = (fields, held) => Object.fromEntries(fields.filter((field) => field in held).map((field) => [field, held[field]]));
		/** @param {string} node @param {string[]} fields @param {Map<string, Json>} held */
		const expectSimplified = (node, fields, held) => {
			const out = nodeOutput(result.run, node);
			expect(out.map((o) => Object.keys(o))).toEqual(out.map((o) => Object.keys(simplified(fields, held.get(o.id)))));
			expect(out).toEqual(out.map((o) => simplified(fields, held.get(o.id))));
		};
		const { paymentIntents, charges } = paymentsOf(sim);
		expect(ids('Payment intents, first page')).toHaveLength(2);
		expectSimplified('Payment intents, first page', SIMPLIFIED_PAYMENT_INTENT, paymentIntents);
		expect(ids('Search payment intents')).toEqual(['pi_sandbox_2']);
		expectSimplified('Search payment intents', SIMPLIFIED_PAYMENT_INTENT, paymentIntents);
		// Get too: the ten fields of README's "Payment intents", in that order, as the sandbox holds them.
		const [intent] = nodeOutput(result.run, 'Payment intent by ID');
		expect(Object.keys(intent)).toEqual(SIMPLIFIED_PAYMENT_INTENT);
		expectSimplified('Payment intent by ID', SIMPLIFIED_PAYMENT_INTENT, paymentIntents);
		expect(intent).toMatchObject({ id: 'pi_sandbox_2', status: 'succeeded', merchant_order_id: 'order_1002', payment_method_types: ['card'] });
		expect(ids('Refund by ID')).toEqual(['re_sandbox_1']);
		expect(ids('Charges of a customer')).toEqual(['ch_sandbox_1']); // pi_sandbox_4 was never confirmed: no charge
		expectSimplified('Charges of a customer', SIMPLIFIED_CHARGE, charges);
		expect(nodeOutput(result.run, 'Balance')).toEqual([expect.objectContaining({ object: 'balance' })]);
		expect(nodeOutput(result.run, 'Event by ID').map((e) => [e.id, e.type])).toEqual([['evt_sandbox_1', 'payment_intent.succeeded']]);
	});

	test('Payment Intent → Create (Capture Method Manual, Confirm, a card), then Capture of it, in part and in full; Payout → Create to a saved beneficiary', async () => {
		const { sim } = n8n;
		const { paymentIntents, charges } = paymentsOf(sim);
		const { payouts } = payoutsOf(sim);
		expect(payoutsOf(sim).beneficiaries.has('bf_sandbox_1')).toBe(true);
		const intentsBefore = new Set(paymentIntents.keys());
		const payoutsBefore = new Set(payouts.keys());
		const result = await n8n.execute('wpE2ePaymentCapturePayout');
		expectSuccess(result);
		const newIntents = [...paymentIntents.values()].filter((p) => !intentsBefore.has(p.id));
		/** @param {string} order */
		const byOrder = (order) => {
			const found = newIntents.filter((p) => p.merchant_order_id === order);
			expect(found).toHaveLength(1);
			return found[0];
		};
		const [partly, fully] = [byOrder('order_3001'), byOrder('order_3002')];
		expect(newIntents).toHaveLength(2);
		const newPayouts = [...payouts.keys()].filter((id) => !payoutsBefore.has(id));
		expect(newPayouts).toEqual([expect.stringMatching(/^po_sim\d{4}$/)]);
		const card = { type: 'card' };
		const requests = expectRequests(sim, [
			{
				method: 'POST',
				path: '/v1/payment_intents',
				body: { amount: 8000, currency: 'USD', capture_method: 'manual', confirm: true, customer: 'cus_sandbox_1', merchant_order_id: 'order_3001', payment_method_data: card },
			},
			{ method: 'POST', path: `/v1/payment_intents/${partly.id}/capture`, body: { amount_to_capture: 6000 } },
			{ method: 'POST', path: '/v1/payment_intents', body: { amount: 2500, currency: 'EUR', capture_method: 'manual', confirm: true, merchant_order_id: 'order_3002', payment_method_data: card } },
			{ method: 'POST', path: `/v1/payment_intents/${fully.id}/capture` },
			{
				method: 'POST',
				path: '/v1/payouts',
				body: { beneficiary: 'bf_sandbox_1', payment_amount: 50000, payment_currency: 'GBP', source_currency: 'USD', description: 'Invoice 2026-017', metadata: { invoice: '2026-017' } },
			},
		]);
		// Each capture after the create of its payment intent.
		for (const intent of [partly, fully]) {
			const created = requests.findIndex((r) => r.path === '/v1/payment_intents' && r.body.merchant_order_id === intent.merchant_order_id);
			const captured = requests.findIndex((r) => r.path === `/v1/payment_intents/${intent.id}/capture`);
			expect({ order: intent.merchant_order_id, createdBeforeCaptured: created >= 0 && created < captured }).toEqual({ order: intent.merchant_order_id, createdBeforeCaptured: true });
		}

		// Authorized: requires_capture, all of it capturable, nothing received, no charge yet.
		/** @param {Json} p */
		const money = (p) => ({ id: p.id, status: p.status, capture_method: p.capture_method, amount: p.amount, currency: p.currency, amount_capturable: p.amount_capturable, amount_received: p.amount_received });
		expect(nodeOutput(result.run, 'Authorize at checkout').map(money)).toEqual([
			{ id: partly.id, status: 'requires_capture', capture_method: 'manual', amount: 8000, currency: 'USD', amount_capturable: 8000, amount_received: 0 },
		]);
		expect(nodeOutput(result.run, 'Authorize another order').map(money)).toEqual([
			{ id: fully.id, status: 'requires_capture', capture_method: 'manual', amount: 2500, currency: 'EUR', amount_capturable: 2500, amount_received: 0 },
		]);
		// Captured: succeeded; in part, the rest released (nothing capturable any more).
		const capturedPart = nodeOutput(result.run, 'Capture part when the order ships');
		expect(capturedPart.map(money)).toEqual([{ id: partly.id, status: 'succeeded', capture_method: 'manual', amount: 8000, currency: 'USD', amount_capturable: 0, amount_received: 6000 }]);
		expect(capturedPart).toEqual([paymentIntents.get(partly.id)]);
		const capturedAll = nodeOutput(result.run, 'Capture all of it');
		expect(capturedAll.map(money)).toEqual([{ id: fully.id, status: 'succeeded', capture_method: 'manual', amount: 2500, currency: 'EUR', amount_capturable: 0, amount_received: 2500 }]);
		expect(capturedAll).toEqual([paymentIntents.get(fully.id)]);
		// The charge of each capture: what was taken.
		expect([...charges.values()].filter((c) => [partly.id, fully.id].includes(c.payment_intent)).map((c) => [c.payment_intent, c.amount_captured, c.captured]).sort()).toEqual(
			[[partly.id, 6000, true], [fully.id, 2500, true]].sort(),
		);

		// The payout: pending, to the saved beneficiary, the amount paid worked out at the sandbox's rates.
		const [payout] = nodeOutput(result.run, 'Pay the supplier');
		expect(payout).toEqual(payouts.get(newPayouts[0]));
		expect(payout).toMatchObject({
			id: newPayouts[0],
			object: 'payout',
			status: 'pending',
			payment_amount: 50000,
			payment_currency: 'GBP',
			source_currency: 'USD',
			source_amount: 63291, // 500.00 GBP at the sandbox's 0.79 GBP per USD
			description: 'Invoice 2026-017',
			metadata: { invoice: '2026-017' },
		});
		expect(payout.beneficiary_data).toEqual(payoutsOf(sim).beneficiaries.get('bf_sandbox_1'));
		expect(payout.beneficiary_data).toMatchObject({ id: 'bf_sandbox_1', object: 'beneficiary' });
	});

	test('every other operation issue 20 added, once each (Payment Intent Update, Confirm, Cancel; Charge Get; Dispute Get Many; Payment Method; Setup Intent; Payout Update; Beneficiary; Product; Price; Coupon; Promotion Code; Subscription; Subscription Item; Invoice; Payment Link; FX Quote; File; Webhook Endpoint)', async () => {
		const { sim } = n8n;
		const { paymentIntents, charges } = paymentsOf(sim);
		const { paymentMethods, setupIntents } = paymentMethodsOf(sim);
		const { payouts, beneficiaries } = payoutsOf(sim);
		const { disputes, files } = disputesOf(sim);
		const billing = billingOf(sim);
		const scene = await everyIssue20OperationScene(sim);
		sim.reset();
		const result = await n8n.execute('wpE2eIssue20Ops');
		expectSuccess(result);
		/** @param {string} node */
		const out = (node) => nodeOutput(result.run, node);
		const made = scene.made();
		const { paid, unpaid, card, product, price, subscription, item, coupon, promotion, quote, endpoint } = made;
		const requests = expectRequests(sim, everyIssue20OperationRequests(made));
		// What a node sends with an ID from the node before it, after that node.
		/** @param {string} earlier @param {string} later */
		const after = (earlier, later) => {
			const at = (/** @type {string} */ key) => requests.findIndex((r) => `${r.method} ${r.path} ${JSON.stringify(r.body ?? null)}`.startsWith(key));
			expect({ earlier, later, inOrder: at(earlier) >= 0 && at(earlier) < at(later) }).toEqual({ earlier, later, inOrder: true });
		};
		after('POST /v1/payment_intents {"amount":3000', `POST /v1/payment_intents/${paid.id} `);
		after(`POST /v1/payment_intents/${paid.id} `, `POST /v1/payment_intents/${paid.id}/confirm`);
		after('POST /v1/payment_intents {"amount":1500', `POST /v1/payment_intents/${unpaid.id}/cancel`);
		after('POST /v1/payment_methods ', `POST /v1/payment_methods/${card.id}/attach`);
		after(`POST /v1/payment_methods/${card.id}/attach`, 'GET /v1/customers/cus_sandbox_2/payment_methods');
		after('POST /v1/setup_intents/seti_sandbox_1 ', 'POST /v1/setup_intents/seti_sandbox_1/confirm');
		after('POST /v1/products ', 'POST /v1/prices ');
		after('POST /v1/prices ', `POST /v1/prices/${price.id}`);
		after(`POST /v1/prices/${price.id}`, `GET /v1/prices/${price.id}`);
		after(`GET /v1/prices/${price.id}`, 'POST /v1/subscriptions ');
		after('POST /v1/subscriptions ', 'POST /v1/subscription_items ');
		after('POST /v1/coupons ', 'POST /v1/promotion_code ');
		after('GET /v1/webhook_endpoints ', `GET /v1/webhook_endpoints/${endpoint.id}`);

		// Payment intents: updated (still unpaid), confirmed with a card (paid at once: automatic capture), canceled.
		/** @param {Json} p */
		const state = (p) => ({ id: p.id, status: p.status, amount_received: p.amount_received, description: p.description, metadata: p.metadata, cancellation_reason: p.cancellation_reason });
		expect(out('Note the gift wrapping').map(state)).toEqual([{ id: paid.id, status: 'requires_payment_method', amount_received: 0, description: 'Order 4001, gift wrapped', metadata: { gift: 'yes' }, cancellation_reason: null }]);
		expect(out('Confirm it with a card')).toEqual([paymentIntents.get(paid.id)]);
		expect(out('Confirm it with a card').map(state)).toEqual([{ id: paid.id, status: 'succeeded', amount_received: 3000, description: 'Order 4001, gift wrapped', metadata: { gift: 'yes' }, cancellation_reason: null }]);
		expect(paymentMethods.get(paid.payment_method).billing_details.name).toBe('Alan Turing');
		expect(out('Cancel the unpaid order')).toEqual([paymentIntents.get(unpaid.id)]);
		expect(out('Cancel the unpaid order').map(state)).toEqual([{ id: unpaid.id, status: 'canceled', amount_received: 0, description: null, metadata: {}, cancellation_reason: 'Order not paid within 24 hours' }]);
		// Simplify, on by default: a charge, a dispute, a payment link.
		const charge = charges.get('ch_sandbox_1');
		expect(out('Charge by ID')).toEqual([Object.fromEntries(SIMPLIFIED_CHARGE.filter((f) => f in charge).map((f) => [f, charge[f]]))]);
		const dispute = disputes.get('dp_sandbox_2');
		expect(out('Disputes of a charge')).toEqual([
			{
				id: 'dp_sandbox_2',
				status: 'warning_needs_response',
				amount: 4999,
				currency: 'USD',
				reason: 'product_not_received',
				charge: 'ch_sandbox_3',
				payment_intent: 'pi_sandbox_3',
				evidence_due_by: dispute.evidence_details.due_by,
				is_charge_refundable: false,
				created: dispute.created,
			},
		]);
		const link = billing.paymentLinks.get('plink_sandbox_1');
		expect(link.line_items.data.map((/** @type {Json} */ item) => [typeof item.price, item.price.id])).toEqual([['object', 'price_sandbox_1']]);
		expect(out('Payment link by ID')).toEqual([
			{
				id: 'plink_sandbox_1',
				active: true,
				url: link.url,
				currency: 'USD',
				// The price's ID, though the sandbox sends the whole price (as WooshPay's example does).
				line_items: [{ price: 'price_sandbox_1', quantity: 1, amount_total: 2500 }],
				after_completion: 'hosted_confirmation',
				metadata: { campaign: 'spring' },
				livemode: false,
				created: link.created,
			},
		]);
		// Payment methods and setup intents.
		expect(out('Create a card payment method')).toEqual([{ ...paymentMethods.get(card.id), customer: null }]);
		expect(out('Attach it to Grace')).toEqual([paymentMethods.get(card.id)]);
		expect(card.customer).toBe('cus_sandbox_2');
		const grace = out("Grace's cards");
		expect(grace.map((pm) => pm.id)).toEqual([...paymentMethods.values()].filter((pm) => pm.customer === 'cus_sandbox_2' && pm.type === 'card').sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : -1)).map((pm) => pm.id));
		expect(grace.map((pm) => pm.id)).toContain(card.id);
		expect(out('Give the setup intent a card').map((si) => [si.id, si.status, si.payment_method, si.description])).toEqual([['seti_sandbox_1', 'requires_confirmation', 'pm_sandbox_1', "Ada's card for renewals"]]);
		expect(out('Confirm the setup intent')).toEqual([setupIntents.get('seti_sandbox_1')]);
		expect(out('Confirm the setup intent').map((si) => [si.status, si.usage])).toEqual([['succeeded', 'off_session']]);
		// Payouts, beneficiaries, products, prices, subscriptions, coupons.
		expect(out('Tag a payout')).toEqual([payouts.get('po_sandbox_2')]);
		expect(out('Tag a payout')[0].metadata).toMatchObject({ batch: '2026-05' });
		expect(out('Beneficiary by ID')).toEqual([beneficiaries.get('bf_sandbox_2')]);
		expect(out('Create a product')).toEqual([product]);
		expect(out('Create a monthly price').map((p) => [p.id, p.product, p.unit_amount, p.currency, p.type, p.recurring.interval])).toEqual([[price.id, product.id, 500, 'USD', 'recurring', 'month']]);
		expect(out('Rename the price').map((p) => [p.nickname, p.metadata])).toEqual([['Gift wrap club', { tier: 'club' }]]);
		expect(out('Get the price')).toEqual([price]);
		expect(out('Subscribe Ada')).toEqual([expect.objectContaining({ id: subscription.id, object: 'subscription', customer: 'cus_sandbox_1', metadata: { plan: 'pro' } })]);
		expect(out('Add gift wrapping to it')).toEqual([item]);
		expect(out('Add gift wrapping to it').map((i) => [i.subscription, i.price.id, i.quantity])).toEqual([[subscription.id, price.id, 2]]);
		expect(out('Product by ID')).toEqual([billing.products.get('prod_sandbox_1')]);
		expect(out('Create a coupon')).toEqual([coupon]);
		expect(out('Create a coupon').map((c) => [c.percent_off, c.duration])).toEqual([[15, 'once']]);
		expect(out('Create its promotion code')).toEqual([promotion]);
		expect(out('Create its promotion code').map((p) => [p.code, p.coupon.id, p.max_redemptions, p.active])).toEqual([['SPRING15', coupon.id, 100, true]]);
		expect(out('Coupon by ID')).toEqual([billing.coupons.get('coupon_sandbox_2')]);
		// Invoices, FX quotes, files, webhook endpoints.
		expect(out('Invoices of a subscription').map((i) => i.id)).toEqual(['in_sandbox_1']);
		expect(out('Invoices of a subscription')).toEqual([billing.invoices.get('in_sandbox_1')]);
		expect(out('Quote GBP and EUR in USD')).toEqual([quote]);
		expect(Object.keys(quote.rates)).toEqual(['GBP', 'EUR']);
		expect(out('File by ID')).toEqual([files.get('file_sandbox_1')]);
		expect(out('Webhook endpoints').map((e) => e.id)).toEqual([endpoint.id]);
		expect(out('Webhook endpoint by ID').map((e) => [e.id, e.url, e.enabled_events])).toEqual([[endpoint.id, 'https://example.com/hooks/wooshpay', ['payout.created']]]);
		// The secret of an endpoint is shown only when it is created: never in a list or a Get.
		expect(JSON.stringify([out('Webhook endpoints'), out('Webhook endpoint by ID')])).not.toContain(endpoint.secret);
	});

	test('Card → Update (cancel a lost card); Refund → Create, then Refund → Get of the new refund', async () => {
		const { sim } = n8n;
		const { refunds } = paymentsOf(sim);
		const before = new Set(refunds.keys());
		const result = await n8n.execute('wpE2eCardUpdateRefund');
		expectSuccess(result);
		const created = [...refunds.keys()].filter((id) => !before.has(id));
		expect(created).toEqual([expect.stringMatching(/^re_sim\d{4}$/)]);
		const [id] = created;
		const refundBody = { payment_intent: 'pi_sandbox_3', amount: '1999', metadata: { ticket: 'T-31' }, reason: 'duplicate' };
		const requests = expectRequests(sim, [
			{ method: 'POST', path: '/v1/issuing/cards/ic_sandbox_2', body: { status: 'canceled', cancellation_reason: 'lost' } },
			{ method: 'POST', path: '/v1/refunds', body: refundBody },
			{ method: 'GET', path: `/v1/refunds/${id}` },
		]);
		expect(requests.filter((r) => r.path.startsWith('/v1/refunds')).map((r) => r.method)).toEqual(['POST', 'GET']);
		const card = nodeOutput(result.run, 'Cancel a lost card');
		expect(card.map((c) => [c.id, c.status, c.cancellation_reason])).toEqual([['ic_sandbox_2', 'canceled', 'lost']]);
		expect(card).toEqual([issuingOf(sim).cards.get('ic_sandbox_2')]);
		const refund = nodeOutput(result.run, 'Refund part of a payment');
		expect(refund.map((r) => [r.id, r.payment_intent, r.amount, r.reason, r.metadata])).toEqual([[id, 'pi_sandbox_3', 1999, 'duplicate', { ticket: 'T-31' }]]);
		expect(nodeOutput(result.run, 'Get the refund')).toEqual([refunds.get(id)]);
		expect(nodeOutput(result.run, 'Get the refund')).toEqual(refund);
		expect(paymentsOf(sim).paymentIntents.get('pi_sandbox_3').amount_refunded).toBe(1999);
	});

	// The other examples, last: they freeze a card and refund a payment the tests above read.
	test('example "Freeze a lost card"', async () => {
		expect(issuingOf(n8n.sim).cards.get('ic_sandbox_1')?.status).toBe('active');
		const result = await n8n.execute('wpExampleCardFreeze');
		expectSuccess(result);
		expectRequests(n8n.sim, [{ method: 'POST', path: '/v1/issuing/cards/ic_sandbox_1', body: { status: 'inactive' } }]);
		expect(nodeOutput(result.run, 'Lost card report')).toEqual([{ cardId: 'ic_sandbox_1', reportedBy: 'ada@example.com', ticket: 'SUP-2231' }]);
		const card = nodeOutput(result.run, 'Freeze card');
		expect(card).toEqual([issuingOf(n8n.sim).cards.get('ic_sandbox_1')]);
		expect(card.map((c) => [c.id, c.status])).toEqual([['ic_sandbox_1', 'inactive']]);
	});

	test('example "Daily balance report"', async () => {
		const before = new Date().toISOString().slice(0, 10);
		const result = await n8n.execute('wpExampleBalanceReport');
		const after = new Date().toISOString().slice(0, 10);
		expectSuccess(result);
		expectRequests(n8n.sim, [{ method: 'GET', path: '/v1/balance' }]);
		const { balance } = paymentsOf(n8n.sim);
		expect(nodeOutput(result.run, 'Get balance')).toEqual([balance]);
		const report = nodeOutput(result.run, 'Report per currency');
		// The day of the run (UTC), as the Code node writes it.
		const day = /^WooshPay balance on (\d{4}-\d{2}-\d{2}) \(test mode\)\n/.exec(report[0]?.report)?.[1];
		expect([before, after]).toContain(day);
		expect(report).toEqual([
			{
				report: [`WooshPay balance on ${day} (test mode)`, 'USD: $12,540.00 available, $49.99 pending', 'GBP: £830.00 available, £0.00 pending'].join('\n'),
				currencies: [
					{ currency: 'USD', available: 1254000, pending: 4999 },
					{ currency: 'GBP', available: 83000, pending: 0 },
				],
			},
		]);
	});

	test('example "Refund from a form"', async () => {
		const { refunds, paymentIntents } = paymentsOf(n8n.sim);
		const before = new Set(refunds.keys());
		const refunded = paymentIntents.get('pi_sandbox_1').amount_refunded;
		const result = await n8n.execute('wpExampleRefundForm');
		expectSuccess(result);
		expectRequests(n8n.sim, [
			{ method: 'POST', path: '/v1/refunds', body: { payment_intent: 'pi_sandbox_1', amount: '500', reason: 'requested_by_customer', metadata: { source: 'refund form' } } },
		]);
		const created = [...refunds.keys()].filter((id) => !before.has(id));
		expect(created).toEqual([expect.stringMatching(/^re_sim\d{4}$/)]);
		expect(nodeOutput(result.run, 'Sample form answer')).toEqual([{ 'Payment intent ID': 'pi_sandbox_1', 'Amount in cents': 500, Reason: 'Requested by customer' }]);
		const refund = nodeOutput(result.run, 'Refund payment');
		expect(refund).toEqual([refunds.get(created[0])]);
		expect(refund.map((r) => [r.payment_intent, r.amount, r.currency, r.reason, r.status, r.metadata])).toEqual([['pi_sandbox_1', 500, 'USD', 'requested_by_customer', 'succeeded', { source: 'refund form' }]]);
		expect(paymentIntents.get('pi_sandbox_1').amount_refunded).toBe(refunded + 500);
	});
});

/**
 * The examples of issue 20, in the sandbox of `npm run dev` (seed 'sandbox': also pi_sandbox_5..8,
 * which the capture and cancel examples are written for), without the lifecycle's events. Each
 * runs from its "Run now (test)" trigger, as `n8n execute` starts it. The order matters: the
 * cancel example cancels every payment intent still unpaid (pi_sandbox_4, 6 and 8) and leaves
 * the authorized pi_sandbox_5, which the capture example then captures; the offer's promotion
 * code TRAVEL20 is unique, so the offer runs once per sandbox.
 */
eachLine('the examples of issue 20 in the sandbox of npm run dev', (version) => {
	const n8n = useN8n(version, { workflows: [EXAMPLES], simulator: { seed: 'sandbox', events: false } });
	afterEach(() => n8n.sim.reset());

	/** Unix seconds now. */
	const now = () => Math.floor(Date.now() / 1000);
	/** A deep copy, to keep an object as the sandbox held it before a run changed it. @param {Json} object @returns {Json} */
	const copy = (object) => JSON.parse(JSON.stringify(object));
	/**
	 * A payment intent as Simplify gives it (on by default): the fields it has of SIMPLIFIED_PAYMENT_INTENT, in that
	 * order, payment_method_types parsed when WooshPay sends it as JSON text (pi_sandbox_7).
	 * @param {Json} intent
	 */
	const simplifiedIntent = (intent) =>
		Object.fromEntries(
			SIMPLIFIED_PAYMENT_INTENT.filter((f) => f in intent).map((f) => [f, f === 'payment_method_types' && typeof intent[f] === 'string' ? JSON.parse(intent[f]) : intent[f]]),
		);
	/** Where `request` ("METHOD path") stands among `requests`. @param {Json[]} requests @param {string} request */
	const at = (requests, request) => requests.findIndex((r) => `${r.method} ${r.path}` === request);

	test('example "Open disputes every morning": every dispute, the open ones kept, one morning list (due first on top)', async () => {
		const { disputes } = disputesOf(n8n.sim);
		const before = new Date().toISOString().slice(0, 10);
		const result = await n8n.execute('wpExampleDisputesOpen');
		const after = new Date().toISOString().slice(0, 10);
		expectSuccess(result);
		expectRequests(n8n.sim, [{ method: 'GET', path: '/v1/disputes/list', query: { limit: '100' } }]);
		/** A dispute as Simplify gives it, as the sandbox holds it. @param {string} id */
		const simplified = (id) => {
			const d = disputes.get(id);
			return Object.fromEntries(SIMPLIFIED_DISPUTE.map((f) => [f, f === 'evidence_due_by' ? d.evidence_details.due_by : d[f]]));
		};
		const listed = nodeOutput(result.run, 'Disputes');
		expect(listed.map((d) => Object.keys(d))).toEqual(listed.map(() => SIMPLIFIED_DISPUTE));
		expect(listed).toEqual(['dp_sandbox_3', 'dp_sandbox_2', 'dp_sandbox_1'].map(simplified));
		expect(listed.map((d) => d.status)).toEqual(['lost', 'warning_needs_response', 'needs_response']);
		expect(nodeOutput(result.run, 'Open disputes')).toEqual(['dp_sandbox_2', 'dp_sandbox_1'].map(simplified));
		/** @param {string} id */
		const due = (id) => new Date(disputes.get(id).evidence_details.due_by * 1000).toISOString().slice(0, 10);
		expect(disputes.get('dp_sandbox_1').evidence_details.due_by).toBeLessThan(disputes.get('dp_sandbox_2').evidence_details.due_by);
		const morning = nodeOutput(result.run, 'Morning list');
		// The day of the run (UTC), as the Code node writes it.
		const day = /^2 open WooshPay disputes on (\d{4}-\d{2}-\d{2})\n/.exec(morning[0]?.report)?.[1];
		expect([before, after]).toContain(day);
		expect(morning).toEqual([
			{
				report: [
					`2 open WooshPay disputes on ${day}`,
					`$25.00 · fraudulent · needs_response · evidence due ${due('dp_sandbox_1')} · dp_sandbox_1`,
					`$49.99 · product_not_received · warning_needs_response · evidence due ${due('dp_sandbox_2')} · dp_sandbox_2`,
				].join('\n'),
				count: 2,
				disputes: ['dp_sandbox_1', 'dp_sandbox_2'],
			},
		]);
		expect(n8n.sim.mutations).toEqual([]);
	});

	test('example "Cancel orders unpaid after 24 hours": the payment intents created until 24 hours ago, those never paid canceled (pi_sandbox_4, 6, 8), the authorized pi_sandbox_5 left', async () => {
		const { paymentIntents } = paymentsOf(n8n.sim);
		const held = [...paymentIntents.values()].map(copy);
		expect(held.map((p) => [p.id, p.status])).toEqual([
			['pi_sandbox_1', 'succeeded'],
			['pi_sandbox_2', 'succeeded'],
			['pi_sandbox_3', 'succeeded'],
			['pi_sandbox_4', 'requires_payment_method'],
			['pi_sandbox_5', 'requires_capture'],
			['pi_sandbox_6', 'requires_confirmation'],
			['pi_sandbox_7', 'succeeded'],
			['pi_sandbox_8', 'requires_action'],
		]);
		const from = now() - 86400;
		const result = await n8n.execute('wpExampleCancelUnpaid');
		const to = now() - 86400;
		expectSuccess(result);
		// created[lte]: n8n's $now minus 24 hours, as Unix seconds.
		const createdBefore = Number(n8n.sim.requests.find((r) => r.method === 'GET')?.query['created[lte]']);
		expect(createdBefore).toBeGreaterThanOrEqual(from);
		expect(createdBefore).toBeLessThanOrEqual(to);
		const unpaid = ['pi_sandbox_4', 'pi_sandbox_6', 'pi_sandbox_8'];
		const reason = 'Order not paid within 24 hours';
		const requests = expectRequests(n8n.sim, [
			{ method: 'GET', path: '/v1/payment_intents', query: { limit: '100', 'created[lte]': String(createdBefore) } },
			...unpaid.map((id) => ({ method: 'POST', path: `/v1/payment_intents/${id}/cancel`, body: { cancellation_reason: reason } })),
		]);
		for (const id of unpaid) expect({ id, listedFirst: at(requests, 'GET /v1/payment_intents') < at(requests, `POST /v1/payment_intents/${id}/cancel`) }).toEqual({ id, listedFirst: true });
		// Every payment intent of the sandbox was created until then, newest first, as Simplify gives them.
		const listed = nodeOutput(result.run, 'Payments older than 24 hours');
		const newestFirst = [...held].sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : -1));
		expect(listed).toEqual(newestFirst.map(simplifiedIntent));
		expect(nodeOutput(result.run, 'Still unpaid')).toEqual(newestFirst.filter((p) => unpaid.includes(p.id)).map(simplifiedIntent));
		const canceled = nodeOutput(result.run, 'Cancel the unpaid payment');
		expect(canceled).toEqual(newestFirst.filter((p) => unpaid.includes(p.id)).map((p) => paymentIntents.get(p.id)));
		expect(canceled.map((p) => [p.id, p.status, p.cancellation_reason]).sort()).toEqual(unpaid.map((id) => [id, 'canceled', reason]));
		expect(n8n.sim.mutations.map((m) => m.id).sort()).toEqual(unpaid);
		expect(paymentIntents.get('pi_sandbox_5')).toEqual(held.find((p) => p.id === 'pi_sandbox_5'));
	});

	test('example "Authorize at checkout, capture when the order ships": the sample shipment finds order_1005\'s authorized payment and captures all of it; shipped again, nothing is captured', async () => {
		const { paymentIntents, charges } = paymentsOf(n8n.sim);
		const authorized = copy(paymentIntents.get('pi_sandbox_5'));
		expect(authorized).toMatchObject({ merchant_order_id: 'order_1005', status: 'requires_capture', capture_method: 'manual', amount: 15000, currency: 'GBP', amount_capturable: 15000, amount_received: 0 });
		const chargesOf = () => [...charges.values()].filter((c) => c.payment_intent === 'pi_sandbox_5');
		expect(chargesOf()).toEqual([]);
		const result = await n8n.execute('wpExampleCapture');
		expectSuccess(result);
		const search = { method: 'GET', path: '/v1/payment_intents/search', query: { query: "merchant_order_id:'order_1005' AND status:'requires_capture'", limit: '1' } };
		const requests = expectRequests(n8n.sim, [search, { method: 'POST', path: '/v1/payment_intents/pi_sandbox_5/capture' }]);
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/payment_intents/search', 'POST /v1/payment_intents/pi_sandbox_5/capture']);
		expect(nodeOutput(result.run, 'Sample shipment')).toEqual([{ body: { orderId: 'order_1005', carrier: 'Royal Mail' } }]);
		expect(nodeOutput(result.run, "Find the order's payment")).toEqual([simplifiedIntent(authorized)]);
		const captured = nodeOutput(result.run, 'Capture the payment');
		expect(captured).toEqual([paymentIntents.get('pi_sandbox_5')]);
		expect(captured[0]).toMatchObject({ id: 'pi_sandbox_5', status: 'succeeded', amount: 15000, currency: 'GBP', amount_capturable: 0, amount_received: 15000 });
		expect(chargesOf().map((c) => [c.amount, c.amount_captured, c.captured, c.currency])).toEqual([[15000, 15000, true, 'GBP']]);
		expect(n8n.sim.mutations.map((m) => [m.method, m.path, m.id])).toEqual([['POST', '/v1/payment_intents/pi_sandbox_5/capture', 'pi_sandbox_5']]);

		// The same shipment again: the search finds nothing waiting, and the capture does not run.
		n8n.sim.reset();
		const again = await n8n.execute('wpExampleCapture');
		expectSuccess(again);
		expectRequests(n8n.sim, [search]);
		expect(nodeOutput(again.run, "Find the order's payment")).toEqual([]);
		expect(Object.keys(again.run.data.resultData.runData)).not.toContain('Capture the payment');
		expect(n8n.sim.mutations).toEqual([]);
		expect(chargesOf()).toHaveLength(1);
	});

	test('example "Payout from a spreadsheet row": the row paid to its beneficiary with the Idempotency Key from the row; run twice, paid once', async () => {
		const { payouts, beneficiaries } = payoutsOf(n8n.sim);
		const before = new Set(payouts.keys());
		const first = await n8n.execute('wpExamplePayoutRow');
		expectSuccess(first);
		const second = await n8n.execute('wpExamplePayoutRow');
		expectSuccess(second);
		const body = {
			beneficiary: 'bf_sandbox_1',
			payment_amount: 25000,
			payment_currency: 'GBP',
			source_currency: 'USD',
			description: 'INV-2026-117',
			metadata: { sheet_row: '7', reference: 'INV-2026-117' },
		};
		// The same request twice, each with the row's key: WooshPay answers the second with the payout it made.
		const payout = { method: 'POST', path: '/v1/payouts', body, idempotencyKey: 'payout-7' };
		expectRequests(n8n.sim, [payout, payout]);
		const made = [...payouts.keys()].filter((id) => !before.has(id));
		expect(made).toEqual([expect.stringMatching(/^po_sim\d{4}$/)]);
		expect(n8n.sim.mutations).toEqual([{ method: 'POST', path: '/v1/payouts', id: made[0], idempotencyKey: 'payout-7' }]);
		expect(nodeOutput(first.run, 'Sheet row')).toEqual([{ row_number: 7, beneficiary_id: 'bf_sandbox_1', amount_in_cents: 25000, currency: 'GBP', source_currency: 'USD', reference: 'INV-2026-117' }]);
		expect(nodeOutput(first.run, 'Pay out')).toEqual([payouts.get(made[0])]);
		expect(nodeOutput(second.run, 'Pay out')).toEqual([payouts.get(made[0])]);
		// The payout names its beneficiary with beneficiary_data, the saved beneficiary whole.
		const { beneficiary, ...paid } = body;
		expect(payouts.get(made[0])).toMatchObject({
			id: made[0],
			object: 'payout',
			status: 'pending',
			...paid,
			source_amount: 31646, // 250.00 GBP at the sandbox's 0.79 GBP per USD: 316.46 USD
		});
		expect(payouts.get(made[0]).beneficiary_data).toEqual(beneficiaries.get(beneficiary));
	});

	test('example "A product with its price and a promotion code from a form": product, price, coupon and promotion code, each made from the one before, the code valid until the end of the day in the instance\'s time zone', async () => {
		const billing = billingOf(n8n.sim);
		const result = await n8n.execute('wpExampleProductForm');
		expectSuccess(result);
		const made = n8n.sim.mutations.map((m) => [m.path, m.id]);
		expect(made.map(([p]) => p)).toEqual(['/v1/products', '/v1/prices', '/v1/coupons', '/v1/promotion_code']);
		const [product, price, coupon, promotion] = made.map(([, id]) => id);
		// 2027-03-31 23:59:59 in n8n's default time zone, America/New_York (the harness passes no
		// GENERIC_TIMEZONE on: scripts/n8n.js n8nEnv), on summer time (UTC-4) since 14 March 2027.
		const endOfDay = Date.parse('2027-03-31T23:59:59-04:00') / 1000;
		const requests = expectRequests(n8n.sim, [
			{ method: 'POST', path: '/v1/products', body: { name: 'Enamel travel mug', description: 'Keeps coffee hot for 6 hours', metadata: { source: 'offer form' } } },
			{ method: 'POST', path: '/v1/prices', body: { product, currency: 'USD', unit_amount: '1800' } },
			{ method: 'POST', path: '/v1/coupons', body: { percent_off: 20, duration: 'once', name: 'Enamel travel mug launch offer' } },
			{ method: 'POST', path: '/v1/promotion_code', body: { coupon, code: 'TRAVEL20', expires_at: String(endOfDay) } },
		]);
		expect(requests.map((r) => r.path)).toEqual(['/v1/products', '/v1/prices', '/v1/coupons', '/v1/promotion_code']);
		expect(nodeOutput(result.run, 'Offer')).toEqual([
			{ name: 'Enamel travel mug', description: 'Keeps coffee hot for 6 hours', unitAmount: 1800, currency: 'USD', percentOff: 20, code: 'TRAVEL20', validUntil: '2027-03-31' },
		]);
		expect(nodeOutput(result.run, 'Create product')).toEqual([billing.products.get(product)]);
		expect(nodeOutput(result.run, 'Price of the product')).toEqual([{ product, unitAmount: 1800, currency: 'USD' }]);
		expect(nodeOutput(result.run, 'Create price')).toEqual([billing.prices.get(price)]);
		expect(billing.prices.get(price)).toMatchObject({ object: 'price', product, unit_amount: 1800, currency: 'USD', type: 'one_time' });
		expect(nodeOutput(result.run, 'Discount')).toEqual([{ percentOff: 20, name: 'Enamel travel mug launch offer' }]);
		expect(nodeOutput(result.run, 'Create coupon')).toEqual([billing.coupons.get(coupon)]);
		expect(nodeOutput(result.run, 'Code for the coupon')).toEqual([{ coupon, code: 'TRAVEL20', expiresAt: '2027-03-31T23:59:59' }]);
		expect(nodeOutput(result.run, 'Create promotion code')).toEqual([billing.promotionCodes.get(promotion)]);
		expect(billing.promotionCodes.get(promotion)).toMatchObject({ code: 'TRAVEL20', expires_at: endOfDay, active: true, coupon: { id: coupon, percent_off: 20, duration: 'once' } });
	});
});
