// @ts-check
'use strict';

/**
 * Products, prices, coupons, promotion codes, subscriptions, subscription items, invoices and
 * payment links (an endpoint module, see ROUTE_MODULES in simulator.js), as
 * ../shared/wooshpay/api/other.md and more.md mark them [seen]:
 *
 *   POST /v1/products               name (required), active, description, metadata, url, images
 *   GET  /v1/products/{id}
 *   POST /v1/prices                 currency, unit_amount (text, required), product | product_data (exactly
 *                                   one), active (text), metadata, nickname, billing_scheme, lookup_key,
 *                                   recurring {interval (required), interval_count (text), usage_type}
 *   GET  /v1/prices/{id}
 *   POST /v1/prices/{id}            active (text), metadata (text), nickname, lookup_key
 *   POST /v1/coupons                amount_off | percent_off (exactly one), currency (with amount_off),
 *                                   duration, metadata, name
 *   GET  /v1/coupons/{id}
 *   POST /v1/promotion_code         (singular, as the page's curl has it) coupon, code, metadata, active,
 *                                   customer, expires_at (text), max_redemptions, restrictions
 *   POST /v1/subscriptions          customer, items (both required), and the rest of the page's fields
 *   POST /v1/subscription_items     subscription (required), price | price_data (exactly one), quantity,
 *                                   metadata (text)
 *   GET  /v1/invoices               query: customer, subscription, limit (1 to 100), starting_after, ending_before
 *   GET  /v1/payment_links/{id}
 * Every GET of one object takes no query parameter.
 *
 * Odd types, accepted exactly as the pages show them: a price's `unit_amount` and
 * `recurring.interval_count`, and `price_data.unit_amount`, are whole numbers as text ("2500");
 * a price's `active` is the text "true" or "false"; the metadata of a price update, a
 * subscription and a subscription item is text, a JSON object of texts ('{"plan":"pro"}'),
 * merged into the object's metadata (an object in the answer, as issuing.js does for a
 * transaction). A price create's metadata is untyped on its page: an object or that text.
 *
 * What the pages do not show is this simulator's guess, kept plain:
 * - The objects' fields beyond the pages are Stripe's (a subscription's items, periods and
 *   latest_invoice; an invoice's amounts, lines and status; a coupon's applies_to and
 *   currency_options null). IDs: prod_, price_, coupon_, promo_, sub_, si_, in_, plink_, li_.
 * - A price's currency is kept in upper case (its page: "uppercase"); tiers are not accepted
 *   (not in the create body), so `tiers` is null; `lookup_key` is unique among prices;
 *   `usage_type` is only `licensed` (the one value seen).
 * - A coupon needs exactly one of amount_off (with currency) and percent_off (0 to 100);
 *   duration defaults to once; `repeating` is accepted though duration_in_months is not (it
 *   is not in the create body), so it stays null.
 * - A promotion code needs a coupon (Stripe's rule); without `code` one is made; a code is
 *   unique (whatever its case) among active ones; expires_at is Unix seconds as text, kept as
 *   an integer; minimum_amount needs minimum_amount_currency.
 * - A subscription's prices must be recurring, in one currency and interval; a month is 30
 *   days. Creating one makes its first invoice: paid when it charges automatically (the
 *   sandbox takes the money without a payment intent), open with send_invoice (due after
 *   days_until_due, default 30), 0 and paid during a trial (status trialing). add_invoice_items
 *   (one object on the page's table, an array in Stripe's) is accepted as either, added to
 *   that invoice. default_payment_method must be one of the customer's payment methods.
 *   Subscription items' metadata within `items` is text, as a subscription item's.
 * - A payment link's `url` is on WooshPay's test checkout host (the address form of its
 *   Checkout guide); nothing answers there.
 *
 * Events: product.created (a product create, or a price's product_data), when the simulator runs with `events`.
 *
 * Seeded: products prod_sandbox_1..3 (a T-shirt, a Pro plan, an inactive mug), prices
 * price_sandbox_1 (one-time 2500 USD), price_sandbox_2 (1500 USD a month) and price_sandbox_3
 * (15000 USD a year), coupons coupon_sandbox_1 (25 % once) and coupon_sandbox_2 (500 USD off,
 * forever), promotion code promo_sandbox_1 (WELCOME25), subscriptions sub_sandbox_1 (cus_sandbox_2,
 * monthly, item si_sandbox_1) and sub_sandbox_2 (cus_sandbox_3, yearly, trialing, item
 * si_sandbox_2), invoices in_sandbox_1 (paid, sub_sandbox_1), in_sandbox_2 (open, cus_sandbox_1,
 * no subscription) and in_sandbox_3 (sub_sandbox_2's trial), payment link plink_sandbox_1.
 */

const schema = require('./schema');
const { clone, invalid, refusedGet, listPage, filterBy, perSimulator, keep, dispatch, mergeMetadata, metadataOf, badMetadataText } = require('./util');
const { fire } = require('./webhooks');
const { paymentMethodsOf } = require('./payment-methods');

/** @typedef {import('./simulator').Simulator} Simulator */
/** @typedef {import('./util').Answer} Answer */

const INTERVALS = ['day', 'week', 'month', 'year'];
const DAY = 86400;
const INTERVAL_SECONDS = /** @type {Record<string, number>} */ ({ day: DAY, week: 7 * DAY, month: 30 * DAY, year: 365 * DAY });

const productFields = { active: 'boolean', description: 'string', metadata: schema.metadata, url: 'string', images: { array: 'string' } };
const productCreate = { object: { name: 'string', ...productFields }, required: ['name'] };

const priceCreate = {
	object: {
		currency: schema.currency,
		unit_amount: schema.digits,
		product: 'string',
		product_data: productCreate,
		active: { enum: ['true', 'false'] },
		metadata: { anyOf: [schema.metadata, schema.metadataText] },
		nickname: 'string',
		billing_scheme: { enum: ['per_unit', 'tiered'] },
		lookup_key: 'string',
		recurring: {
			object: { interval: { enum: INTERVALS }, interval_count: schema.digits, usage_type: { enum: ['licensed'] } },
			required: ['interval'],
		},
	},
	required: ['currency', 'unit_amount'],
};
const priceUpdate = { object: { active: { enum: ['true', 'false'] }, metadata: schema.metadataText, nickname: 'string', lookup_key: 'string' } };

const nullable = (/** @type {any} */ kind) => ({ anyOf: [kind, 'null'] });
const couponCreate = {
	object: {
		amount_off: nullable('integer'),
		currency: nullable(schema.currency),
		duration: { enum: ['forever', 'once', 'repeating'] },
		metadata: schema.metadata,
		name: 'string',
		percent_off: nullable('number'),
	},
};

const promotionCodeCreate = {
	object: {
		coupon: 'string',
		code: { pattern: '^[A-Za-z0-9_-]{1,500}$', hint: 'must be letters, digits, - and _ only' },
		metadata: schema.metadata,
		active: 'boolean',
		customer: 'string',
		expires_at: { pattern: '^[0-9]+$', hint: 'must be a Unix time in seconds, written as text' },
		max_redemptions: 'integer',
		restrictions: { object: { first_time_transaction: 'boolean', minimum_amount: 'integer', minimum_amount_currency: schema.currency } },
	},
	required: ['coupon'],
};

/** `price_data` of a subscription item ("all required inside", its page) and of a subscription's items. */
const recurringPriceData = {
	object: {
		currency: schema.currency,
		product: 'string',
		recurring: { object: { interval: { enum: INTERVALS }, interval_count: schema.digits }, required: ['interval', 'interval_count'] },
		unit_amount: schema.digits,
	},
	required: ['currency', 'product', 'recurring', 'unit_amount'],
};
const oneTimePriceData = { object: { currency: schema.currency, product: 'string', unit_amount: schema.digits }, required: ['currency', 'product', 'unit_amount'] };
const subscriptionItemFields = { price: 'string', price_data: recurringPriceData, quantity: 'integer', metadata: schema.metadataText };
const invoiceItem = { object: { price: 'string', price_data: oneTimePriceData, quantity: 'integer' } };

const subscriptionCreate = {
	object: {
		customer: 'string',
		items: { array: { object: { ...subscriptionItemFields, billing_thresholds: { object: { usage_gte: 'integer' } } } } },
		currency: schema.currency,
		default_payment_method: 'string',
		description: 'string',
		metadata: schema.metadataText,
		cancel_at: 'integer',
		collection_method: { enum: ['charge_automatically', 'send_invoice'] },
		days_until_due: 'integer',
		default_source: 'string',
		next_pending_invoice_item_invoice: 'integer',
		payment_settings: {
			object: {
				payment_method_options: { object: { card: { object: { request_three_d_secure: { enum: ['auto', 'any', 'automatic', 'challenge'] } } } } },
				payment_method_types: { array: { enum: schema.PAYMENT_METHOD_TYPES } },
				save_default_payment_method: { enum: ['off', 'on_subscription'] },
			},
		},
		test_clock: 'string',
		trial_period_days: 'integer',
		add_invoice_items: { anyOf: [{ array: invoiceItem }, invoiceItem] },
	},
	required: ['customer', 'items'],
};

const subscriptionItemCreate = { object: { subscription: 'string', ...subscriptionItemFields }, required: ['subscription'] };

/** @type {Record<string, 'string' | 'integer'>} */
const INVOICE_LIST_QUERY = { customer: 'string', subscription: 'string', limit: 'integer', starting_after: 'string', ending_before: 'string' };

/**
 * @typedef {object} Stores
 * @property {Map<string, any>} products
 * @property {Map<string, any>} prices
 * @property {Map<string, any>} coupons
 * @property {Map<string, any>} promotionCodes
 * @property {Map<string, any>} subscriptions
 * @property {Map<string, any>} subscriptionItems
 * @property {Map<string, any>} invoices
 * @property {Map<string, any>} paymentLinks
 */

/** @type {(sim: Simulator) => Stores} */
const billingOf = perSimulator(
	() => ({
		products: new Map(),
		prices: new Map(),
		coupons: new Map(),
		promotionCodes: new Map(),
		subscriptions: new Map(),
		subscriptionItems: new Map(),
		invoices: new Map(),
		paymentLinks: new Map(),
	}),
	seed,
);

/** @param {Simulator} sim @param {any} fields @param {string} [id] */
function addProduct(sim, fields, id = sim.nextId('prod')) {
	const created = sim.created();
	const product = { id, object: 'product', active: true, created, description: null, images: [], livemode: false, metadata: {}, name: '', updated: created, url: null, ...clone(fields) };
	billingOf(sim).products.set(id, product);
	fire(sim, 'product.created', product);
	return product;
}

/**
 * A price from a create body (or a `price_data`): the texts of the page turned into the
 * object's integers and boolean.
 * @param {Simulator} sim @param {any} body @param {string} [id]
 */
function addPrice(sim, body, id = sim.nextId('price')) {
	const product = body.product ?? (body.product_data ? addProduct(sim, body.product_data).id : null);
	const recurring = body.recurring ? { interval: body.recurring.interval, interval_count: Number(body.recurring.interval_count ?? 1), usage_type: body.recurring.usage_type ?? 'licensed' } : null;
	const price = {
		id,
		object: 'price',
		active: body.active !== 'false',
		billing_scheme: body.billing_scheme ?? 'per_unit',
		created: sim.created(),
		currency: body.currency.toUpperCase(),
		livemode: false,
		lookup_key: body.lookup_key ?? null,
		metadata: metadataOf(body.metadata) ?? {},
		nickname: body.nickname ?? null,
		product,
		recurring,
		tiers: null,
		type: recurring ? 'recurring' : 'one_time',
		unit_amount: Number(body.unit_amount),
	};
	return keep(billingOf(sim).prices, price);
}

/** @param {Simulator} sim @param {any} body @param {string} [id] */
function addCoupon(sim, body, id = sim.nextId('coupon')) {
	const coupon = {
		id,
		object: 'coupon',
		amount_off: body.amount_off ?? null,
		applies_to: null,
		created: sim.created(),
		currency: body.currency ?? null,
		currency_options: null,
		duration: body.duration ?? 'once',
		duration_in_days: null,
		duration_in_months: null,
		duration_in_weeks: null,
		livemode: false,
		max_redemptions: null,
		metadata: clone(body.metadata ?? {}),
		name: body.name ?? null,
		percent_off: body.percent_off ?? null,
		redeem_by: null,
		times_redeemed: 0,
		valid: true,
	};
	return keep(billingOf(sim).coupons, coupon);
}

/** @param {Simulator} sim @param {any} body @param {string} [id] */
function addPromotionCode(sim, body, id = sim.nextId('promo')) {
	const promotionCode = {
		id,
		object: 'promotion_code',
		active: body.active ?? true,
		code: body.code ?? id.replace(/^promo_/, '').toUpperCase(),
		coupon: clone(billingOf(sim).coupons.get(body.coupon)),
		created: sim.created(),
		customer: body.customer ?? null,
		expires_at: body.expires_at === undefined ? null : Number(body.expires_at),
		livemode: false,
		max_redemptions: body.max_redemptions ?? null,
		metadata: clone(body.metadata ?? {}),
		restrictions: { first_time_transaction: false, minimum_amount: null, minimum_amount_currency: null, ...clone(body.restrictions ?? {}) },
		times_redeemed: 0,
	};
	return keep(billingOf(sim).promotionCodes, promotionCode);
}

/** A subscription item's (or invoice item's) price: the one named, or one made from price_data. @param {Simulator} sim @param {any} item */
function itemPrice(sim, item) {
	return item.price !== undefined ? billingOf(sim).prices.get(item.price) : addPrice(sim, item.price_data);
}

/** @param {Simulator} sim @param {string} subscription @param {any} item @param {any} price @param {string} [id] */
function addSubscriptionItem(sim, subscription, item, price, id = sim.nextId('si')) {
	const subscriptionItem = {
		id,
		object: 'subscription_item',
		billing_thresholds: clone(item.billing_thresholds ?? null),
		created: sim.created(),
		metadata: metadataOf(item.metadata) ?? {},
		price: clone(price),
		quantity: item.quantity ?? 1,
		subscription,
	};
	return keep(billingOf(sim).subscriptionItems, subscriptionItem);
}

/**
 * An invoice, as Stripe's invoice object (the List all invoices page shows only its query).
 * @param {Simulator} sim @param {any} fields @param {Array<{price: any, quantity: number, subscription_item?: string}>} lines @param {string} [id]
 */
function addInvoice(sim, fields, lines, id = sim.nextId('in')) {
	const { invoices } = billingOf(sim);
	const created = sim.created();
	const data = lines.map((line, i) => ({
		id: `il_${id.replace(/^in_/, '')}_${i + 1}`,
		object: 'line_item',
		amount: line.price.unit_amount * line.quantity,
		currency: line.price.currency,
		description: `${line.quantity} × ${billingOf(sim).products.get(line.price.product)?.name ?? line.price.product}`,
		price: clone(line.price),
		quantity: line.quantity,
		subscription: fields.subscription ?? null,
		subscription_item: line.subscription_item ?? null,
	}));
	const total = fields.amount_due ?? data.reduce((sum, line) => sum + line.amount, 0);
	const status = fields.status ?? 'open';
	const invoice = {
		id,
		object: 'invoice',
		amount_due: total,
		amount_paid: status === 'paid' ? total : 0,
		amount_remaining: status === 'paid' ? 0 : total,
		billing_reason: fields.subscription ? 'subscription_create' : 'manual',
		collection_method: 'charge_automatically',
		created,
		currency: data[0]?.currency ?? 'USD',
		customer: null,
		description: null,
		due_date: null,
		hosted_invoice_url: null,
		lines: { object: 'list', data, has_more: false, url: `/v1/invoices/${id}/lines` },
		livemode: false,
		metadata: {},
		number: `SANDBOX-${String(invoices.size + 1).padStart(4, '0')}`,
		paid: status === 'paid',
		period_end: created,
		period_start: created,
		status,
		subscription: null,
		subtotal: total,
		total,
		...clone(fields),
	};
	return keep(invoices, invoice);
}

/**
 * A subscription with its items and first invoice (see the top of this file).
 * @param {Simulator} sim @param {any} body @param {{id?: string, itemIds?: string[], invoiceId?: string}} [ids]
 */
function addSubscription(sim, body, ids = {}) {
	const id = ids.id ?? sim.nextId('sub');
	const prices = body.items.map((/** @type {any} */ item) => itemPrice(sim, item));
	const items = body.items.map((/** @type {any} */ item, /** @type {number} */ i) => addSubscriptionItem(sim, id, item, prices[i], ids.itemIds?.[i]));
	const start = sim.created();
	const { interval, interval_count: count } = prices[0].recurring;
	const trialEnd = body.trial_period_days ? start + body.trial_period_days * DAY : null;
	const periodEnd = trialEnd ?? start + INTERVAL_SECONDS[interval] * count;
	const collection = body.collection_method ?? 'charge_automatically';
	const subscription = {
		id,
		object: 'subscription',
		billing_cycle_anchor: periodEnd,
		cancel_at: body.cancel_at ?? null,
		cancel_at_period_end: false,
		canceled_at: null,
		collection_method: collection,
		created: start,
		currency: body.currency?.toUpperCase() ?? prices[0].currency,
		current_period_end: periodEnd,
		current_period_start: start,
		customer: body.customer,
		days_until_due: body.days_until_due ?? null,
		default_payment_method: body.default_payment_method ?? null,
		default_source: body.default_source ?? null,
		description: body.description ?? null,
		items: { object: 'list', data: clone(items), has_more: false, url: `/v1/subscription_items?subscription=${id}` },
		latest_invoice: null,
		livemode: false,
		metadata: metadataOf(body.metadata) ?? {},
		next_pending_invoice_item_invoice: body.next_pending_invoice_item_invoice ?? null,
		payment_settings: { payment_method_options: null, payment_method_types: null, save_default_payment_method: 'off', ...clone(body.payment_settings ?? {}) },
		start_date: start,
		status: trialEnd ? 'trialing' : 'active',
		test_clock: body.test_clock ?? null,
		trial_end: trialEnd,
		trial_start: trialEnd ? start : null,
	};
	billingOf(sim).subscriptions.set(id, subscription);
	const extras = [body.add_invoice_items ?? []].flat().map((/** @type {any} */ item) => ({ price: itemPrice(sim, item), quantity: item.quantity ?? 1 }));
	const lines = [...items.map((/** @type {any} */ item) => ({ price: item.price, quantity: item.quantity, subscription_item: item.id })), ...extras];
	const invoice = addInvoice(
		sim,
		{
			customer: body.customer,
			subscription: id,
			collection_method: collection,
			status: trialEnd || collection === 'charge_automatically' ? 'paid' : 'open',
			due_date: collection === 'send_invoice' ? start + (body.days_until_due ?? 30) * DAY : null,
			period_start: start,
			period_end: periodEnd,
			...(trialEnd ? { amount_due: 0 } : {}),
		},
		lines,
		ids.invoiceId,
	);
	subscription.latest_invoice = invoice.id;
	return subscription;
}

/** @param {Simulator} sim @param {Stores} stores */
function seed(sim, stores) {
	addProduct(sim, { name: 'Cotton T-shirt', description: 'Organic cotton, unisex', images: ['https://shop.example.com/img/tshirt.png'], url: 'https://shop.example.com/tshirt' }, 'prod_sandbox_1');
	addProduct(sim, { name: 'Pro plan', description: 'Everything in Basic, and priority support', metadata: { tier: 'pro' } }, 'prod_sandbox_2');
	addProduct(sim, { name: 'Enamel mug', active: false }, 'prod_sandbox_3');
	addPrice(sim, { currency: 'USD', unit_amount: '2500', product: 'prod_sandbox_1', lookup_key: 'tshirt_standard', nickname: 'T-shirt' }, 'price_sandbox_1');
	addPrice(sim, { currency: 'USD', unit_amount: '1500', product: 'prod_sandbox_2', lookup_key: 'pro_monthly', recurring: { interval: 'month', interval_count: '1' } }, 'price_sandbox_2');
	addPrice(sim, { currency: 'USD', unit_amount: '15000', product: 'prod_sandbox_2', lookup_key: 'pro_yearly', recurring: { interval: 'year', interval_count: '1' } }, 'price_sandbox_3');
	addCoupon(sim, { percent_off: 25, duration: 'once', name: 'Welcome 25%' }, 'coupon_sandbox_1');
	addCoupon(sim, { amount_off: 500, currency: 'USD', duration: 'forever', name: '5 USD off' }, 'coupon_sandbox_2');
	addPromotionCode(sim, { coupon: 'coupon_sandbox_1', code: 'WELCOME25', restrictions: { first_time_transaction: true } }, 'promo_sandbox_1');
	addSubscription(sim, { customer: 'cus_sandbox_2', items: [{ price: 'price_sandbox_2' }], metadata: '{"plan":"pro"}' }, { id: 'sub_sandbox_1', itemIds: ['si_sandbox_1'], invoiceId: 'in_sandbox_1' });
	addInvoice(sim, { customer: 'cus_sandbox_1', collection_method: 'send_invoice', due_date: (sim.options.startTime ?? 0) + 30 * DAY }, [{ price: stores.prices.get('price_sandbox_1'), quantity: 2 }], 'in_sandbox_2');
	addSubscription(sim, { customer: 'cus_sandbox_3', items: [{ price: 'price_sandbox_3' }], trial_period_days: 14 }, { id: 'sub_sandbox_2', itemIds: ['si_sandbox_2'], invoiceId: 'in_sandbox_3' });
	const price = stores.prices.get('price_sandbox_1');
	stores.paymentLinks.set('plink_sandbox_1', {
		id: 'plink_sandbox_1',
		object: 'payment_link',
		active: true,
		after_completion: { type: 'hosted_confirmation', hosted_confirmation: { custom_message: null }, redirect: null },
		billing_address_collection: 'auto',
		created: sim.created(),
		currency: 'USD',
		line_items: {
			object: 'list',
			url: '/v1/payment_links/plink_sandbox_1/line_items',
			has_more: false,
			data: [{ id: 'li_sandbox_1', object: 'item', amount_subtotal: 2500, amount_total: 2500, currency: 'USD', description: 'Cotton T-shirt', price: clone(price), quantity: 1 }],
		},
		livemode: false,
		metadata: { campaign: 'spring' },
		phone_number_collection: { enabled: false },
		shipping_address_collection: { allowed_countries: ['GB', 'US'] },
		url: 'https://checkouttest.wooshpay.com/pay/plink_sandbox_1',
	});
}

/** @param {Simulator} sim @param {any} req @returns {Answer} */
function createProduct(sim, req) {
	return sim.create(req, productCreate, () => addProduct(sim, req.body ?? {}));
}

/**
 * The refusal of a price's product, lookup_key or metadata, or undefined.
 * @param {Simulator} sim @param {any} body @param {string} [self] the price being updated
 * @returns {Answer | undefined}
 */
function priceRefused(sim, body, self) {
	const { products, prices } = billingOf(sim);
	if (self === undefined && (body.product === undefined) === (body.product_data === undefined)) {
		return invalid(400, 'Give exactly one of product (the ID of a product) and product_data (a new product).', 'product', 'parameter_invalid');
	}
	if (body.product !== undefined && !products.has(body.product)) return invalid(400, `No such product: '${body.product}'`, 'product', 'resource_missing');
	if (body.recurring?.interval_count !== undefined && Number(body.recurring.interval_count) < 1) {
		return invalid(400, 'Invalid recurring[interval_count]: must be 1 or more.', 'recurring[interval_count]', 'parameter_invalid');
	}
	if (body.lookup_key !== undefined) {
		if (body.lookup_key.length > 200) return invalid(400, 'Invalid lookup_key: at most 200 characters.', 'lookup_key', 'parameter_invalid');
		const taken = [...prices.values()].find((price) => price.lookup_key === body.lookup_key && price.id !== self);
		if (taken) return invalid(400, `A price (${taken.id}) already uses the lookup key '${body.lookup_key}'.`, 'lookup_key', 'lookup_key_taken');
	}
	return metadataOf(body.metadata) === null ? badMetadataText() : undefined;
}

/** @param {Simulator} sim @param {any} req @returns {Answer} */
function createPrice(sim, req) {
	const body = req.body ?? {};
	return sim.create(req, priceCreate, () => addPrice(sim, body), () => priceRefused(sim, body));
}

/** @type {import('./util').Handler} */
function updatePrice(sim, req, _url, id) {
	return sim.change(req, priceUpdate, billingOf(sim).prices, id, 'price', (price) => {
		const body = req.body ?? {};
		const refused = priceRefused(sim, body, id);
		if (refused) return refused;
		const { active, metadata, ...rest } = body;
		Object.assign(price, rest);
		if (active !== undefined) price.active = active === 'true';
		mergeMetadata(price.metadata, metadataOf(metadata) ?? {});
		return undefined;
	});
}

/** @param {Simulator} sim @param {any} req @returns {Answer} */
function createCoupon(sim, req) {
	const body = req.body ?? {};
	const refuse = () => {
		const amountOff = body.amount_off ?? null;
		const percentOff = body.percent_off ?? null;
		if ((amountOff === null) === (percentOff === null)) return invalid(400, 'Give exactly one of amount_off and percent_off.', 'amount_off', 'parameter_invalid');
		if (amountOff !== null && amountOff < 1) return invalid(400, 'Invalid amount_off: must be 1 or more, in the currency\'s smallest unit.', 'amount_off', 'parameter_invalid');
		if (amountOff !== null && !body.currency) return invalid(400, 'Missing required param: currency (amount_off needs it).', 'currency', 'parameter_missing');
		if (percentOff !== null && !(percentOff > 0 && percentOff <= 100)) return invalid(400, 'Invalid percent_off: must be more than 0 and at most 100.', 'percent_off', 'parameter_invalid');
		return undefined;
	};
	return sim.create(req, couponCreate, () => addCoupon(sim, body), refuse);
}

/** @param {Simulator} sim @param {any} req @returns {Answer} */
function createPromotionCode(sim, req) {
	const body = req.body ?? {};
	const { coupons, promotionCodes } = billingOf(sim);
	const refuse = () => {
		if (!coupons.has(body.coupon)) return invalid(400, `No such coupon: '${body.coupon}'`, 'coupon', 'resource_missing');
		if (body.customer !== undefined && !sim.customers.has(body.customer)) return invalid(400, `No such customer: '${body.customer}'`, 'customer', 'resource_missing');
		const code = String(body.code ?? '').toUpperCase();
		const taken = [...promotionCodes.values()].find((promotion) => promotion.active && promotion.code.toUpperCase() === code);
		if (taken) return invalid(400, `An active promotion code (${taken.id}) already has the code '${taken.code}'.`, 'code', 'resource_already_exists');
		if (body.restrictions?.minimum_amount !== undefined && body.restrictions.minimum_amount_currency === undefined) {
			return invalid(400, 'Missing required param: restrictions[minimum_amount_currency] (minimum_amount needs it).', 'restrictions[minimum_amount_currency]', 'parameter_missing');
		}
		if (body.max_redemptions !== undefined && body.max_redemptions < 1) return invalid(400, 'Invalid max_redemptions: must be 1 or more.', 'max_redemptions', 'parameter_invalid');
		return undefined;
	};
	return sim.create(req, promotionCodeCreate, () => addPromotionCode(sim, body), refuse);
}

/**
 * The refusal of one item's price (a subscription's item, a subscription item, an invoice item),
 * or undefined. `at(...fields)` names a field of the item as a param.
 * @param {Simulator} sim @param {any} item @param {(...fields: string[]) => string} at @returns {Answer | undefined}
 */
function itemPriceRefused(sim, item, at) {
	const { prices, products } = billingOf(sim);
	if ((item.price === undefined) === (item.price_data === undefined)) return invalid(400, 'Give exactly one of price and price_data.', at('price'), 'parameter_invalid');
	if (item.quantity !== undefined && item.quantity < 1) return invalid(400, `Invalid ${at('quantity')}: must be 1 or more.`, at('quantity'), 'parameter_invalid');
	if (item.price !== undefined && !prices.has(item.price)) return invalid(400, `No such price: '${item.price}'`, at('price'), 'resource_missing');
	if (item.price_data && !products.has(item.price_data.product)) return invalid(400, `No such product: '${item.price_data.product}'`, at('price_data', 'product'), 'resource_missing');
	return undefined;
}

/** A param namer for the fields of `where` (such as items[0]), or of the body itself when it is ''. @param {string} where */
const fieldsOf = (where) => (/** @type {string[]} */ ...fields) => {
	const [first, ...rest] = where ? [where, ...fields] : fields;
	return first + rest.map((field) => `[${field}]`).join('');
};

/**
 * The refusal of a subscription's or subscription item's items (`param` names them), or undefined.
 * @param {Simulator} sim @param {any[]} items @param {string} param @param {any[]} [others] the subscription's items already there
 * @returns {Answer | undefined}
 */
function itemsRefused(sim, items, param, others = []) {
	const { prices } = billingOf(sim);
	if (items.length === 0) return invalid(400, `${param} may not be empty.`, param, 'parameter_invalid');
	/** @type {Array<{currency: string, interval: string}>} */
	const plans = others.map((item) => ({ currency: item.price.currency, interval: item.price.recurring.interval }));
	for (const [i, item] of items.entries()) {
		const at = fieldsOf(param === 'price' ? '' : `${param}[${i}]`);
		const refused = itemPriceRefused(sim, item, at);
		if (refused) return refused;
		if (metadataOf(item.metadata) === null) return badMetadataText();
		const price = item.price !== undefined ? prices.get(item.price) : undefined;
		if (price && !price.recurring) return invalid(400, `The price ${price.id} is not recurring: a subscription needs recurring prices.`, at('price'), 'parameter_invalid');
		const plan = price ? { currency: price.currency, interval: price.recurring.interval } : { currency: item.price_data.currency.toUpperCase(), interval: item.price_data.recurring.interval };
		if (plans.length && (plans[0].currency !== plan.currency || plans[0].interval !== plan.interval)) {
			return invalid(400, `Every price of a subscription must have one currency and interval (${plans[0].currency}, ${plans[0].interval}; this one ${plan.currency}, ${plan.interval}).`, at('price'), 'parameter_invalid');
		}
		plans.push(plan);
	}
	return undefined;
}

/** @param {Simulator} sim @param {any} req @returns {Answer} */
function createSubscription(sim, req) {
	const body = req.body ?? {};
	const refuse = () => {
		if (!sim.customers.has(body.customer)) return invalid(400, `No such customer: '${body.customer}'`, 'customer', 'resource_missing');
		const refused = itemsRefused(sim, body.items, 'items');
		if (refused) return refused;
		if (metadataOf(body.metadata) === null) return badMetadataText();
		if (body.days_until_due !== undefined && body.collection_method !== 'send_invoice') {
			return invalid(400, 'days_until_due is only for collection_method send_invoice.', 'days_until_due', 'parameter_invalid');
		}
		if (body.trial_period_days !== undefined && body.trial_period_days < 0) return invalid(400, 'Invalid trial_period_days: must be 0 or more.', 'trial_period_days', 'parameter_invalid');
		const method = body.default_payment_method === undefined ? undefined : paymentMethodsOf(sim).paymentMethods.get(body.default_payment_method);
		if (body.default_payment_method !== undefined && method?.customer !== body.customer) {
			return invalid(400, `No such payment method of ${body.customer}: '${body.default_payment_method}'`, 'default_payment_method', 'resource_missing');
		}
		const extras = [body.add_invoice_items ?? []].flat();
		for (const [i, item] of extras.entries()) {
			const refused = itemPriceRefused(sim, item, fieldsOf(Array.isArray(body.add_invoice_items) ? `add_invoice_items[${i}]` : 'add_invoice_items'));
			if (refused) return refused;
		}
		return undefined;
	};
	return sim.create(req, subscriptionCreate, () => addSubscription(sim, body), refuse);
}

/** @param {Simulator} sim @param {any} req @returns {Answer} */
function createSubscriptionItem(sim, req) {
	const body = req.body ?? {};
	const { subscriptions } = billingOf(sim);
	const refuse = () => {
		const subscription = subscriptions.get(body.subscription);
		if (!subscription) return invalid(400, `No such subscription: '${body.subscription}'`, 'subscription', 'resource_missing');
		return itemsRefused(sim, [body], 'price', subscription.items.data);
	};
	return sim.create(req, subscriptionItemCreate, () => {
		const subscription = subscriptions.get(body.subscription);
		const item = addSubscriptionItem(sim, subscription.id, body, itemPrice(sim, body));
		subscription.items.data.push(clone(item));
		return item;
	}, refuse);
}

/** @type {import('./util').Handler} */
function listInvoices(sim, req, url) {
	const refused = refusedGet(req, INVOICE_LIST_QUERY);
	if (refused) return refused;
	const matching = filterBy(billingOf(sim).invoices.values(), url.searchParams, { customer: 'customer', subscription: 'subscription' });
	return listPage(matching, url.searchParams, { url: req.path, type: 'invoice', maxPageSize: sim.options.maxPageSize, maxLimit: 100 });
}

/**
 * Retrieve one object by the ID in the path, no query parameter.
 * @param {keyof Stores} store @param {string} type @returns {import('./util').Handler}
 */
const retrieve = (store, type) => (sim, req, _url, id) => refusedGet(req, {}) ?? sim.find(billingOf(sim)[store], id, type);

/** @type {import('./util').Route[]} */
const ROUTES = [
	['POST', /^\/v1\/products$/, createProduct],
	['GET', /^\/v1\/products\/([^/]+)$/, retrieve('products', 'product')],
	['POST', /^\/v1\/prices$/, createPrice],
	['GET', /^\/v1\/prices\/([^/]+)$/, retrieve('prices', 'price')],
	['POST', /^\/v1\/prices\/([^/]+)$/, updatePrice],
	['POST', /^\/v1\/coupons$/, createCoupon],
	['GET', /^\/v1\/coupons\/([^/]+)$/, retrieve('coupons', 'coupon')],
	['POST', /^\/v1\/promotion_code$/, createPromotionCode],
	['POST', /^\/v1\/subscriptions$/, createSubscription],
	['POST', /^\/v1\/subscription_items$/, createSubscriptionItem],
	['GET', /^\/v1\/invoices$/, listInvoices],
	['GET', /^\/v1\/payment_links\/([^/]+)$/, retrieve('paymentLinks', 'payment_link')],
];

/**
 * Answers the billing endpoints; undefined for any other request.
 * @param {Simulator} sim @param {any} req @param {URL} url @returns {Answer | undefined}
 */
function routes(sim, req, url) {
	return dispatch(ROUTES, sim, req, url);
}

module.exports = { routes, billingOf, addProduct, addPrice, addCoupon, addPromotionCode, addSubscription, addInvoice };
