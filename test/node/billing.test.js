// @ts-check
'use strict';

/** @import { IDataObject } from 'n8n-workflow' */

const { expectRefused, expectRequest, useSimulator } = require('../harness/fixtures');
const { moneyMovementTests } = require('../harness/money-movements');

const { billingOf, addPrice, addInvoice } = require('../simulator/billing');

/**
 * Subscription → Create, Subscription Item → Create and Invoice → Get Many through the engine
 * against the simulator (test/simulator/billing.js). A subscription's first invoice may charge
 * the customer and a new item may charge a prorated amount, so both creates are money
 * movements: sent again only when WooshPay's answer says they were not carried out.
 */
const t = useSimulator();

const KEY = /^n8n-[0-9a-f]{40}$/;
const DAY = 86400;

/** A subscription of cus_sandbox_1 to the seeded monthly Pro plan; `extra` over it. @param {object} [extra] */
const subscribe = (extra = {}) => ({
	resource: 'subscription',
	operation: 'create',
	customer: 'cus_sandbox_1',
	items: { item: [{ price: 'price_sandbox_2', quantity: 1 }] },
	...extra,
});
const BASE = { customer: 'cus_sandbox_1', items: [{ price: 'price_sandbox_2', quantity: 1 }] };

/**
 * A subscription item for sub_sandbox_1 (monthly, USD) with a monthly USD price of its own, made at `sim`.
 * @param {import('../harness/fixtures').Simulator} sim @param {object} [extra] @returns {{ price: string; parameters: IDataObject }}
 */
const addItem = (sim, extra = {}) => {
	const price = addPrice(sim, { currency: 'USD', unit_amount: '500', product: 'prod_sandbox_2', recurring: { interval: 'month' } });
	return { price: price.id, parameters: { resource: 'subscriptionItem', operation: 'create', subscription: 'sub_sandbox_1', price: price.id, ...extra } };
};

const subscriptions = () => billingOf(t.sim).subscriptions;
const subscriptionItems = () => billingOf(t.sim).subscriptionItems;

describe('Subscription → Create sends each field at its documented path', () => {
	test.each([
		['customer, items[].price, items[].quantity', subscribe(), BASE],
		['items[] with several prices; a quantity not saved is its default 1, one mapped to nothing is left out', subscribe({ items: { item: [{ price: 'price_sandbox_2', quantity: 3 }, { price: '={{ "price_sandbox_2" }}' }, { price: 'price_sandbox_2', quantity: '={{ "" }}' }] } }), { ...BASE, items: [{ price: 'price_sandbox_2', quantity: 3 }, { price: 'price_sandbox_2', quantity: 1 }, { price: 'price_sandbox_2' }] }],
		['cancel_at, Unix seconds', subscribe({ additionalFields: { cancelAt: '2027-01-01T00:00:00Z' } }), { ...BASE, cancel_at: 1798761600 }],
		['collection_method, days_until_due', subscribe({ additionalFields: { collectionMethod: 'send_invoice', daysUntilDue: 14 } }), { ...BASE, collection_method: 'send_invoice', days_until_due: 14 }],
		['currency', subscribe({ additionalFields: { currency: 'usd' } }), { ...BASE, currency: 'usd' }],
		['default_payment_method', subscribe({ additionalFields: { defaultPaymentMethod: 'pm_sandbox_1' } }), { ...BASE, default_payment_method: 'pm_sandbox_1' }],
		['description', subscribe({ additionalFields: { description: 'Pro for the design team' } }), { ...BASE, description: 'Pro for the design team' }],
		['metadata, as one JSON text', subscribe({ additionalFields: { metadata: { pair: [{ key: 'plan', value: 'pro' }, { key: 'seats', value: 5 }] } } }), { ...BASE, metadata: '{"plan":"pro","seats":"5"}' }],
		['trial_period_days', subscribe({ additionalFields: { trialPeriodDays: 14 } }), { ...BASE, trial_period_days: 14 }],
	])('%s', async (_path, parameters, body) => {
		const result = await t.run(parameters);
		expect(result.error).toBeUndefined();
		expect(t.sim.requests).toHaveLength(1);
		expectRequest(t.sim.requests[0], { method: 'POST', path: '/v1/subscriptions', body });
		expect(t.sim.requests[0].headers['idempotency-key']).toMatch(KEY);
		expect(result.output).toEqual([{ json: subscriptions().get(t.sim.mutations[0].id), pairedItem: { item: 0 } }]);
	});
});

describe('Subscription → Create', () => {
	test('outputs the subscription with its items and first invoice; metadata answered as an object', async () => {
		const result = await t.run(subscribe({ items: { item: [{ price: 'price_sandbox_2', quantity: 2 }] }, additionalFields: { metadata: { pair: [{ key: 'plan', value: 'pro' }] } } }));
		const subscription = subscriptions().get(t.sim.mutations[0].id);
		expect(result.output).toEqual([{ json: subscription, pairedItem: { item: 0 } }]);
		expect(subscription).toMatchObject({
			object: 'subscription',
			customer: 'cus_sandbox_1',
			status: 'active',
			currency: 'USD',
			metadata: { plan: 'pro' },
			items: { data: [{ object: 'subscription_item', quantity: 2, price: { id: 'price_sandbox_2' } }] },
		});
		expect(billingOf(t.sim).invoices.get(subscription.latest_invoice)).toMatchObject({ subscription: subscription.id, amount_due: 3000, status: 'paid' });
	});

	test('with a trial and an invoice to send: trialing, the first invoice 0', async () => {
		const result = await t.run(subscribe({ additionalFields: { trialPeriodDays: 7, collectionMethod: 'send_invoice', daysUntilDue: 10 } }));
		expect(result.output[0].json).toMatchObject({ status: 'trialing', collection_method: 'send_invoice', days_until_due: 10 });
		const { trial_start: start, trial_end: end } = /** @type {{ trial_start: number; trial_end: number }} */ (result.output[0].json);
		expect(end - start).toBe(7 * DAY);
	});

	test.each([
		['an empty item list', subscribe({ items: { item: [] } }), 'Items has no item [item 0]', 'Add at least one item with the price the customer subscribes to.'],
		['no items at all', subscribe({ items: {} }), 'Items has no item [item 0]', 'Add at least one item'],
		['an item without a price', subscribe({ items: { item: [{ price: 'price_sandbox_2', quantity: 1 }, { price: '', quantity: 2 }] } }), 'Items → entry 2 → Price ID is empty [item 0]', 'Enter a value'],
		['an item whose price is mapped to nothing', subscribe({ items: { item: [{ price: '={{ $json.price }}', quantity: 1 }] } }), 'Items → entry 1 → Price ID is empty [item 0]', 'Enter a value'],
		['a quantity of 1.5', subscribe({ items: { item: [{ price: 'price_sandbox_2', quantity: 1.5 }] } }), 'Items → entry 1 → Quantity is 1.5, which is not a whole number of 1 or more [item 0]', 'such as 1 or 2'],
		['a quantity written "2.0"', subscribe({ items: { item: [{ price: 'price_sandbox_2', quantity: '={{ "2.0" }}' }] } }), 'Items → entry 1 → Quantity is "2.0", which is not a whole number of 1 or more [item 0]', 'such as 1 or 2'],
		['a quantity in hexadecimal', subscribe({ items: { item: [{ price: 'price_sandbox_2', quantity: '={{ "0x10" }}' }] } }), 'Items → entry 1 → Quantity is "0x10", which is not a whole number of 1 or more [item 0]', 'such as 1 or 2'],
		['an empty customer ID', subscribe({ customer: '={{ $json.customer }}' }), 'Customer ID is empty [item 0]', 'Enter a value'],
		['trial days of 12.50', subscribe({ additionalFields: { trialPeriodDays: '={{ "12.50" }}' } }), 'Additional Fields → Trial Period Days is "12.50", which is not a whole number of 1 or more [item 0]', 'such as 1 or 2'],
		['days until due of 0', subscribe({ additionalFields: { collectionMethod: 'send_invoice', daysUntilDue: 0 } }), 'Additional Fields → Days Until Due is 0, which is not a whole number of 1 or more [item 0]', 'such as 1 or 2'],
		['a cancel date that is none', subscribe({ additionalFields: { cancelAt: '={{ "soon" }}' } }), 'Additional Fields → Cancel At is "soon", which is not a date and time [item 0]', 'Unix seconds'],
		['a collection method by expression', subscribe({ additionalFields: { collectionMethod: '={{ "invoice" }}' } }), 'Additional Fields → Collection Method is "invoice", which is not one of the allowed values [item 0]', 'Use one of: charge_automatically, send_invoice.'],
		['a currency name', subscribe({ additionalFields: { currency: 'euro' } }), 'Additional Fields → Currency is "euro", which is not a three-letter currency code [item 0]', 'ISO 4217'],
		['a metadata pair without a key', subscribe({ additionalFields: { metadata: { pair: [{ key: ' ', value: 'x' }] } } }), 'Additional Fields → Metadata pair 1 has an empty key [item 0]', 'Give every metadata pair a key'],
	])('refused before sending: %s', async (_case, parameters, message, fix) => {
		await expectRefused(t, parameters, message, fix);
	});

	test("WooshPay's refusals in its words: a price that is not recurring, a payment method of another customer", async () => {
		const oneTime = await t.run(subscribe({ items: { item: [{ price: 'price_sandbox_1', quantity: 1 }] } }));
		expect(oneTime.error?.message).toBe(
			'WooshPay error 400 Bad Request: The price price_sandbox_1 is not recurring: a subscription needs recurring prices. (type invalid_request_error, code parameter_invalid, param items[0][price]) [item 0]',
		);
		const otherCustomers = await t.run(subscribe({ additionalFields: { defaultPaymentMethod: 'pm_sandbox_2' } }));
		expect(otherCustomers.error?.message).toBe(
			"WooshPay error 400 Bad Request: No such payment method of cus_sandbox_1: 'pm_sandbox_2' (type invalid_request_error, code resource_missing, param default_payment_method) [item 0]",
		);
		expect(t.sim.mutations).toHaveLength(0);
	});

	test('Continue On Fail: one output per item, paired', async () => {
		const result = await t.run(subscribe({ customer: '={{ $json.customer }}', items: { item: [{ price: '={{ $json.price }}', quantity: 1 }] } }), {
			continueOnFail: true,
			items: [
				{ customer: 'cus_sandbox_1', price: 'price_sandbox_2' },
				{ customer: 'cus_sandbox_1', price: '' },
				{ customer: 'cus_gone', price: 'price_sandbox_2' },
				{ customer: 'cus_sandbox_3', price: 'price_sandbox_3' },
			],
		});
		expect(result.output.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(result.output[0].json).toMatchObject({ object: 'subscription', customer: 'cus_sandbox_1' });
		expect(result.output[1].json).toEqual({
			error: 'Items → entry 1 → Price ID is empty [item 1]. Enter a value, or map one from an earlier node with an expression such as {{ $json.id }}.',
		});
		expect(result.output[2].json).toEqual({
			error: "WooshPay error 400 Bad Request: No such customer: 'cus_gone' (type invalid_request_error, code resource_missing, param customer) [item 2]",
		});
		expect(result.output[3].json).toMatchObject({ object: 'subscription', customer: 'cus_sandbox_3' });
		expect(t.sim.requests).toHaveLength(3);
	});
});

describe('Subscription Item → Create sends each field at its documented path', () => {
	test.each([
		['subscription, price', () => [{}, {}]],
		['metadata, as one JSON text', () => [{ additionalFields: { metadata: { pair: [{ key: 'seat', value: 'design' }] } } }, { metadata: '{"seat":"design"}' }]],
		['quantity', () => [{ additionalFields: { quantity: 4 } }, { quantity: 4 }]],
	])('%s', async (_path, fields) => {
		const [extra, body] = fields();
		const { price, parameters } = addItem(t.sim, extra);
		const result = await t.run(parameters);
		expect(result.error).toBeUndefined();
		expectRequest(t.sim.requests[0], { method: 'POST', path: '/v1/subscription_items', body: { subscription: 'sub_sandbox_1', price, ...body } });
		expect(t.sim.requests[0].headers['idempotency-key']).toMatch(KEY);
		const item = subscriptionItems().get(t.sim.mutations[0].id);
		expect(result.output).toEqual([{ json: item, pairedItem: { item: 0 } }]);
		expect(item).toMatchObject({ object: 'subscription_item', subscription: 'sub_sandbox_1', price: { id: price } });
		expect(subscriptions().get('sub_sandbox_1').items.data.map((/** @type {{ id: string }} */ i) => i.id)).toContain(item.id);
	});
});

describe('Subscription Item → Create', () => {
	test('the metadata text is answered as an object', async () => {
		const { parameters } = addItem(t.sim, { additionalFields: { metadata: { pair: [{ key: 'team', value: 'ops' }] }, quantity: 2 } });
		const result = await t.run(parameters);
		expect(result.output[0].json).toMatchObject({ metadata: { team: 'ops' }, quantity: 2 });
	});

	test.each([
		['an empty subscription ID', { subscription: '={{ $json.sub }}' }, 'Subscription ID is empty [item 0]', 'Enter a value'],
		['an empty price ID', { price: '={{ "  " }}' }, 'Price ID is empty [item 0]', 'Enter a value'],
		['a quantity of 2.5', { additionalFields: { quantity: 2.5 } }, 'Additional Fields → Quantity is 2.5, which is not a whole number of 1 or more [item 0]', 'such as 1 or 2'],
		['a quantity written "12.50"', { additionalFields: { quantity: '={{ "12.50" }}' } }, 'Additional Fields → Quantity is "12.50", which is not a whole number of 1 or more [item 0]', 'such as 1 or 2'],
	])('refused before sending: %s', async (_case, extra, message, fix) => {
		await expectRefused(t, addItem(t.sim, extra).parameters, message, fix);
	});

	test("WooshPay's refusal of a yearly price in a monthly subscription, in its words", async () => {
		const result = await t.run({ resource: 'subscriptionItem', operation: 'create', subscription: 'sub_sandbox_1', price: 'price_sandbox_3' });
		expect(result.error?.message).toBe(
			'WooshPay error 400 Bad Request: Every price of a subscription must have one currency and interval (USD, month; this one USD, year). (type invalid_request_error, code parameter_invalid, param price) [item 0]',
		);
	});
});

describe('Subscription and Subscription Item → Create move money: sent again only when WooshPay says they were not carried out', () => {
	describe('Subscription → Create', () => moneyMovementTests(t, () => subscribe(), (sim) => billingOf(sim).subscriptions, '/v1/subscriptions'));
	describe('Subscription Item → Create', () => moneyMovementTests(t, (sim) => addItem(sim).parameters, (sim) => billingOf(sim).subscriptionItems, '/v1/subscription_items'));
});

describe('Invoice → Get Many', () => {
	const paged = useSimulator({ maxPageSize: 2 });
	/** The invoices of the paged simulator, newest first, optionally only those `keep` keeps. @param {(invoice: any) => boolean} [keep] */
	const newestFirst = (keep = () => true) =>
		[...billingOf(paged.sim).invoices.values()].filter(keep).sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : -1));
	beforeAll(() => {
		// Three seeded invoices and three more: three pages of two.
		const price = billingOf(paged.sim).prices.get('price_sandbox_1');
		for (let i = 0; i < 3; i++) addInvoice(paged.sim, { customer: 'cus_sandbox_3' }, [{ price, quantity: i + 1 }]);
	});
	/** @param {object} extra */
	const getMany = (extra) => ({ resource: 'invoice', operation: 'getAll', ...extra });

	test('Return All follows has_more and starting_after across three pages; each invoice one item, as WooshPay gives it', async () => {
		const invoices = newestFirst();
		const ids = invoices.map((i) => i.id);
		expect(ids).toHaveLength(6);
		const result = await paged.run(getMany({ returnAll: true }));
		expect(result.output).toEqual(invoices.map((json) => ({ json, pairedItem: { item: 0 } })));
		expect(paged.sim.requests.map((r) => r.query)).toEqual([
			{ limit: '100' },
			{ limit: '100', starting_after: ids[1] },
			{ limit: '100', starting_after: ids[3] },
		]);
		for (const request of paged.sim.requests) expectRequest(request, { method: 'GET', path: '/v1/invoices', body: undefined, query: request.query });
		expect(paged.sim.requests.every((r) => r.headers['idempotency-key'] === undefined)).toBe(true);
	});

	test('Limit stops without fetching a page it does not need', async () => {
		const ids = newestFirst().map((i) => i.id);
		const three = await paged.run(getMany({ returnAll: false, limit: 3 }));
		expect(three.output.map((o) => o.json.id)).toEqual(ids.slice(0, 3));
		expect(paged.sim.requests.map((r) => r.query)).toEqual([{ limit: '3' }, { limit: '1', starting_after: ids[1] }]);
		paged.sim.reset();
		const four = await paged.run(getMany({ returnAll: false, limit: 4 }));
		expect(four.output.map((o) => o.json.id)).toEqual(ids.slice(0, 4));
		expect(paged.sim.requests.map((r) => r.query)).toEqual([{ limit: '4' }, { limit: '2', starting_after: ids[1] }]);
	});

	test.each([
		['customer', { customer: 'cus_sandbox_3' }, { customer: 'cus_sandbox_3' }, (/** @type {any} */ i) => i.customer === 'cus_sandbox_3'],
		['subscription', { subscription: 'sub_sandbox_1' }, { subscription: 'sub_sandbox_1' }, (/** @type {any} */ i) => i.subscription === 'sub_sandbox_1'],
		['customer and subscription', { customer: ' cus_sandbox_3 ', subscription: 'sub_sandbox_2' }, { customer: 'cus_sandbox_3', subscription: 'sub_sandbox_2' }, (/** @type {any} */ i) => i.subscription === 'sub_sandbox_2'],
	])('Filters → %s in the query string', async (_case, filters, query, keep) => {
		const wanted = newestFirst(keep);
		expect(wanted.length).toBeGreaterThan(0);
		const result = await paged.run(getMany({ returnAll: true, filters }));
		expect(paged.sim.requests[0].query).toEqual({ limit: '100', ...query });
		expect(paged.sim.requests.every((r) => r.body === undefined)).toBe(true);
		expect(result.output.map((o) => o.json)).toEqual(wanted);
	});

	test('none found: no items, no error', async () => {
		const result = await paged.run(getMany({ returnAll: true, filters: { customer: 'cus_sandbox_2', subscription: 'sub_sandbox_2' } }));
		expect(result.status).toBe('success');
		expect(result.output).toEqual([]);
	});

	test('a filter mapped to nothing is refused before sending', async () => {
		const result = await paged.run(getMany({ returnAll: true, filters: { subscription: '={{ $json.sub }}' } }));
		expect(paged.sim.requests).toHaveLength(0);
		expect(result.error?.message).toBe(
			'Filters → Subscription ID is empty [item 0]. Enter a value, or map one from an earlier node with an expression such as {{ $json.id }}.',
		);
	});

	test('one list per input item, each paired with its item', async () => {
		const result = await paged.run(getMany({ returnAll: true, filters: { subscription: '={{ $json.sub }}' } }), { items: [{ sub: 'sub_sandbox_2' }, { sub: 'sub_sandbox_1' }] });
		expect(result.output.map((o) => [o.json.subscription, o.pairedItem])).toEqual([
			['sub_sandbox_2', { item: 0 }],
			['sub_sandbox_1', { item: 1 }],
		]);
	});
});
