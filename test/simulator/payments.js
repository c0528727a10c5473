// @ts-check
'use strict';

/**
 * The simulator's payments endpoints (an endpoint module, see ROUTE_MODULES in simulator.js):
 * payment intents (create, list, search), refunds (create, retrieve), charges (list), the
 * balance and events (retrieve). Request shapes as ../shared/wooshpay/api/payments.md and
 * webhooks-events.md mark them [seen]; anything else is refused as WooshPay refuses an unknown
 * parameter. The list endpoints read their parameters from the query string, the way the node
 * sends them (README, "Lists").
 *
 * What the reference does not show is this simulator's own guess, kept plain: the charge
 * object's fields, the statuses a payment intent goes through, and which search queries work
 * (`field:'value'` clauses joined by AND).
 */

const schema = require('./schema');
const { clone, invalid, refusal, refusedQuery, LIST_QUERY, listPage } = require('./util');

/** @typedef {import('./simulator').Simulator} Simulator */
/** @typedef {[number, any, Record<string, string>?]} Answer */

const PAYMENT_METHOD_TYPES = [
	'card', 'alipayplus', 'alipay', 'wechat_pay', 'sepa_debit', 'alipay_hk', 'boost', 'truemoney', 'gcash', 'kakaopay',
	'touchngo', 'rabbit_line_pay', 'dana', 'klarna', 'ideal', 'giropay', 'sofort', 'eps', 'trustly', 'bancontact', 'p24',
	'unionpay', 'fpx', 'mcash', 'grabpay', 'bank_transfer_id', 'qris', 'promptpay', 'ovo', 'shopeepay', 'upi', 'boleto',
	'paynow', 'pix', '9pay', 'stitch', 'bpi',
];

/**
 * "Create a PaymentIntent". The method-specific objects of `payment_method_data` (`card`,
 * `sepa_debit`, `wechat_pay`, `alipayplus`) are documented without their fields, so they are
 * not accepted here; the node does not send them.
 */
const paymentIntentCreate = {
	object: {
		amount: 'integer',
		currency: 'string',
		confirm: 'boolean',
		customer: 'string',
		description: 'string',
		merchant_order_id: 'string',
		merchant_user_id: 'string',
		metadata: { map: 'string' },
		'off-session': 'boolean',
		payment_method_data: {
			object: {
				type: { enum: PAYMENT_METHOD_TYPES },
				billing_details: { object: { address: schema.address, email: 'string', name: 'string', phone: 'string' } },
			},
			required: ['type'],
		},
		payment_method_types: { array: { enum: PAYMENT_METHOD_TYPES } },
		quantity: 'integer',
		return_url: 'string',
		shipping: { object: { address: schema.address, name: 'string', phone: 'string' }, required: ['name'] },
	},
	required: ['amount', 'currency'],
};

/** "Create a refund": `amount` is typed string on the page. */
const refundCreate = {
	object: {
		payment_intent: 'string',
		amount: 'string',
		reason: { enum: ['duplicate', 'fraudulent', 'requested_by_customer', 'resolved_dispute'] },
		metadata: { map: 'string' },
	},
};

/** List all charges: `customer` and `created` seen; the rest of LIST_QUERY inferred (the page is cut off). */
/** @type {Record<string, 'string' | 'integer'>} */
const CHARGE_LIST_QUERY = { ...LIST_QUERY, customer: 'string' };
/** @type {Record<string, 'string' | 'integer'>} */
const SEARCH_QUERY = { query: 'string', limit: 'integer' };
/** Fields a search clause may name. */
const SEARCHABLE = ['merchant_order_id', 'status', 'currency', 'customer', 'amount', 'description'];

/**
 * @typedef {object} Payments
 * @property {Map<string, any>} paymentIntents
 * @property {Map<string, any>} charges
 * @property {Map<string, any>} refunds
 * @property {Map<string, any>} events
 * @property {any} balance
 */

/** @type {WeakMap<Simulator, Payments>} */
const stores = new WeakMap();

/**
 * The module's objects, kept for each simulator (as issuing.js keeps its own) and made on
 * first use: seeded (payment intents pi_sandbox_1..4, charges, refund re_sandbox_1, events
 * evt_sandbox_1..2, a balance in two currencies) when the simulator seeds its customers.
 * @param {Simulator} sim @returns {Payments}
 */
function paymentsOf(sim) {
	let payments = stores.get(sim);
	if (!payments) {
		payments = {
			paymentIntents: new Map(),
			charges: new Map(),
			refunds: new Map(),
			events: new Map(),
			balance: { object: 'balance', available: [{ amount: 0, currency: 'usd' }], livemode: false, pending: [] },
		};
		stores.set(sim, payments);
		if (sim.options.seed) seed(sim, payments);
	}
	return payments;
}

/**
 * A payment intent as WooshPay's list and search pages show one; a confirmed one has
 * succeeded and has a charge.
 * @param {Simulator} sim @param {any} fields @param {string} [id] @param {string} [chargeId]
 */
function addPaymentIntent(sim, fields, id = sim.nextId('pi'), chargeId = undefined) {
	const { paymentIntents } = paymentsOf(sim);
	const { confirm, ...rest } = fields;
	const paymentIntent = {
		id,
		object: 'payment_intent',
		amount: 0,
		amount_received: 0,
		amount_refunded: 0,
		client_secret: `${id}_secret_sim`,
		created: sim.created(),
		currency: 'USD',
		customer: null,
		description: null,
		last_payment_error: null,
		livemode: false,
		merchant_order_id: null,
		merchant_user_id: null,
		metadata: {},
		next_action: null,
		payment_method_types: ['card'],
		quantity: null,
		return_url: null,
		shipping: null,
		status: confirm ? 'succeeded' : 'requires_payment_method',
		...clone(rest),
	};
	if (paymentIntent.payment_method_data) {
		paymentIntent.payment_method = sim.nextId('pm');
		delete paymentIntent.payment_method_data;
	}
	if (paymentIntent.status === 'succeeded') {
		paymentIntent.amount_received = paymentIntent.amount;
		addCharge(sim, paymentIntent, chargeId);
	}
	paymentIntents.set(id, paymentIntent);
	return paymentIntent;
}

/**
 * The charge of a payment intent that succeeded. The reference shows no charge object: these
 * fields are Stripe's, the simulator's guess.
 * @param {Simulator} sim @param {any} paymentIntent @param {string} [id]
 */
function addCharge(sim, paymentIntent, id = sim.nextId('ch')) {
	const charge = {
		id,
		object: 'charge',
		amount: paymentIntent.amount,
		amount_refunded: 0,
		captured: true,
		created: paymentIntent.created,
		currency: paymentIntent.currency,
		customer: paymentIntent.customer,
		description: paymentIntent.description,
		livemode: false,
		metadata: {},
		paid: true,
		payment_intent: paymentIntent.id,
		refunded: false,
		status: 'succeeded',
	};
	paymentsOf(sim).charges.set(id, charge);
	return charge;
}

/**
 * A refund of a payment intent, as the "Retrieve a refund" page shows one; updates what the
 * payment intent and its charge say was refunded.
 * @param {Simulator} sim @param {any} paymentIntent @param {any} fields @param {string} [id]
 */
function addRefund(sim, paymentIntent, fields, id = sim.nextId('re')) {
	const { charges, refunds } = paymentsOf(sim);
	const amount = fields.amount === undefined ? paymentIntent.amount - paymentIntent.amount_refunded : Number(fields.amount);
	const refund = {
		id,
		object: 'refund',
		amount,
		created: sim.created(),
		currency: paymentIntent.currency,
		description: null,
		failure_reason: null,
		metadata: clone(fields.metadata ?? {}),
		payment_intent: paymentIntent.id,
		reason: fields.reason ?? null,
		receipt_number: null,
		status: 'succeeded',
	};
	paymentIntent.amount_refunded += amount;
	for (const charge of charges.values()) {
		if (charge.payment_intent !== paymentIntent.id) continue;
		charge.amount_refunded = paymentIntent.amount_refunded;
		charge.refunded = charge.amount_refunded >= charge.amount;
	}
	refunds.set(id, refund);
	return refund;
}

/** @param {Simulator} sim @param {string} type @param {any} object @param {string} [id] */
function addEvent(sim, type, object, id = sim.nextId('evt')) {
	const event = {
		id,
		object: 'event',
		api_version: '1.0.1',
		created: sim.created() * 1000,
		data: { object: clone(object) },
		livemode: false,
		pending_webhooks: 0,
		request: { id: null, idempotency_key: null },
		type,
	};
	paymentsOf(sim).events.set(id, event);
	return event;
}

/** @param {Simulator} sim @param {Payments} payments */
function seed(sim, payments) {
	const orders = [
		['cus_sandbox_1', 2500, 'USD', 'order_1001', true],
		['cus_sandbox_2', 12000, 'GBP', 'order_1002', true],
		['cus_sandbox_3', 4999, 'USD', 'order_1003', true],
		['cus_sandbox_1', 800, 'USD', 'order_1004', false],
	];
	orders.forEach(([customer, amount, currency, order, confirm], i) => {
		const fields = { customer, amount, currency, merchant_order_id: order, description: `Order ${String(order).slice(6)}`, confirm };
		addPaymentIntent(sim, fields, `pi_sandbox_${i + 1}`, `ch_sandbox_${i + 1}`);
	});
	const refund = addRefund(sim, payments.paymentIntents.get('pi_sandbox_2'), { amount: '3000', reason: 'requested_by_customer' }, 're_sandbox_1');
	addEvent(sim, 'payment_intent.succeeded', payments.paymentIntents.get('pi_sandbox_1'), 'evt_sandbox_1');
	addEvent(sim, 'charge.refund.updated', refund, 'evt_sandbox_2');
	payments.balance = {
		object: 'balance',
		available: [
			{ amount: 1254000, currency: 'usd' },
			{ amount: 83000, currency: 'gbp' },
		],
		livemode: false,
		pending: [
			{ amount: 4999, currency: 'usd' },
			{ amount: 0, currency: 'gbp' },
		],
	};
}

/**
 * A search query of `field:'value'` clauses joined by AND, as a test of each payment intent;
 * undefined when the query is not of that form.
 * @param {string} query @returns {((paymentIntent: any) => boolean) | undefined}
 */
function searchTest(query) {
	const clauses = query.trim().split(/\s+AND\s+/);
	/** @type {Array<[string, string]>} */
	const tests = [];
	for (const clause of clauses) {
		const match = /^([a-z_]+):'((?:[^'\\]|\\.)*)'$/.exec(clause.trim());
		if (!match || !SEARCHABLE.includes(match[1])) return undefined;
		tests.push([match[1], match[2].replace(/\\(.)/g, '$1')]);
	}
	return (paymentIntent) => tests.every(([field, value]) => String(paymentIntent[field]) === value);
}

/** @param {Simulator} sim @param {any} req @param {URLSearchParams} q @returns {Answer} */
function search(sim, req, q) {
	const refused = refusedQuery(req.query, SEARCH_QUERY);
	if (refused) return refused;
	const query = q.get('query');
	if (!query) return invalid(400, 'Missing required param: query.', 'query', 'parameter_missing');
	const test = searchTest(query);
	if (!test) return invalid(400, `Invalid search query: ${query}`, 'query', 'parameter_invalid');
	const limit = q.get('limit') === null ? 10 : Number(q.get('limit'));
	if (!Number.isInteger(limit) || limit < 1 || limit > 100) return invalid(400, 'Invalid limit: must be between 1 and 100', 'limit', 'parameter_invalid');
	const found = [...paymentsOf(sim).paymentIntents.values()].filter(test).sort((a, b) => b.created - a.created);
	const data = found.slice(0, Math.min(limit, sim.options.maxPageSize ?? 100));
	return [200, { object: 'search_result', url: req.path, has_more: found.length > data.length, data: clone(data) }];
}

/**
 * The stored answer to a repeated idempotent request, or WooshPay's answer to a body that does
 * not fit the schema; undefined when the request is new and fits.
 * @param {Simulator} sim @param {any} req @param {any} bodySchema @returns {Answer | undefined}
 */
function replayedOrRefused(sim, req, bodySchema) {
	const replayed = sim.replay(req);
	if (replayed) return replayed;
	return refusal(schema.check(req.body ?? {}, bodySchema));
}

/** @param {Simulator} sim @param {any} req @returns {Answer} */
function createPaymentIntent(sim, req) {
	const early = replayedOrRefused(sim, req, paymentIntentCreate);
	if (early) return early;
	const body = req.body ?? {};
	if (body.customer !== undefined && !sim.customers.has(body.customer)) {
		return invalid(400, `No such customer: '${body.customer}'`, 'customer', 'resource_missing');
	}
	return sim.create(req, paymentIntentCreate, () => addPaymentIntent(sim, body));
}

/** @param {Simulator} sim @param {any} req @returns {Answer} */
function createRefund(sim, req) {
	const early = replayedOrRefused(sim, req, refundCreate);
	if (early) return early;
	const body = req.body ?? {};
	if (body.payment_intent === undefined) return invalid(400, 'Missing required param: payment_intent.', 'payment_intent', 'parameter_missing');
	const paymentIntent = paymentsOf(sim).paymentIntents.get(body.payment_intent);
	if (!paymentIntent) return invalid(400, `No such payment_intent: '${body.payment_intent}'`, 'payment_intent', 'resource_missing');
	if (paymentIntent.status !== 'succeeded') {
		return invalid(400, `PaymentIntent ${paymentIntent.id} has no successful charge to refund (status ${paymentIntent.status}).`, 'payment_intent', 'charge_not_refundable');
	}
	if (body.amount !== undefined && !/^[1-9]\d*$/.test(body.amount)) return invalid(400, 'Invalid positive integer: amount', 'amount', 'parameter_invalid');
	const left = paymentIntent.amount - paymentIntent.amount_refunded;
	if (Number(body.amount ?? left) > left || left === 0) {
		return invalid(400, `Refund amount (${body.amount ?? left}) is greater than the amount left to refund (${left}).`, 'amount', 'amount_too_large');
	}
	return sim.create(req, refundCreate, () => addRefund(sim, paymentIntent, body));
}

/**
 * Answers the payments endpoints; undefined for any other request.
 * @param {Simulator} sim @param {any} req @param {URL} url @returns {Answer | undefined}
 */
function routes(sim, req, url) {
	const q = url.searchParams;
	const payments = paymentsOf(sim);
	// Retrieve a refund, an event, a payment intent (its path from WooshPay's client code; the
	// page could not be read). `/v1/payment_intents/search` is the search, not an ID.
	const one = /^\/v1\/(refunds|events|payment_intents)\/([^/]+)$/.exec(req.path);
	if (req.method === 'GET' && one && req.path !== '/v1/payment_intents/search') {
		const refused = refusedQuery(req.query, {});
		if (refused) return refused;
		const stores = { refunds: ['refund', payments.refunds], events: ['event', payments.events], payment_intents: ['payment_intent', payments.paymentIntents] };
		const [type, store] = stores[/** @type {'refunds' | 'events' | 'payment_intents'} */ (one[1])];
		return sim.find(/** @type {Map<string, any>} */ (store), decodeURIComponent(one[2]), /** @type {string} */ (type));
	}
	const key = `${req.method} ${req.path}`;
	switch (key) {
		case 'GET /v1/balance':
			return refusedQuery(req.query, {}) ?? [200, clone(payments.balance)];
		case 'POST /v1/payment_intents':
			return createPaymentIntent(sim, req);
		case 'GET /v1/payment_intents':
			return refusedQuery(req.query, LIST_QUERY) ?? listPage(payments.paymentIntents.values(), q, page(sim, req, 'payment_intent'));
		case 'GET /v1/payment_intents/search':
			return search(sim, req, q);
		case 'POST /v1/refunds':
			return createRefund(sim, req);
		case 'GET /v1/charges/list': {
			const refused = refusedQuery(req.query, CHARGE_LIST_QUERY);
			if (refused) return refused;
			const customer = q.get('customer');
			const charges = [...payments.charges.values()].filter((c) => customer === null || c.customer === customer);
			return listPage(charges, q, page(sim, req, 'charge'));
		}
		default:
			return undefined;
	}
}

/** @param {Simulator} sim @param {any} req @param {string} type */
function page(sim, req, type) {
	return { url: req.path, type, maxPageSize: sim.options.maxPageSize };
}

module.exports = { routes, paymentsOf, addPaymentIntent, addRefund, addEvent, PAYMENT_METHOD_TYPES };
