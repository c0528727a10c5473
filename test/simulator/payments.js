// @ts-check
'use strict';

/**
 * The simulator's payments endpoints (an endpoint module, see ROUTE_MODULES in simulator.js).
 * Request shapes as ../shared/wooshpay/api/payments.md, more.md and webhooks-events.md mark
 * them [seen]; anything else is refused as WooshPay refuses an unknown parameter. The list
 * endpoints read their parameters from the query string, the way the node sends them (README,
 * "Lists").
 *
 *   POST /v1/payment_intents               create (capture_method automatic | manual; confirm)
 *   GET  /v1/payment_intents               list: created[...], limit, starting_after, ending_before
 *   GET  /v1/payment_intents/search        query (required), limit (1 to 100)
 *   GET  /v1/payment_intents/{id}          retrieve; no query parameter
 *   POST /v1/payment_intents/{id}          update: amount, currency, description, metadata, quantity,
 *                                          merchant_order_id, merchant_user_id, shipping, return_url,
 *                                          payment_method_data
 *   POST /v1/payment_intents/{id}/cancel   cancellation_reason (free text, required)
 *   POST /v1/payment_intents/{id}/capture  amount_to_capture (optional, at most amount_capturable)
 *   POST /v1/payment_intents/{id}/confirm  payment_method_data, off_session, error_on_requires_action
 *   POST /v1/refunds, GET /v1/refunds/{id}, GET /v1/charges/list, GET /v1/charges/{id},
 *   GET  /v1/balance, GET /v1/events/{id}
 *   POST /_sandbox/payment_intents/{id}/complete   (the sandbox's own, not WooshPay's) {outcome?:
 *                                          "succeed" | "fail"}: ends what a payment intent waits
 *                                          for, a 3D Secure challenge (requires_action) or a bank
 *                                          debit (processing)
 *
 * The state machine, as the Cancel, Capture and Confirm pages and the "Authorize and capture"
 * guide describe it:
 *
 *   create ─► requires_payment_method ──(payment_method_data)──► requires_confirmation
 *   confirm (from requires_payment_method or requires_confirmation; create with confirm: true):
 *     approved, capture_method automatic ─► succeeded (amount_received, a charge)
 *     approved, capture_method manual ─► requires_capture (amount_capturable = amount)
 *     3D Secure test card ─► requires_action (next_action challenge_redirect), then
 *       /_sandbox/…/complete ─► as approved; off_session or error_on_requires_action true fail instead
 *     sepa_debit ─► processing, then /_sandbox/…/complete ─► as approved
 *     declined test card ─► requires_payment_method, last_payment_error, answered 402 card_error
 *   capture (from requires_capture only) ─► succeeded: amount_received = amount_to_capture (default
 *     all), amount_capturable 0; the rest is released
 *   cancel (from requires_payment_method, requires_capture, requires_confirmation, requires_action)
 *     ─► canceled, with cancellation_reason
 * Any other move is refused: 400 payment_intent_unexpected_state, naming the status, in Stripe's
 * words. A test card needs no 3D Secure (Stripe's 4000000000003220 does, see payment-methods.js),
 * so create with confirm and capture_method manual goes straight to requires_capture.
 * Events fire (webhooks.js `fire`, when the simulator runs with `events`): payment_intent.created,
 * .requires_action, .processing, .amount_capturable_updated, .succeeded, .payment_failed,
 * .canceled, and charge.captured on a capture.
 *
 * What the reference does not show is this simulator's own guess, kept plain:
 * - The payment intent has the fields of WooshPay's Retrieve example, with `created` in Unix
 *   seconds (the example has milliseconds; the list filters and every other object here use
 *   seconds) and `payment_method_types` / `payment_method_options` as real JSON (an array, an
 *   object), as the newer "Authorize and capture" guide shows them. The seeded pi_sandbox_7 is
 *   the Retrieve example itself, with those two fields as JSON text, so a client's parsing of
 *   the older form can be tried; addPaymentIntent takes either form. `amount_capturable` and
 *   `amount_received` are integers (0, not the example's null), `cancel_at` is "" as in the
 *   example until a cancel sets it to the time (Unix seconds).
 * - Confirm types off_session and error_on_requires_action as string but describes true/false:
 *   a JSON boolean or the text "true" / "false" is accepted (schema.textOrBoolean), nothing
 *   else. Create with confirm: true, and Confirm, need a payment method (payment_method_data, or
 *   one from an earlier update), as Stripe's do. Create's return_url and off-session are refused
 *   without confirm: true ("ONLY WHEN CONFIRM=TRUE" on its page).
 * - Update changes only what is sent. Once the payment intent has left requires_payment_method
 *   and requires_confirmation, only description, metadata, merchant_order_id,
 *   merchant_user_id and shipping may change (Stripe's rule). payment_method_data (typed string
 *   in its table, an object in its example and description) is an object, as on create; it
 *   makes a payment method and the status requires_confirmation. Update does not take confirm:
 *   its page says to use the Confirm API for that.
 * - The charge object's fields are Stripe's. A charge is made when money is taken: when an
 *   automatic payment succeeds, or on capture (an authorised, uncaptured payment has none
 *   here). The released rest of a partial capture is not a refund: no refund object, the
 *   charge's amount_captured says what was taken, and only that can be refunded.
 * - Which search queries work: `field:'value'` clauses joined by AND.
 *
 * Seeded: payment intents pi_sandbox_1..3 (succeeded, charges ch_sandbox_1..3) and pi_sandbox_4
 * (requires_payment_method), refund re_sandbox_1, events evt_sandbox_1..2, a balance in two
 * currencies; with seed 'sandbox' also pi_sandbox_5 (requires_capture), pi_sandbox_6
 * (requires_confirmation), pi_sandbox_7 (succeeded, WooshPay's Retrieve example, charge
 * ch_sandbox_7) and pi_sandbox_8 (requires_action).
 */

const schema = require('./schema');
const { clone, merge, invalid, refusal, refusedQuery, refusedGet, LIST_QUERY, listPage, perSimulator, dispatch, mergeMetadata, unexpectedState } = require('./util');
const { fire, sentEvent } = require('./webhooks');
const { addPaymentMethod, outcomeOf, declined } = require('./payment-methods');

/** @typedef {import('./simulator').Simulator} Simulator */
/** @typedef {import('./util').Answer} Answer */

const { PAYMENT_METHOD_TYPES } = schema;

const shipping = { object: { address: schema.address, name: 'string', phone: 'string' }, required: ['name'] };

/** The fields a payment intent's update may take (Update a PaymentIntent's example body, less confirm). */
const paymentIntentFields = {
	amount: 'integer',
	currency: 'string',
	description: 'string',
	merchant_order_id: 'string',
	merchant_user_id: 'string',
	metadata: schema.metadata,
	payment_method_data: schema.paymentMethodData,
	quantity: 'integer',
	return_url: 'string',
	shipping,
};

/** "Create a PaymentIntent", with capture_method from the "Authorize and capture" guide. */
const paymentIntentCreate = {
	object: {
		...paymentIntentFields,
		capture_method: { enum: ['automatic', 'manual'] },
		confirm: 'boolean',
		customer: 'string',
		'off-session': 'boolean',
		payment_method_types: { array: { enum: PAYMENT_METHOD_TYPES } },
	},
	required: ['amount', 'currency'],
};

const paymentIntentUpdate = { object: paymentIntentFields };
const paymentIntentCancel = { object: { cancellation_reason: 'string' }, required: ['cancellation_reason'] };
const paymentIntentCapture = { object: { amount_to_capture: 'integer' } };
const paymentIntentConfirm = {
	object: { payment_method_data: schema.paymentMethodData, off_session: schema.textOrBoolean, error_on_requires_action: schema.textOrBoolean },
};
const sandboxComplete = { object: { outcome: { enum: ['succeed', 'fail'] } } };

/** The statuses each move starts from (the Cancel and Capture pages; Confirm as the brief of the lifecycle reads it). */
const CONFIRMABLE = ['requires_payment_method', 'requires_confirmation'];
const CANCELABLE = ['requires_payment_method', 'requires_capture', 'requires_confirmation', 'requires_action'];
const WAITING = ['requires_action', 'processing'];
/** What an update may still change once the payment intent has left CONFIRMABLE. */
const ALWAYS_UPDATABLE = ['description', 'metadata', 'merchant_order_id', 'merchant_user_id', 'shipping'];

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

/**
 * The module's objects, kept for each simulator (as issuing.js keeps its own) and made on
 * first use, seeded (see the top of this file) when the simulator seeds its customers.
 * @type {(sim: Simulator) => Payments}
 */
const paymentsOf = perSimulator(
	() => ({
		paymentIntents: new Map(),
		charges: new Map(),
		refunds: new Map(),
		events: new Map(),
		balance: { object: 'balance', available: [{ amount: 0, currency: 'usd' }], livemode: false, pending: [] },
	}),
	seed,
);

/**
 * A payment intent, as WooshPay's Retrieve example shows one. `confirm` confirms it at once
 * (see `attempt`); a payment method (`payment_method_data`, or the ID of one in
 * `payment_method`) without confirm leaves it in requires_confirmation. Tests may give any
 * other field as it should be stored (such as `payment_method_types` as JSON text).
 * @param {Simulator} sim @param {any} fields @param {string} [id] @param {string} [chargeId]
 */
function addPaymentIntent(sim, fields, id = sim.nextId('pi'), chargeId = undefined) {
	const { paymentIntents } = paymentsOf(sim);
	const { confirm, payment_method_data: data, ...rest } = fields;
	const captureMethod = rest.capture_method ?? 'automatic';
	const paymentIntent = {
		id,
		object: 'payment_intent',
		amount: 0,
		amount_capturable: 0,
		amount_received: 0,
		amount_refunded: 0,
		cancel_at: '',
		cancellation_reason: null,
		capture_method: captureMethod,
		client_secret: `${id}_secret_sim`,
		confirmation_method: 'automatic',
		created: sim.created(),
		currency: 'USD',
		customer: null,
		description: null,
		invoice: null,
		last_payment_error: null,
		livemode: false,
		merchant_order_id: null,
		merchant_user_id: null,
		metadata: {},
		next_action: null,
		payment_method: null,
		payment_method_options: { card: { request_three_d_secure: 'auto', capture_method: captureMethod } },
		payment_method_types: ['card'],
		quantity: null,
		receipt_email: null,
		return_url: null,
		shipping: null,
		status: 'requires_payment_method',
		'3ds_status': null,
		...clone(rest),
	};
	if (data) paymentIntent.payment_method = addPaymentMethod(sim, data).id;
	if (paymentIntent.payment_method) paymentIntent.status = 'requires_confirmation';
	paymentIntents.set(id, paymentIntent);
	fire(sim, 'payment_intent.created', paymentIntent);
	if (confirm) attempt(sim, paymentIntent, { offSession: fields['off-session'] === true, errorOnRequiresAction: false }, chargeId);
	return paymentIntent;
}

/** A yes of a field typed string but meant as true/false. @param {unknown} value */
const yes = (value) => value === true || value === 'true';

/**
 * One confirmation of a payment intent with its payment method (see the state machine at the
 * top). A payment intent with no payment method at all (addPaymentIntent's shortcut for tests
 * and seeds) is approved. Returns true when the attempt failed.
 * @param {Simulator} sim @param {any} paymentIntent
 * @param {{offSession: boolean, errorOnRequiresAction: boolean}} options @param {string} [chargeId]
 */
function attempt(sim, paymentIntent, { offSession, errorOnRequiresAction }, chargeId = undefined) {
	const outcome = outcomeOf(sim, paymentIntent.payment_method);
	Object.assign(paymentIntent, { last_payment_error: null, next_action: null });
	if (outcome === 'declined' || (outcome === 'authentication' && (offSession || errorOnRequiresAction))) {
		fail(sim, paymentIntent, declined(paymentIntent.payment_method, outcome === 'authentication'));
		return true;
	}
	if (outcome === 'authentication') {
		const url = `${sim.url}/_sandbox/payment_intents/${paymentIntent.id}/complete`;
		Object.assign(paymentIntent, { status: 'requires_action', next_action: { type: 'challenge_redirect', challenge_redirect: { url, return_url: paymentIntent.return_url } } });
		fire(sim, 'payment_intent.requires_action', paymentIntent);
	} else if (outcome === 'processing') {
		paymentIntent.status = 'processing';
		fire(sim, 'payment_intent.processing', paymentIntent);
	} else {
		approved(sim, paymentIntent, chargeId);
	}
	return false;
}

/** @param {Simulator} sim @param {any} paymentIntent @param {any} error */
function fail(sim, paymentIntent, error) {
	Object.assign(paymentIntent, { status: 'requires_payment_method', payment_method: null, next_action: null, last_payment_error: error });
	fire(sim, 'payment_intent.payment_failed', paymentIntent);
}

/** The payment was approved: taken at once, or held for a capture. @param {Simulator} sim @param {any} paymentIntent @param {string} [chargeId] */
function approved(sim, paymentIntent, chargeId = undefined) {
	if (paymentIntent.capture_method !== 'manual') return void taken(sim, paymentIntent, paymentIntent.amount, chargeId);
	Object.assign(paymentIntent, { status: 'requires_capture', amount_capturable: paymentIntent.amount });
	fire(sim, 'payment_intent.amount_capturable_updated', paymentIntent);
}

/** The money was taken (an automatic payment, or a capture): succeeded, with its charge. @param {Simulator} sim @param {any} paymentIntent @param {number} amount @param {string} [chargeId] */
function taken(sim, paymentIntent, amount, chargeId = undefined) {
	Object.assign(paymentIntent, { status: 'succeeded', amount_received: amount, amount_capturable: 0, next_action: null });
	const charge = addCharge(sim, paymentIntent, chargeId);
	fire(sim, 'payment_intent.succeeded', paymentIntent);
	if (paymentIntent.capture_method === 'manual') fire(sim, 'charge.captured', charge);
}

/**
 * The charge of a payment intent whose money was taken. The reference shows no charge object's
 * fields: these are Stripe's, the simulator's guess.
 * @param {Simulator} sim @param {any} paymentIntent @param {string} [id]
 */
function addCharge(sim, paymentIntent, id = sim.nextId('ch')) {
	const charge = {
		id,
		object: 'charge',
		amount: paymentIntent.amount,
		amount_captured: paymentIntent.amount_received,
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
		payment_method: paymentIntent.payment_method,
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
	const amount = fields.amount === undefined ? paymentIntent.amount_received - paymentIntent.amount_refunded : Number(fields.amount);
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
		charge.refunded = charge.amount_refunded >= charge.amount_captured;
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

/** WooshPay's Retrieve a PaymentIntent example (more.md), as pi_sandbox_7 is seeded. */
const RETRIEVE_EXAMPLE = {
	amount: 10,
	currency: 'USD',
	description: 'product description',
	metadata: { key1: 'value1' },
	quantity: 2,
	merchant_user_id: '123456',
	merchant_order_id: 'Order112344343',
	return_url: 'https://your.website',
	shipping: {
		address: { city: 'city', country: 'US', line1: 'XX mansion', line2: 'XX Town', state: 'California', postal_code: 'xxx xxx' },
		carrier: null,
		name: 'tom',
		phone: 'xxxx',
		tracking_number: null,
	},
};

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
	// The other states of the lifecycle, for the sandbox of `npm run dev` only: the tests count
	// the seeded payment intents and charges (test/node/payment-intent.test.ts and others).
	if (sim.options.seed !== 'sandbox') return;
	const order = (/** @type {string} */ n) => ({ merchant_order_id: `order_${n}`, description: `Order ${n}` });
	addPaymentIntent(sim, { customer: 'cus_sandbox_2', amount: 15000, currency: 'GBP', ...order('1005'), capture_method: 'manual', payment_method: 'pm_sandbox_2', confirm: true }, 'pi_sandbox_5');
	addPaymentIntent(sim, { customer: 'cus_sandbox_3', amount: 3200, currency: 'USD', ...order('1006'), payment_method: 'pm_sandbox_3' }, 'pi_sandbox_6');
	const example = addPaymentIntent(sim, { ...RETRIEVE_EXAMPLE, confirm: true }, 'pi_sandbox_7', 'ch_sandbox_7');
	example.payment_method_types = JSON.stringify(['wechat_pay', 'alipay', 'card']);
	example.payment_method_options = JSON.stringify({ card: { request_three_d_secure: 'auto', capture_method: 'automatic' } });
	addPaymentIntent(sim, { customer: 'cus_sandbox_3', amount: 7500, currency: 'USD', ...order('1008'), payment_method: 'pm_sandbox_4', return_url: 'https://shop.example.com/done', confirm: true }, 'pi_sandbox_8');
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

/** @param {Simulator} sim @param {any} req @param {URL} url @returns {Answer} */
function search(sim, req, url) {
	const q = url.searchParams;
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

/** Card data sent with another type of payment method. @param {any} data @returns {Answer | undefined} */
function cardRefused(data) {
	if (data?.card !== undefined && data.type !== 'card') {
		return invalid(400, 'payment_method_data[card] is only for a payment method of type card.', 'payment_method_data[card]', 'parameter_invalid');
	}
	return undefined;
}

/** The refusal of a confirm with no payment method anywhere (Stripe's). */
const missingPaymentMethod = () =>
	invalid(400, "You cannot confirm this PaymentIntent because it's missing a payment method: send payment_method_data.", 'payment_method_data', 'parameter_missing');

/** The 402 answer to a payment attempt that failed: the error, with the payment intent. @param {any} paymentIntent */
const failedAttempt = (paymentIntent) => ({ status: 402, body: { error: { ...paymentIntent.last_payment_error, payment_intent: clone(paymentIntent) } } });

/** @param {Simulator} sim @param {any} req @returns {Answer} */
function createPaymentIntent(sim, req) {
	const early = replayedOrRefused(sim, req, paymentIntentCreate);
	if (early) return early;
	const body = req.body ?? {};
	if (body.customer !== undefined && !sim.customers.has(body.customer)) {
		return invalid(400, `No such customer: '${body.customer}'`, 'customer', 'resource_missing');
	}
	for (const onlyWithConfirm of ['return_url', 'off-session']) {
		if (body[onlyWithConfirm] !== undefined && body.confirm !== true) {
			return invalid(400, `${onlyWithConfirm} can only be passed when confirm is true.`, onlyWithConfirm, 'parameter_invalid');
		}
	}
	const problem = cardRefused(body.payment_method_data) ?? (body.confirm === true && !body.payment_method_data ? missingPaymentMethod() : undefined);
	if (problem) return problem;
	const paymentIntent = addPaymentIntent(sim, body);
	const failed = body.confirm === true && paymentIntent.last_payment_error !== null;
	return failed ? sim.record(req, paymentIntent.id, 402, failedAttempt(paymentIntent).body) : sim.record(req, paymentIntent.id, 200, paymentIntent);
}

/**
 * A move of a payment intent's lifecycle: `move` returns nothing (done), a refusal, or a
 * failure (see Simulator.change).
 * @param {Simulator} sim @param {any} req @param {any} bodySchema @param {string} id
 * @param {(paymentIntent: any, body: any) => (Answer | {status: number, body: any} | void)} move
 * @returns {Answer}
 */
function moved(sim, req, bodySchema, id, move) {
	return sim.change(req, bodySchema, paymentsOf(sim).paymentIntents, id, 'payment_intent', (paymentIntent) => move(paymentIntent, req.body ?? {}));
}

/** @type {import('./util').Handler} */
const updatePaymentIntent = (sim, req, _url, id) =>
	moved(sim, req, paymentIntentUpdate, id, (paymentIntent, body) => {
		const locked = Object.keys(body).find((key) => !ALWAYS_UPDATABLE.includes(key));
		if (locked && !CONFIRMABLE.includes(paymentIntent.status)) {
			const [status, answer] = unexpectedState('PaymentIntent', 'payment_intent_unexpected_state', paymentIntent.status, ['update', 'updated'], CONFIRMABLE);
			answer.error.message += ` Once it has left those, only ${ALWAYS_UPDATABLE.join(', ')} can change (${locked} was sent).`;
			answer.error.param = locked;
			return [status, answer];
		}
		const refused = cardRefused(body.payment_method_data);
		if (refused) return refused;
		const { metadata, payment_method_data: data, ...rest } = body;
		merge(paymentIntent, rest);
		mergeMetadata(paymentIntent.metadata, metadata);
		if (data) Object.assign(paymentIntent, { payment_method: addPaymentMethod(sim, data).id, status: 'requires_confirmation' });
		return undefined;
	});

/** @type {import('./util').Handler} */
const cancelPaymentIntent = (sim, req, _url, id) =>
	moved(sim, req, paymentIntentCancel, id, (paymentIntent, body) => {
		if (!CANCELABLE.includes(paymentIntent.status)) return unexpectedState('PaymentIntent', 'payment_intent_unexpected_state', paymentIntent.status, ['cancel', 'canceled'], CANCELABLE);
		if (!body.cancellation_reason.trim()) return invalid(400, 'Invalid cancellation_reason: it may not be empty.', 'cancellation_reason', 'parameter_invalid');
		Object.assign(paymentIntent, { status: 'canceled', cancellation_reason: body.cancellation_reason, cancel_at: sim.created(), amount_capturable: 0, next_action: null });
		fire(sim, 'payment_intent.canceled', paymentIntent);
		return undefined;
	});

/** @type {import('./util').Handler} */
const capturePaymentIntent = (sim, req, _url, id) =>
	moved(sim, req, paymentIntentCapture, id, (paymentIntent, body) => {
		if (paymentIntent.status !== 'requires_capture') return unexpectedState('PaymentIntent', 'payment_intent_unexpected_state', paymentIntent.status, ['capture', 'captured'], ['requires_capture']);
		const amount = body.amount_to_capture ?? paymentIntent.amount_capturable;
		if (amount < 1) return invalid(400, 'Invalid amount_to_capture: must be at least 1.', 'amount_to_capture', 'parameter_invalid');
		if (amount > paymentIntent.amount_capturable) {
			return invalid(400, `The amount to capture (${amount}) must be less than or equal to the amount capturable (${paymentIntent.amount_capturable}).`, 'amount_to_capture', 'amount_too_large');
		}
		taken(sim, paymentIntent, amount);
		return undefined;
	});

/** @type {import('./util').Handler} */
const confirmPaymentIntent = (sim, req, _url, id) =>
	moved(sim, req, paymentIntentConfirm, id, (paymentIntent, body) => {
		if (!CONFIRMABLE.includes(paymentIntent.status)) return unexpectedState('PaymentIntent', 'payment_intent_unexpected_state', paymentIntent.status, ['confirm', 'confirmed'], CONFIRMABLE);
		const refused = cardRefused(body.payment_method_data) ?? (!body.payment_method_data && !paymentIntent.payment_method ? missingPaymentMethod() : undefined);
		if (refused) return refused;
		if (body.payment_method_data) paymentIntent.payment_method = addPaymentMethod(sim, body.payment_method_data).id;
		const failed = attempt(sim, paymentIntent, { offSession: yes(body.off_session), errorOnRequiresAction: yes(body.error_on_requires_action) });
		return failed ? failedAttempt(paymentIntent) : undefined;
	});

/** The sandbox's end of a 3D Secure challenge or a bank debit. @type {import('./util').Handler} */
function completePaymentIntent(sim, req, _url, id) {
	const paymentIntent = paymentsOf(sim).paymentIntents.get(id);
	if (!paymentIntent) return invalid(404, `No such payment_intent: '${id}'`, 'id', 'resource_missing');
	const refused = refusal(schema.check(req.body ?? {}, sandboxComplete));
	if (refused) return refused;
	if (!WAITING.includes(paymentIntent.status)) return unexpectedState('PaymentIntent', 'payment_intent_unexpected_state', paymentIntent.status, ['complete', 'completed'], WAITING);
	if (req.body?.outcome === 'fail') {
		const what = paymentIntent.status === 'requires_action' ? 'The customer failed the 3D Secure challenge.' : 'The bank refused the debit.';
		fail(sim, paymentIntent, { type: 'card_error', code: 'payment_intent_payment_attempt_failed', message: what, payment_method: paymentIntent.payment_method });
	} else {
		approved(sim, paymentIntent);
	}
	return [200, clone(paymentIntent)];
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
	const left = paymentIntent.amount_received - paymentIntent.amount_refunded;
	if (Number(body.amount ?? left) > left || left === 0) {
		return invalid(400, `Refund amount (${body.amount ?? left}) is greater than the amount left to refund (${left}).`, 'amount', 'amount_too_large');
	}
	return sim.create(req, refundCreate, () => addRefund(sim, paymentIntent, body));
}

/**
 * Retrieve one object of a store by the ID in the path; no query parameter (the pre-existing
 * endpoints did not refuse a body on a GET, and still do not).
 * @param {(payments: Payments) => Map<string, any>} store @param {string} type @param {boolean} [noBody]
 * @returns {import('./util').Handler}
 */
const retrieve = (store, type, noBody = false) => (sim, req, _url, id) =>
	(noBody ? refusedGet(req, {}) : refusedQuery(req.query, {})) ?? sim.find(store(paymentsOf(sim)), id, type);

/** @param {Simulator} sim @param {any} req @param {string} type */
function page(sim, req, type) {
	return { url: req.path, type, maxPageSize: sim.options.maxPageSize };
}

/** @type {import('./util').Route[]} */
const ROUTES = [
	['GET', /^\/v1\/balance$/, (sim, req) => refusedQuery(req.query, {}) ?? [200, clone(paymentsOf(sim).balance)]],
	['POST', /^\/v1\/payment_intents$/, createPaymentIntent],
	['GET', /^\/v1\/payment_intents$/, (sim, req, url) => refusedQuery(req.query, LIST_QUERY) ?? listPage(paymentsOf(sim).paymentIntents.values(), url.searchParams, page(sim, req, 'payment_intent'))],
	['GET', /^\/v1\/payment_intents\/search$/, search],
	// Retrieve a PaymentIntent: the page declares no query parameter (its text is Stripe's, with client_secret).
	['GET', /^\/v1\/payment_intents\/([^/]+)$/, retrieve((p) => p.paymentIntents, 'payment_intent')],
	['POST', /^\/v1\/payment_intents\/([^/]+)$/, updatePaymentIntent],
	['POST', /^\/v1\/payment_intents\/([^/]+)\/cancel$/, cancelPaymentIntent],
	['POST', /^\/v1\/payment_intents\/([^/]+)\/capture$/, capturePaymentIntent],
	['POST', /^\/v1\/payment_intents\/([^/]+)\/confirm$/, confirmPaymentIntent],
	['POST', /^\/_sandbox\/payment_intents\/([^/]+)\/complete$/, completePaymentIntent],
	['POST', /^\/v1\/refunds$/, createRefund],
	['GET', /^\/v1\/refunds\/([^/]+)$/, retrieve((p) => p.refunds, 'refund')],
	[
		'GET',
		/^\/v1\/events\/([^/]+)$/,
		(sim, req, _url, id) => {
			const event = paymentsOf(sim).events.get(id) ?? sentEvent(sim, id);
			return refusedQuery(req.query, {}) ?? (event ? [200, clone(event)] : invalid(404, `No such event: '${id}'`, 'id', 'resource_missing'));
		},
	],
	[
		'GET',
		/^\/v1\/charges\/list$/,
		(sim, req, url) => {
			const customer = url.searchParams.get('customer');
			const charges = [...paymentsOf(sim).charges.values()].filter((c) => customer === null || c.customer === customer);
			return refusedQuery(req.query, CHARGE_LIST_QUERY) ?? listPage(charges, url.searchParams, page(sim, req, 'charge'));
		},
	],
	// Retrieve a charge: no body, no query (docs.guanglian.co/55482259e0.md).
	['GET', /^\/v1\/charges\/([^/]+)$/, retrieve((p) => p.charges, 'charge', true)],
];

/**
 * Answers the payments endpoints; undefined for any other request.
 * @param {Simulator} sim @param {any} req @param {URL} url @returns {Answer | undefined}
 */
function routes(sim, req, url) {
	paymentsOf(sim);
	return dispatch(ROUTES, sim, req, url);
}

module.exports = { routes, paymentsOf, addPaymentIntent, addRefund, addEvent, PAYMENT_METHOD_TYPES, RETRIEVE_EXAMPLE };
