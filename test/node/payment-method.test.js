// @ts-check
'use strict';

const { byId, expectRequest, useSimulator } = require('../harness/fixtures');
const { pagingTests } = require('../harness/paging');

const { paymentMethodsOf, addPaymentMethod } = require('../simulator/payment-methods');

/**
 * Payment Method → Create, Attach to Customer and Get Many (of a customer) through the engine
 * against the simulator (test/simulator/payment-methods.js): every field at its JSON path, each
 * output item, paging, WooshPay's refusals in its words.
 */
const t = useSimulator();

/** @param {string} id */
const stored = (id) => paymentMethodsOf(t.sim).paymentMethods.get(id);
/** A payment method of no one, of its own for each test. */
const unattached = () => addPaymentMethod(t.sim, { type: 'card', billing_details: { name: 'Spare Card' } }).id;

/** @param {object} additionalFields */
const create = (additionalFields = {}, type = 'card') => ({ resource: 'paymentMethod', operation: 'create', type, additionalFields });
/** @param {string} id @param {string} customer */
const attach = (id, customer) => ({ resource: 'paymentMethod', operation: 'attach', paymentMethodId: byId(id), customer });

describe('Payment Method → Create', () => {
	test.each([
		['type', {}, 'alipay', { type: 'alipay' }],
		['billing_details.address.city', { city: 'London' }, 'card', { type: 'card', billing_details: { address: { city: 'London' } } }],
		['billing_details.address.country', { country: 'gb' }, 'card', { type: 'card', billing_details: { address: { country: 'GB' } } }],
		['billing_details.address.line1', { line1: '10 Downing St' }, 'card', { type: 'card', billing_details: { address: { line1: '10 Downing St' } } }],
		['billing_details.address.line2', { line2: 'Room 3' }, 'card', { type: 'card', billing_details: { address: { line2: 'Room 3' } } }],
		['billing_details.address.postal_code', { postalCode: 'SW1A 2AA' }, 'card', { type: 'card', billing_details: { address: { postal_code: 'SW1A 2AA' } } }],
		['billing_details.address.state', { state: 'London' }, 'card', { type: 'card', billing_details: { address: { state: 'London' } } }],
		['billing_details.email', { email: 'ada@example.com' }, 'card', { type: 'card', billing_details: { email: 'ada@example.com' } }],
		['billing_details.name', { name: 'Ada Lovelace' }, 'card', { type: 'card', billing_details: { name: 'Ada Lovelace' } }],
		['billing_details.phone', { phone: '+44 20 7946 0001' }, 'card', { type: 'card', billing_details: { phone: '+44 20 7946 0001' } }],
		['metadata', { metadata: { pair: [{ key: 'source', value: 'import' }] } }, 'wechat_pay', { type: 'wechat_pay', metadata: { source: 'import' } }],
	])('%s', async (_path, additionalFields, type, body) => {
		const result = await t.run(create(additionalFields, type));
		expect(result.error).toBeUndefined();
		expect(t.sim.requests).toHaveLength(1);
		expectRequest(t.sim.requests[0], { method: 'POST', path: '/v1/payment_methods', body });
		expect(t.sim.requests[0].headers['idempotency-key']).toMatch(/^n8n-[0-9a-f]{40}$/);
		const id = t.sim.mutations[0].id;
		expect(result.output).toEqual([{ json: stored(id), pairedItem: { item: 0 } }]);
		expect(result.output[0].json).toMatchObject({ object: 'payment_method', type, customer: null });
	});

	test('every field at once; the card of the answer has no number in it', async () => {
		const result = await t.run(
			create({
				city: 'Manchester',
				country: 'GB',
				line1: '1 Science Park',
				line2: 'Unit 4',
				postalCode: 'M13 9PL',
				state: 'Greater Manchester',
				email: 'alan@example.com',
				name: 'Alan Turing',
				phone: '+44 161 496 0000',
				metadata: { pair: [{ key: 'crm', value: 'A-1' }] },
			}),
		);
		const billing = {
			address: { city: 'Manchester', country: 'GB', line1: '1 Science Park', line2: 'Unit 4', postal_code: 'M13 9PL', state: 'Greater Manchester' },
			email: 'alan@example.com',
			name: 'Alan Turing',
			phone: '+44 161 496 0000',
		};
		expectRequest(t.sim.requests[0], { method: 'POST', path: '/v1/payment_methods', body: { type: 'card', billing_details: billing, metadata: { crm: 'A-1' } } });
		expect(result.output).toEqual([{ json: stored(t.sim.mutations[0].id), pairedItem: { item: 0 } }]);
		expect(result.output[0].json).toMatchObject({ billing_details: billing, metadata: { crm: 'A-1' }, card: { brand: 'visa', last4: '4242' } });
		expect(JSON.stringify(result.output)).not.toContain('4242424242424242');
	});

	test.each([
		['a type from an expression that is not one', create({}, '={{ "cash" }}'), 'Type is "cash", which is not one of the allowed values [item 0]'],
		['a billing email that is not one', create({ email: 'ada@' }), 'Additional Fields → Billing Email is "ada@", which is not an email address [item 0]'],
		['a billing country that is not a code', create({ country: 'England' }), 'Additional Fields → Billing Country is "England", which is not a two-letter ISO 3166-1 country code [item 0]'],
	])('refused before sending: %s', async (_case, parameters, message) => {
		const result = await t.run(parameters);
		expect(result.error?.message).toContain(message);
		expect(t.sim.requests).toHaveLength(0);
	});
});

describe('Payment Method → Attach to Customer', () => {
	test('POST /v1/payment_methods/{id}/attach with customer; outputs the payment method, now the customer’s', async () => {
		const id = unattached();
		const result = await t.run(attach(` ${id} `, ' cus_sandbox_2 '));
		expect(result.error).toBeUndefined();
		expectRequest(t.sim.requests[0], { method: 'POST', path: `/v1/payment_methods/${id}/attach`, body: { customer: 'cus_sandbox_2' } });
		expect(t.sim.requests[0].headers['idempotency-key']).toMatch(/^n8n-[0-9a-f]{40}$/);
		expect(result.output).toEqual([{ json: stored(id), pairedItem: { item: 0 } }]);
		expect(result.output[0].json.customer).toBe('cus_sandbox_2');
	});

	test("a payment method of another customer: WooshPay's refusal in its words", async () => {
		const result = await t.run(attach('pm_sandbox_1', 'cus_sandbox_2'));
		expect(result.error?.message).toBe(
			'WooshPay error 400 Bad Request: The payment method you provided has already been attached to a customer (cus_sandbox_1). (type invalid_request_error, code resource_already_exists, param customer) [item 0]',
		);
		expect(stored('pm_sandbox_1').customer).toBe('cus_sandbox_1');
	});

	test("a customer WooshPay does not know: its refusal in its words", async () => {
		const id = unattached();
		const result = await t.run(attach(id, 'cus_nobody'));
		expect(result.error?.message).toBe("WooshPay error 400 Bad Request: No such customer: 'cus_nobody' (type invalid_request_error, code resource_missing, param customer) [item 0]");
		expect(stored(id).customer).toBeNull();
	});

	test('an empty Customer ID: n8n will not run the node (required); from an expression: refused before sending', async () => {
		const id = unattached();
		const empty = await t.run(attach(id, ''));
		expect(empty.error?.message).toContain('Parameter "Customer ID" is required.');
		const mapped = await t.run(attach(id, '={{ $json.nobody }}'));
		expect(mapped.error?.message).toBe('Customer ID is empty [item 0]. Enter a value, or map one from an earlier node with an expression such as {{ $json.id }}.');
		expect(t.sim.requests).toHaveLength(0);
	});

	test('Continue On Fail: one output per item, paired; refusals in their items, the rest attached', async () => {
		const [a, b] = [unattached(), unattached()];
		const result = await t.run(
			{ resource: 'paymentMethod', operation: 'attach', paymentMethodId: byId('={{ $json.pm }}'), customer: '={{ $json.customer }}' },
			{
				continueOnFail: true,
				items: [
					{ pm: a, customer: 'cus_sandbox_1' },
					{ pm: 'pm_sandbox_2', customer: 'cus_sandbox_3' },
					{ pm: b, customer: '' },
					{ pm: b, customer: 'cus_sandbox_3' },
				],
			},
		);
		expect(result.output.map(({ json, pairedItem }) => ({ json, pairedItem }))).toEqual([
			{ json: stored(a), pairedItem: { item: 0 } },
			{
				json: {
					error:
						'WooshPay error 400 Bad Request: The payment method you provided has already been attached to a customer (cus_sandbox_2). (type invalid_request_error, code resource_already_exists, param customer) [item 1]',
				},
				pairedItem: { item: 1 },
			},
			{ json: { error: 'Customer ID is empty [item 2]. Enter a value, or map one from an earlier node with an expression such as {{ $json.id }}.' }, pairedItem: { item: 2 } },
			{ json: stored(b), pairedItem: { item: 3 } },
		]);
		expect([stored(a).customer, stored(b).customer]).toEqual(['cus_sandbox_1', 'cus_sandbox_3']);
	});
});

describe('Payment Method → Get Many (of a customer)', () => {
	const paged = useSimulator({ maxPageSize: 2 });
	const methods = () => paymentMethodsOf(paged.sim).paymentMethods;
	/** cus_sandbox_3's, newest first. @param {string} [type] */
	const theirs = (type) =>
		[...methods().values()]
			.filter((pm) => pm.customer === 'cus_sandbox_3' && (!type || pm.type === type))
			.sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : -1))
			.map((pm) => pm.id);
	beforeAll(() => {
		addPaymentMethod(paged.sim, { type: 'card', billing_details: { name: 'Alan Turing' } }, undefined, 'cus_sandbox_3');
		addPaymentMethod(paged.sim, { type: 'alipay' }, undefined, 'cus_sandbox_3');
		addPaymentMethod(paged.sim, { type: 'card' }, undefined, 'cus_sandbox_3');
	});
	/** @param {object} extra */
	const getMany = (extra, customer = 'cus_sandbox_3') => ({ resource: 'paymentMethod', operation: 'getAll', customerId: byId(customer), ...extra });

	pagingTests({ paged, parameters: getMany, path: '/v1/customers/cus_sandbox_3/payment_methods', newestFirst: () => theirs(), stored: (id) => methods().get(id) });

	test('Filters → Type, in the query string', async () => {
		const result = await paged.run(getMany({ returnAll: true, filters: { type: 'alipay' } }));
		expect(paged.sim.requests.map((r) => r.query)).toEqual([{ limit: '100', type: 'alipay' }]);
		expect(result.output.map((o) => o.json.id)).toEqual(theirs('alipay'));
		expect(result.output).toHaveLength(1);
	});

	test('a type from an expression that is not one is refused before sending', async () => {
		const result = await paged.run(getMany({ returnAll: true, filters: { type: '={{ "cheque" }}' } }));
		expect(result.error?.message).toContain('Filters → Type is "cheque", which is not one of the allowed values [item 0]');
		expect(paged.sim.requests).toHaveLength(0);
	});

	test('the customer from each item: one list per item, its payment methods paired with it', async () => {
		const result = await paged.run(getMany({ returnAll: true }, '={{ $json.customer }}'), { items: [{ customer: 'cus_sandbox_1' }, { customer: 'cus_sandbox_2' }] });
		expect(paged.sim.requests.map((r) => r.path).sort()).toEqual(['/v1/customers/cus_sandbox_1/payment_methods', '/v1/customers/cus_sandbox_2/payment_methods']);
		expect(result.output.map((o) => [o.json.id, o.pairedItem])).toEqual([
			['pm_sandbox_1', { item: 0 }],
			['pm_sandbox_2', { item: 1 }],
		]);
	});

	test('a customer with none: no items, no error', async () => {
		const customer = paged.sim.addCustomer({ name: 'New' });
		const result = await paged.run(getMany({ returnAll: true }, customer.id));
		expect(result.status).toBe('success');
		expect(result.output).toEqual([]);
	});

	test("a customer WooshPay does not know: its 404 in its words", async () => {
		const result = await paged.run(getMany({ returnAll: true }, 'cus_nobody'));
		expect(result.error?.message).toBe("WooshPay error 404 Not Found: No such customer: 'cus_nobody' (type invalid_request_error, code resource_missing, param customer) [item 0]");
	});
});
