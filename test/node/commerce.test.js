// @ts-check
'use strict';

/** @import { IDataObject } from 'n8n-workflow' */

const { byId, expectRefused, expectRequest, useSimulator } = require('../harness/fixtures');

const { billingOf } = require('../simulator/billing');

/**
 * Product → Create and Get, Price → Create, Get and Update, Coupon → Create and Get, Promotion
 * Code → Create through the engine against the simulator (test/simulator/billing.js), each field
 * at its documented JSON path, with the odd types the pages show: a price's unit_amount, active,
 * recurring.interval_count and metadata as text, a promotion code's expires_at as text at the
 * singular path /v1/promotion_code.
 */
const t = useSimulator();

const KEY = /^n8n-[0-9a-f]{40}$/;

/** The object the simulator made (or changed) for the run's change, from its store. @param {'products' | 'prices' | 'coupons' | 'promotionCodes'} store */
const made = (store) => billingOf(t.sim)[store].get(t.sim.mutations[0].id);

/**
 * Runs `parameters`, expects one POST to `path` with `body` and an Idempotency-Key, and the
 * object made as the only output item.
 * @param {IDataObject} parameters @param {string} path @param {unknown} body @param {'products' | 'prices' | 'coupons' | 'promotionCodes'} store
 */
async function expectCreated(parameters, path, body, store) {
	const result = await t.run(parameters);
	expect(result.error).toBeUndefined();
	expect(t.sim.requests).toHaveLength(1);
	expectRequest(t.sim.requests[0], { method: 'POST', path, body });
	expect(t.sim.requests[0].headers['idempotency-key']).toMatch(KEY);
	expect(result.output).toEqual([{ json: made(store), pairedItem: { item: 0 } }]);
	return result.output[0].json;
}

describe('Product → Create', () => {
	/** @param {object} [additionalFields] */
	const create = (additionalFields = {}, name = 'Coffee mug') => ({ resource: 'product', operation: 'create', name, additionalFields });

	test.each([
		['name', {}, {}],
		['active', { active: false }, { active: false }],
		['description', { description: 'Stoneware, 350 ml' }, { description: 'Stoneware, 350 ml' }],
		['images (several, separated by commas)', { images: 'https://shop.example.com/a.png, https://shop.example.com/b.png' }, { images: ['https://shop.example.com/a.png', 'https://shop.example.com/b.png'] }],
		['metadata', { metadata: { pair: [{ key: 'sku', value: 'MUG-1' }] } }, { metadata: { sku: 'MUG-1' } }],
		['url', { url: 'https://shop.example.com/mug' }, { url: 'https://shop.example.com/mug' }],
	])('%s', async (_path, fields, body) => {
		const product = await expectCreated(create(fields), '/v1/products', { name: 'Coffee mug', ...body }, 'products');
		expect(product).toMatchObject({ object: 'product', name: 'Coffee mug', ...body });
	});

	test('refused before sending: an empty name, a switch given as words, an image list that is not one', async () => {
		await expectRefused(t, create({}, '={{ $json.name }}'), 'Name is empty [item 0]', 'Enter a value');
		await expectRefused(t, create({ active: '={{ "yes" }}' }), 'Additional Fields → Active is "yes", which is not true or false [item 0]', 'give true or false');
		await expectRefused(t, create({ images: '={{ { a: 1 } }}' }), 'Additional Fields → Image URLs is {"a":1}, which is not a list [item 0]', 'separated by commas');
	});
});

describe('Product → Get', () => {
	test('GET /v1/products/{id}, no body, no idempotency key; outputs the product', async () => {
		const result = await t.run({ resource: 'product', operation: 'get', productId: byId(' prod_sandbox_2 ') });
		expectRequest(t.sim.requests[0], { method: 'GET', path: '/v1/products/prod_sandbox_2', body: undefined });
		expect(t.sim.requests[0].headers['idempotency-key']).toBeUndefined();
		expect(result.output).toEqual([{ json: billingOf(t.sim).products.get('prod_sandbox_2'), pairedItem: { item: 0 } }]);
		expect(result.output[0].json).toMatchObject({ name: 'Pro plan', metadata: { tier: 'pro' } });
	});
});

describe('Price → Create', () => {
	/** A price of the seeded T-shirt, 25.00 USD; `extra` over it. @param {object} [extra] */
	const create = (extra = {}) => ({ resource: 'price', operation: 'create', productFrom: 'existing', product: 'prod_sandbox_1', currency: 'USD', unitAmount: 2500, ...extra });
	const BASE = { product: 'prod_sandbox_1', currency: 'USD', unit_amount: '2500' };
	/** A price of a new product named Gift card; `fields` are its New Product Fields. @param {object} [fields] */
	const newProduct = (fields = {}) => create({ productFrom: 'new', productName: 'Gift card', productData: fields });
	const { product: _existing, ...NEW } = BASE;

	test.each([
		['product', create(), BASE],
		['product_data.name', newProduct(), { ...NEW, product_data: { name: 'Gift card' } }],
		['product_data.active', newProduct({ active: false }), { ...NEW, product_data: { name: 'Gift card', active: false } }],
		['product_data.description', newProduct({ description: 'Any amount' }), { ...NEW, product_data: { name: 'Gift card', description: 'Any amount' } }],
		['product_data.images', newProduct({ images: 'https://shop.example.com/gift.png' }), { ...NEW, product_data: { name: 'Gift card', images: ['https://shop.example.com/gift.png'] } }],
		['product_data.metadata', newProduct({ metadata: { pair: [{ key: 'kind', value: 'gift' }] } }), { ...NEW, product_data: { name: 'Gift card', metadata: { kind: 'gift' } } }],
		['product_data.url', newProduct({ url: 'https://shop.example.com/gift' }), { ...NEW, product_data: { name: 'Gift card', url: 'https://shop.example.com/gift' } }],
		['currency', create({ currency: 'gbp' }), { ...BASE, currency: 'gbp' }],
		['unit_amount, as text', create({ unitAmount: 1999 }), { ...BASE, unit_amount: '1999' }],
		['unit_amount 0, a free price', create({ unitAmount: 0 }), { ...BASE, unit_amount: '0' }],
		['active, as the text "false"', create({ additionalFields: { active: false } }), { ...BASE, active: 'false' }],
		['active, as the text "true"', create({ additionalFields: { active: true } }), { ...BASE, active: 'true' }],
		['billing_scheme', create({ additionalFields: { billingScheme: 'per_unit' } }), { ...BASE, billing_scheme: 'per_unit' }],
		['lookup_key', create({ additionalFields: { lookupKey: 'tshirt_sale_usd' } }), { ...BASE, lookup_key: 'tshirt_sale_usd' }],
		['metadata, as one JSON text', create({ additionalFields: { metadata: { pair: [{ key: 'sku', value: 'TS-1' }, { key: 'season', value: 2026 }] } } }), { ...BASE, metadata: '{"sku":"TS-1","season":"2026"}' }],
		['nickname', create({ additionalFields: { nickname: 'Sale' } }), { ...BASE, nickname: 'Sale' }],
		['recurring.interval', create({ additionalFields: { recurring: { interval: 'week' } } }), { ...BASE, recurring: { interval: 'week' } }],
		['recurring.interval_count, as text', create({ additionalFields: { recurring: { interval: 'month', intervalCount: 3 } } }), { ...BASE, recurring: { interval: 'month', interval_count: '3' } }],
		['recurring.usage_type', create({ additionalFields: { recurring: { interval: 'year', usageType: 'licensed' } } }), { ...BASE, recurring: { interval: 'year', usage_type: 'licensed' } }],
	])('%s', async (_path, parameters, body) => {
		await expectCreated(parameters, '/v1/prices', body, 'prices');
	});

	test('every field at once: the texts of the page become the price\'s numbers and switch in its answer', async () => {
		const price = await expectCreated(
			create({
				unitAmount: '={{ "1500" }}',
				additionalFields: {
					active: true,
					billingScheme: 'per_unit',
					lookupKey: 'tshirt_quarterly',
					metadata: { pair: [{ key: 'plan', value: 'quarterly' }] },
					nickname: 'Quarterly',
					recurring: { interval: 'month', intervalCount: '={{ 3 }}', usageType: 'licensed' },
				},
			}),
			'/v1/prices',
			{
				...BASE,
				unit_amount: '1500',
				active: 'true',
				billing_scheme: 'per_unit',
				lookup_key: 'tshirt_quarterly',
				metadata: '{"plan":"quarterly"}',
				nickname: 'Quarterly',
				recurring: { interval: 'month', interval_count: '3', usage_type: 'licensed' },
			},
			'prices',
		);
		expect(price).toMatchObject({
			object: 'price',
			active: true,
			currency: 'USD',
			unit_amount: 1500,
			type: 'recurring',
			recurring: { interval: 'month', interval_count: 3, usage_type: 'licensed' },
			metadata: { plan: 'quarterly' },
			product: 'prod_sandbox_1',
		});
	});

	test('with a new product: WooshPay makes the product too', async () => {
		const price = await expectCreated(newProduct({ description: 'Any amount' }), '/v1/prices', { ...NEW, product_data: { name: 'Gift card', description: 'Any amount' } }, 'prices');
		expect(billingOf(t.sim).products.get(String(price.product))).toMatchObject({ name: 'Gift card', description: 'Any amount' });
	});

	test('exactly one of product and product_data is sent, whatever the hidden fields hold', async () => {
		await t.run(create({ productName: 'Stale', productData: { description: 'stale' } }));
		expect(t.sim.requests[0].body).toEqual(BASE);
		t.sim.reset();
		await t.run(create({ productFrom: 'new', productName: 'Gift card', product: 'prod_sandbox_1' }));
		expect(t.sim.requests[0].body).toEqual({ ...NEW, product_data: { name: 'Gift card' } });
	});

	test.each([
		['Recurring without Interval', create({ additionalFields: { recurring: { intervalCount: 3 } } }), 'Additional Fields → Recurring → Interval is required when other Recurring fields are set [item 0]', 'Add Interval, or remove the other Recurring fields.'],
		['a unit amount with cents', create({ unitAmount: 12.5 }), 'Unit Amount is 12.5, which is not a whole number of zero or more [item 0]', "currency's smallest unit"],
		['a unit amount written as money', create({ unitAmount: '={{ "12.50" }}' }), 'Unit Amount is "12.50", which is not a whole number of zero or more [item 0]', 'such as 5000 for 50.00 USD'],
		['a unit amount in hexadecimal', create({ unitAmount: '={{ "0x10" }}' }), 'Unit Amount is "0x10", which is not a whole number of zero or more [item 0]', 'whole number'],
		['a negative unit amount', create({ unitAmount: '={{ -1 }}' }), 'Unit Amount is -1, which is not a whole number of zero or more [item 0]', 'whole number'],
		['an interval count of 0', create({ additionalFields: { recurring: { interval: 'month', intervalCount: 0 } } }), 'Additional Fields → Recurring → Interval Count is 0, which is not a whole number of 1 or more [item 0]', 'such as 1 or 2'],
		['an interval count of 1.5', create({ additionalFields: { recurring: { interval: 'month', intervalCount: '={{ "1.5" }}' } } }), 'Additional Fields → Recurring → Interval Count is "1.5", which is not a whole number of 1 or more [item 0]', 'such as 1 or 2'],
		['an interval by expression', create({ additionalFields: { recurring: { interval: '={{ "monthly" }}' } } }), 'Additional Fields → Recurring → Interval is "monthly", which is not one of the allowed values [item 0]', 'Use one of: day, month, week, year.'],
		['a billing scheme by expression', create({ additionalFields: { billingScheme: '={{ "volume" }}' } }), 'Additional Fields → Billing Scheme is "volume", which is not one of the allowed values [item 0]', 'Use one of: per_unit, tiered.'],
		['an empty product ID', create({ product: '={{ $json.product }}' }), 'Product ID is empty [item 0]', 'Enter a value'],
		['an empty new product name', create({ productFrom: 'new', productName: '={{ "" }}' }), 'Product Name is empty [item 0]', 'Enter a value'],
		['a new product image list that is not one', newProduct({ images: '={{ 5 }}' }), 'New Product Fields → Image URLs is 5, which is not a list [item 0]', 'separated by commas'],
		['a currency name', create({ currency: 'dollars' }), 'Currency is "dollars", which is not a three-letter currency code [item 0]', 'ISO 4217'],
		['a metadata key given twice', create({ additionalFields: { metadata: { pair: [{ key: 'a', value: '1' }, { key: 'a', value: '2' }] } } }), 'Additional Fields → Metadata has the key "a" twice [item 0]', 'Give each key once'],
	])('refused before sending: %s', async (_case, parameters, message, fix) => {
		await expectRefused(t, parameters, message, fix);
	});

	test("WooshPay's refusals in its words: a product it does not know, a lookup key taken", async () => {
		const unknown = await t.run(create({ product: 'prod_gone' }));
		expect(unknown.error?.message).toBe("WooshPay error 400 Bad Request: No such product: 'prod_gone' (type invalid_request_error, code resource_missing, param product) [item 0]");
		const taken = await t.run(create({ additionalFields: { lookupKey: 'tshirt_standard' } }));
		expect(taken.error?.message).toBe(
			"WooshPay error 400 Bad Request: A price (price_sandbox_1) already uses the lookup key 'tshirt_standard'. (type invalid_request_error, code lookup_key_taken, param lookup_key) [item 0]",
		);
		expect(t.sim.mutations).toHaveLength(0);
	});

	test('Continue On Fail: one output per item, paired', async () => {
		const result = await t.run(create({ unitAmount: '={{ $json.cents }}', product: '={{ $json.product }}' }), {
			continueOnFail: true,
			items: [
				{ product: 'prod_sandbox_1', cents: 900 },
				{ product: 'prod_sandbox_1', cents: '9.00' },
				{ product: 'prod_gone', cents: 900 },
			],
		});
		expect(result.output.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.output[0].json).toMatchObject({ object: 'price', unit_amount: 900, product: 'prod_sandbox_1' });
		expect(result.output[1].json).toEqual({
			error: "Unit Amount is \"9.00\", which is not a whole number of zero or more [item 1]. Give the amount in the currency's smallest unit as a whole number, such as 5000 for 50.00 USD.",
		});
		expect(result.output[2].json).toEqual({
			error: "WooshPay error 400 Bad Request: No such product: 'prod_gone' (type invalid_request_error, code resource_missing, param product) [item 2]",
		});
		expect(t.sim.requests).toHaveLength(2);
	});
});

describe('Price → Get', () => {
	test('GET /v1/prices/{id}; outputs the price', async () => {
		const result = await t.run({ resource: 'price', operation: 'get', priceId: byId('price_sandbox_2') });
		expectRequest(t.sim.requests[0], { method: 'GET', path: '/v1/prices/price_sandbox_2', body: undefined });
		expect(result.output).toEqual([{ json: billingOf(t.sim).prices.get('price_sandbox_2'), pairedItem: { item: 0 } }]);
		expect(result.output[0].json).toMatchObject({ unit_amount: 1500, recurring: { interval: 'month', interval_count: 1 } });
	});
});

describe('Price → Update', () => {
	/** @param {object} updateFields */
	const update = (updateFields, id = 'price_sandbox_3') => ({ resource: 'price', operation: 'update', priceId: byId(id), updateFields });
	const PATH = '/v1/prices/price_sandbox_3';

	test.each([
		['active, as the text "false"', { active: false }, { active: 'false' }],
		['lookup_key', { lookupKey: 'pro_yearly_2027' }, { lookup_key: 'pro_yearly_2027' }],
		['metadata, as one JSON text', { metadata: { pair: [{ key: 'reviewed', value: 'yes' }] } }, { metadata: '{"reviewed":"yes"}' }],
		['nickname', { nickname: 'Pro, yearly' }, { nickname: 'Pro, yearly' }],
	])('%s', async (_path, fields, body) => {
		const result = await t.run(update(fields));
		expect(result.error).toBeUndefined();
		expectRequest(t.sim.requests[0], { method: 'POST', path: PATH, body });
		expect(t.sim.requests[0].headers['idempotency-key']).toMatch(KEY);
		expect(result.output).toEqual([{ json: billingOf(t.sim).prices.get('price_sandbox_3'), pairedItem: { item: 0 } }]);
	});

	test('all at once: the price answers with them as its own types', async () => {
		const result = await t.run(update({ active: true, lookupKey: 'pro_yearly_v2', metadata: { pair: [{ key: 'v', value: '2' }] }, nickname: 'Pro yearly v2' }));
		expect(t.sim.requests[0].body).toEqual({ active: 'true', lookup_key: 'pro_yearly_v2', metadata: '{"v":"2"}', nickname: 'Pro yearly v2' });
		expect(result.output[0].json).toMatchObject({ active: true, lookup_key: 'pro_yearly_v2', metadata: { v: '2' }, nickname: 'Pro yearly v2' });
	});
});

describe('Coupon → Create', () => {
	/** @param {object} [extra] */
	const create = (extra = {}) => ({ resource: 'coupon', operation: 'create', discount: 'percent', percentOff: 25, duration: 'once', ...extra });

	test.each([
		['percent_off', create(), { percent_off: 25, duration: 'once' }],
		['percent_off 12.5', create({ percentOff: 12.5 }), { percent_off: 12.5, duration: 'once' }],
		['percent_off 100', create({ percentOff: 100 }), { percent_off: 100, duration: 'once' }],
		['amount_off and currency', create({ discount: 'amount', amountOff: 500, currency: 'USD' }), { amount_off: 500, currency: 'USD', duration: 'once' }],
		['duration', create({ duration: 'forever' }), { percent_off: 25, duration: 'forever' }],
		['metadata', create({ additionalFields: { metadata: { pair: [{ key: 'campaign', value: 'spring' }] } } }), { percent_off: 25, duration: 'once', metadata: { campaign: 'spring' } }],
		['name', create({ additionalFields: { name: 'Spring sale' } }), { percent_off: 25, duration: 'once', name: 'Spring sale' }],
	])('%s', async (_path, parameters, body) => {
		const coupon = await expectCreated(parameters, '/v1/coupons', body, 'coupons');
		expect(coupon).toMatchObject({ object: 'coupon', valid: true, ...body });
	});

	test('exactly one of percent_off and amount_off is sent, whatever the hidden fields hold', async () => {
		await t.run(create({ amountOff: 500, currency: 'USD' }));
		expect(t.sim.requests[0].body).toEqual({ percent_off: 25, duration: 'once' });
		t.sim.reset();
		await t.run(create({ discount: 'amount', amountOff: 700, currency: 'GBP', percentOff: 50 }));
		expect(t.sim.requests[0].body).toEqual({ amount_off: 700, currency: 'GBP', duration: 'once' });
	});

	test.each([
		['percent 0', { percentOff: 0 }, 'Percent Off is 0, which is not a percentage above 0 and at most 100 [item 0]'],
		['percent 100.5', { percentOff: '={{ 100.5 }}' }, 'Percent Off is 100.5, which is not a percentage above 0 and at most 100 [item 0]'],
		['percent -5', { percentOff: '={{ -5 }}' }, 'Percent Off is -5, which is not a percentage above 0 and at most 100 [item 0]'],
		['percent as words', { percentOff: '={{ "a quarter" }}' }, 'Percent Off is "a quarter", which is not a percentage above 0 and at most 100 [item 0]'],
		['percent with a sign', { percentOff: '={{ "25%" }}' }, 'Percent Off is "25%", which is not a percentage above 0 and at most 100 [item 0]'],
	])('a percent outside (0, 100] is refused before sending: %s', async (_case, extra, message) => {
		await expectRefused(t, create(extra), message, 'Give a number such as 25 for 25 % off.');
	});

	test('a percent given as text of a number is sent as that number', async () => {
		await t.run(create({ percentOff: '={{ "33.3" }}' }));
		expect(t.sim.requests[0].body).toEqual({ percent_off: 33.3, duration: 'once' });
	});

	test.each([
		['an amount with cents', { discount: 'amount', amountOff: 4.99, currency: 'USD' }, 'Amount Off is 4.99, which is not a whole number of 1 or more [item 0]', "currency's smallest unit"],
		['an amount written as money', { discount: 'amount', amountOff: '={{ "5.00" }}', currency: 'USD' }, 'Amount Off is "5.00", which is not a whole number of 1 or more [item 0]', 'such as 5000 for 50.00 USD'],
		['an amount whose currency is mapped to nothing', { discount: 'amount', amountOff: 500, currency: '={{ "" }}' }, 'Currency is "", which is not a three-letter currency code [item 0]', 'ISO 4217'],
		['a duration by expression', { duration: '={{ "twice" }}' }, 'Duration is "twice", which is not one of the allowed values [item 0]', 'Use one of: forever, once, repeating.'],
	])('refused before sending: %s', async (_case, extra, message, fix) => {
		await expectRefused(t, create(extra), message, fix);
	});
});

describe('Coupon → Get', () => {
	test('GET /v1/coupons/{id}; outputs the coupon', async () => {
		const result = await t.run({ resource: 'coupon', operation: 'get', couponId: byId('coupon_sandbox_2') });
		expectRequest(t.sim.requests[0], { method: 'GET', path: '/v1/coupons/coupon_sandbox_2', body: undefined });
		expect(result.output).toEqual([{ json: billingOf(t.sim).coupons.get('coupon_sandbox_2'), pairedItem: { item: 0 } }]);
		expect(result.output[0].json).toMatchObject({ amount_off: 500, currency: 'USD', duration: 'forever' });
	});
});

describe('Promotion Code → Create', () => {
	let codes = 0;
	/** A code of its own for each call, as an active code is unique. */
	const code = () => `SPRING${++codes}`;
	/** @param {object} [additionalFields] */
	const create = (additionalFields = {}, coupon = 'coupon_sandbox_1') => ({ resource: 'promotionCode', operation: 'create', coupon, additionalFields });
	// 2027-01-01T00:00:00Z
	const NEW_YEAR = 1798761600;

	test.each([
		['coupon (at the singular path /v1/promotion_code)', () => [{}, {}]],
		['active', () => [{ active: false }, { active: false }]],
		['code', () => { const c = code(); return [{ code: c }, { code: c }]; }],
		['customer', () => [{ customer: 'cus_sandbox_2' }, { customer: 'cus_sandbox_2' }]],
		['expires_at, Unix seconds as text, from a date with its offset', () => [{ expiresAt: '2027-01-01T01:00:00+01:00' }, { expires_at: String(NEW_YEAR) }]],
		['expires_at, from a date without one, in the workflow\'s time zone (Europe/London)', () => [{ expiresAt: '2027-07-01T12:00:00' }, { expires_at: String(Date.parse('2027-07-01T11:00:00Z') / 1000) }]],
		['expires_at, from Unix milliseconds', () => [{ expiresAt: `={{ ${NEW_YEAR * 1000} }}` }, { expires_at: String(NEW_YEAR) }]],
		['max_redemptions', () => [{ maxRedemptions: 100 }, { max_redemptions: 100 }]],
		['metadata', () => [{ metadata: { pair: [{ key: 'source', value: 'form' }] } }, { metadata: { source: 'form' } }]],
		['restrictions.first_time_transaction', () => [{ restrictions: { firstTimeTransaction: true } }, { restrictions: { first_time_transaction: true } }]],
		['restrictions.minimum_amount, .minimum_amount_currency', () => [{ restrictions: { minimumAmount: 5000, minimumAmountCurrency: 'USD' } }, { restrictions: { minimum_amount: 5000, minimum_amount_currency: 'USD' } }]],
	])('%s', async (_path, fields) => {
		const [additionalFields, body] = fields();
		const promotion = await expectCreated(create(additionalFields), '/v1/promotion_code', { coupon: 'coupon_sandbox_1', ...body }, 'promotionCodes');
		expect(promotion).toMatchObject({ object: 'promotion_code', coupon: billingOf(t.sim).coupons.get('coupon_sandbox_1') });
	});

	test('every field at once; the promotion code answers expires_at as a number', async () => {
		const c = code();
		const promotion = await expectCreated(
			create({
				active: true,
				code: c,
				customer: 'cus_sandbox_1',
				expiresAt: '2027-01-01T00:00:00Z',
				maxRedemptions: 1,
				metadata: { pair: [{ key: 'deal', value: 'D-9' }] },
				restrictions: { firstTimeTransaction: false, minimumAmount: 2000, minimumAmountCurrency: 'usd' },
			}),
			'/v1/promotion_code',
			{
				coupon: 'coupon_sandbox_1',
				active: true,
				code: c,
				customer: 'cus_sandbox_1',
				expires_at: String(NEW_YEAR),
				max_redemptions: 1,
				metadata: { deal: 'D-9' },
				restrictions: { first_time_transaction: false, minimum_amount: 2000, minimum_amount_currency: 'usd' },
			},
			'promotionCodes',
		);
		expect(promotion).toMatchObject({ code: c, expires_at: NEW_YEAR, customer: 'cus_sandbox_1', max_redemptions: 1 });
	});

	test.each([
		['an empty coupon ID', create({}, '={{ $json.coupon }}'), 'Coupon ID is empty [item 0]', 'Enter a value'],
		['an empty code (leave it out for WooshPay to make one)', create({ code: '={{ " " }}' }), 'Additional Fields → Code is empty [item 0]', 'Enter a value'],
		['an expiry that is no date', create({ expiresAt: '={{ "next Friday" }}' }), 'Additional Fields → Expires At is "next Friday", which is not a date and time [item 0]', 'YYYY-MM-DDTHH:MM:SS'],
		['max redemptions of 0', create({ maxRedemptions: 0 }), 'Additional Fields → Max Redemptions is 0, which is not a whole number of 1 or more [item 0]', 'such as 1 or 2'],
		['a minimum amount written as money', create({ restrictions: { minimumAmount: '={{ "20.00" }}', minimumAmountCurrency: 'USD' } }), 'Additional Fields → Restrictions → Minimum Amount is "20.00", which is not a whole number of 1 or more [item 0]', "currency's smallest unit"],
		['a minimum amount currency name', create({ restrictions: { minimumAmount: 2000, minimumAmountCurrency: 'dollar' } }), 'Additional Fields → Restrictions → Minimum Amount Currency is "dollar", which is not a three-letter currency code [item 0]', 'ISO 4217'],
	])('refused before sending: %s', async (_case, parameters, message, fix) => {
		await expectRefused(t, parameters, message, fix);
	});

	test("WooshPay's refusals in its words: a code already active, a coupon it does not know", async () => {
		const taken = await t.run(create({ code: 'welcome25' }));
		expect(taken.error?.message).toBe(
			"WooshPay error 400 Bad Request: An active promotion code (promo_sandbox_1) already has the code 'WELCOME25'. (type invalid_request_error, code resource_already_exists, param code) [item 0]",
		);
		const unknown = await t.run(create({}, 'coupon_gone'));
		expect(unknown.error?.message).toBe("WooshPay error 400 Bad Request: No such coupon: 'coupon_gone' (type invalid_request_error, code resource_missing, param coupon) [item 0]");
	});
});
