// @ts-check
'use strict';

/**
 * Payment methods and setup intents (an endpoint module, see ROUTE_MODULES in simulator.js), as
 * ../shared/wooshpay/api/payments.md and more.md mark them [seen]:
 *
 *   POST /v1/payment_methods                 body: type (required), billing_details, metadata, card
 *   POST /v1/payment_methods/{id}/attach     body: customer (required)
 *   GET  /v1/customers/{id}/payment_methods  query: type, limit (1 to 100), starting_after, ending_before
 *   POST /v1/setup_intents/{id}              body: customer, description, metadata, payment_method,
 *                                            payment_method_types, payment_method_options, payment_method_data
 *   POST /v1/setup_intents/{id}/confirm      body: return_url (required), customer, description, metadata,
 *                                            payment_method, payment_method_options, payment_method_data, usage
 *
 * What the pages do not show is this simulator's guess, kept plain:
 * - `card` of Create a PaymentMethod: the page lists the answer's card fields (brand, checks,
 *   last4…); what is accepted is what WooshPay's own examples send (number, exp_month,
 *   exp_year, cvc, name; schema.card). The answer's card is made from it: brand from the
 *   number, never the number itself. A card payment method with no card data is the sandbox's
 *   test card (Visa 4242, 12/2030).
 * - Test cards, as Stripe's: 4000000000000002 is declined, 4000000000003220 asks for 3D Secure
 *   on a payment (payments.js); any other number is approved. A `sepa_debit` payment method
 *   pays in the background (status processing). Setup intents need no 3D Secure here.
 * - The paging of a customer's payment methods (starting_after, ending_before) is Stripe's: the
 *   page shows type and limit only. Newest first.
 * - A payment method attached to one customer is not attached to another (400); attaching it
 *   again to the same customer answers it unchanged.
 * - A setup intent is confirmed from requires_payment_method or requires_confirmation: it
 *   succeeds (setup_intent.succeeded fires) and its payment method is attached to its customer;
 *   a declined test card leaves it in requires_payment_method with `last_setup_error` (402).
 *   Its payment method cannot change once it has succeeded or been canceled.
 * - The setup intent object is Stripe's (the pages show none; Update's example answer is {}).
 *
 * Seeded: payment methods pm_sandbox_1..6 (cards of cus_sandbox_1..3; pm_sandbox_5, a card of
 * no one; pm_sandbox_6, a card that is declined) and setup intents seti_sandbox_1
 * (requires_payment_method), seti_sandbox_2 (requires_confirmation) and seti_sandbox_3
 * (succeeded).
 */

const { createHash } = require('node:crypto');
const schema = require('./schema');
const { clone, merge, invalid, refusedGet, listPage, perSimulator, keep, dispatch, mergeMetadata, unexpectedState } = require('./util');
const { fire } = require('./webhooks');

/** @typedef {import('./simulator').Simulator} Simulator */
/** @typedef {import('./util').Answer} Answer */
/** @typedef {'succeeds' | 'declined' | 'authentication' | 'processing'} Outcome */

const paymentMethodCreate = {
	object: {
		type: { enum: schema.PAYMENT_METHOD_TYPES },
		billing_details: schema.billingDetails,
		metadata: schema.metadata,
		card: schema.card,
	},
	required: ['type'],
};

const attach = { object: { customer: 'string' }, required: ['customer'] };

/** `request_three_d_secure`: "auto" is seen (a payment intent's options); any, automatic, challenge are Stripe's. */
const paymentMethodOptions = { object: { card: { object: { request_three_d_secure: { enum: ['auto', 'any', 'automatic', 'challenge'] } } } } };

const setupIntentUpdate = {
	object: {
		customer: 'string',
		description: 'string',
		metadata: schema.metadata,
		payment_method: 'string',
		payment_method_types: { array: { enum: schema.PAYMENT_METHOD_TYPES } },
		payment_method_options: paymentMethodOptions,
		payment_method_data: schema.paymentMethodData,
	},
};

/** Confirm a SetupIntent: `wechat_pay` and `alipayplus` are named without fields, so only {} is accepted for them. */
const setupIntentConfirm = {
	object: {
		customer: 'string',
		description: 'string',
		metadata: schema.metadata,
		payment_method: 'string',
		payment_method_options: paymentMethodOptions,
		payment_method_data: {
			object: { ...schema.paymentMethodData.object, wechat_pay: { object: {} }, alipayplus: { object: {} } },
			required: ['type'],
		},
		usage: { enum: ['on_session', 'off_session'] },
		return_url: 'string',
	},
	required: ['return_url'],
};

/** @type {Record<string, 'string' | 'integer' | {enum: string[]}>} */
const CUSTOMER_LIST_QUERY = { type: { enum: schema.PAYMENT_METHOD_TYPES }, limit: 'integer', starting_after: 'string', ending_before: 'string' };

/** Stripe's test card numbers: brand and what a payment with it does. */
const TEST_CARDS = /** @type {Record<string, [string, Outcome]>} */ ({
	'4242424242424242': ['visa', 'succeeds'],
	'5555555555554444': ['mastercard', 'succeeds'],
	'4000000000000002': ['visa', 'declined'],
	'4000000000003220': ['visa', 'authentication'],
});
const SANDBOX_CARD = { number: '4242424242424242', exp_month: '12', exp_year: '2030' };

/**
 * @typedef {object} Stores
 * @property {Map<string, any>} paymentMethods
 * @property {Map<string, Outcome>} outcomes   payment method ID → what a payment with it does
 * @property {Map<string, any>} setupIntents
 */

/** @type {(sim: Simulator) => Stores} */
const paymentMethodsOf = perSimulator(() => ({ paymentMethods: new Map(), outcomes: new Map(), setupIntents: new Map() }), seed);

/** The answer's card, made from the card data sent. @param {any} card */
function cardDetails(card) {
	const { number, exp_month: month, exp_year: year, cvc } = { ...SANDBOX_CARD, ...card };
	const [brand] = TEST_CARDS[number] ?? [{ 3: 'amex', 4: 'visa', 5: 'mastercard', 6: 'unionpay' }[/** @type {3|4|5|6} */ (Number(number[0]))] ?? 'unknown'];
	const fullYear = Number(year) < 100 ? 2000 + Number(year) : Number(year);
	return {
		brand,
		checks: { address_line1_check: null, address_zip_check: null, cvc_check: cvc === undefined ? null : 'pass' },
		country: 'US',
		exp_month: Number(month),
		exp_year: fullYear,
		fingerprint: createHash('sha256').update(number).digest('base64url').slice(0, 16),
		funding: 'credit',
		last4: number.slice(-4),
	};
}

/**
 * A payment method made from `payment_method_data` or a Create a PaymentMethod body.
 * @param {Simulator} sim @param {any} data @param {string} [id] @param {string | null} [customer]
 */
function addPaymentMethod(sim, data, id = sim.nextId('pm'), customer = null) {
	const { paymentMethods, outcomes } = paymentMethodsOf(sim);
	const emptyAddress = { city: null, country: null, line1: null, line2: null, postal_code: null, state: null };
	const billing = data.billing_details ?? {};
	const paymentMethod = {
		id,
		object: 'payment_method',
		billing_details: {
			email: null,
			name: data.card?.name ?? null,
			phone: null,
			...clone(billing),
			address: { ...emptyAddress, ...clone(billing.address ?? {}) },
		},
		created: sim.created(),
		customer,
		livemode: false,
		metadata: clone(data.metadata ?? {}),
		type: data.type,
		// The method's own object, as Stripe's payment methods carry it: the card's details, {} for the others.
		[data.type]: data.type === 'card' ? cardDetails(data.card) : {},
	};
	paymentMethods.set(id, paymentMethod);
	const number = data.card?.number ?? SANDBOX_CARD.number;
	outcomes.set(id, data.type === 'sepa_debit' ? 'processing' : data.type === 'card' ? (TEST_CARDS[number]?.[1] ?? 'succeeds') : 'succeeds');
	return paymentMethod;
}

/** What a payment with this payment method does (payments.js). @param {Simulator} sim @param {string | null} id @returns {Outcome} */
function outcomeOf(sim, id) {
	return (id && paymentMethodsOf(sim).outcomes.get(id)) || 'succeeds';
}

/** The error of a declined card, as `last_payment_error` / `last_setup_error` carry it. @param {string | null} paymentMethod */
function declined(paymentMethod, authentication = false) {
	return authentication
		? { type: 'card_error', code: 'authentication_required', decline_code: 'authentication_required', message: 'Your card was declined. This transaction requires authentication.', payment_method: paymentMethod }
		: { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.', payment_method: paymentMethod };
}

/**
 * WooshPay's refusal to attach a payment method to this customer, or undefined (attached, or
 * already this customer's).
 * @param {Simulator} sim @param {any} paymentMethod @param {string} customer @returns {Answer | undefined}
 */
function attachRefusal(sim, paymentMethod, customer) {
	if (!sim.customers.has(customer)) return invalid(400, `No such customer: '${customer}'`, 'customer', 'resource_missing');
	if (paymentMethod.customer && paymentMethod.customer !== customer) {
		return invalid(400, `The payment method you provided has already been attached to a customer (${paymentMethod.customer}).`, 'customer', 'resource_already_exists');
	}
	return undefined;
}

/** @param {Simulator} sim @param {any} fields @param {string} [id] */
function addSetupIntent(sim, fields, id = sim.nextId('seti')) {
	const setupIntent = {
		id,
		object: 'setup_intent',
		cancellation_reason: null,
		client_secret: `${id}_secret_sim`,
		created: sim.created(),
		customer: null,
		description: null,
		last_setup_error: null,
		livemode: false,
		metadata: {},
		next_action: null,
		payment_method: null,
		payment_method_options: { card: { request_three_d_secure: 'auto' } },
		payment_method_types: ['card'],
		status: 'requires_payment_method',
		usage: 'off_session',
		...clone(fields),
	};
	return keep(paymentMethodsOf(sim).setupIntents, setupIntent);
}

/** @param {Simulator} sim */
function seed(sim) {
	const cards = [
		['cus_sandbox_1', 'Ada Lovelace', { number: '4242424242424242', exp_month: '12', exp_year: '2030' }],
		['cus_sandbox_2', 'Grace Hopper', { number: '4242424242424242', exp_month: '8', exp_year: '2029' }],
		['cus_sandbox_3', 'Alan Turing', { number: '5555555555554444', exp_month: '3', exp_year: '2031' }],
		['cus_sandbox_3', 'Alan Turing', { number: '4000000000003220', exp_month: '6', exp_year: '2030' }],
		[null, 'Unattached Card', { number: '4242424242424242', exp_month: '1', exp_year: '2032' }],
		[null, 'Declined Card', { number: '4000000000000002', exp_month: '1', exp_year: '2032' }],
	];
	cards.forEach(([customer, name, card], i) => addPaymentMethod(sim, { type: 'card', card, billing_details: { name } }, `pm_sandbox_${i + 1}`, /** @type {string | null} */ (customer)));
	addSetupIntent(sim, { customer: 'cus_sandbox_1', description: 'Save a card for later' }, 'seti_sandbox_1');
	addSetupIntent(sim, { customer: 'cus_sandbox_2', payment_method: 'pm_sandbox_5', status: 'requires_confirmation' }, 'seti_sandbox_2');
	addSetupIntent(sim, { customer: 'cus_sandbox_3', payment_method: 'pm_sandbox_3', status: 'succeeded' }, 'seti_sandbox_3');
}

/** @param {Simulator} sim @param {any} req @returns {Answer} */
function createPaymentMethod(sim, req) {
	const body = req.body ?? {};
	const cardOfAnotherType = () => (body.card !== undefined && body.type !== 'card' ? invalid(400, 'card is only for a payment method of type card.', 'card', 'parameter_invalid') : undefined);
	return sim.create(req, paymentMethodCreate, () => addPaymentMethod(sim, body), cardOfAnotherType);
}

/** @param {Simulator} sim @param {any} req @param {URL} _url @param {string} id @returns {Answer} */
function attachPaymentMethod(sim, req, _url, id) {
	return sim.change(req, attach, paymentMethodsOf(sim).paymentMethods, id, 'payment_method', (paymentMethod) => {
		const refused = attachRefusal(sim, paymentMethod, req.body.customer);
		if (refused) return refused;
		paymentMethod.customer = req.body.customer;
		return undefined;
	});
}

/** @param {Simulator} sim @param {any} req @param {URL} url @param {string} customer @returns {Answer} */
function customerPaymentMethods(sim, req, url, customer) {
	const refused = refusedGet(req, CUSTOMER_LIST_QUERY);
	if (refused) return refused;
	if (!sim.customers.has(customer)) return invalid(404, `No such customer: '${customer}'`, 'customer', 'resource_missing');
	const type = url.searchParams.get('type');
	const theirs = [...paymentMethodsOf(sim).paymentMethods.values()].filter((pm) => pm.customer === customer && (type === null || pm.type === type));
	return listPage(theirs, url.searchParams, { url: req.path, type: 'payment_method', maxPageSize: sim.options.maxPageSize, maxLimit: 100 });
}

/**
 * The payment method a setup intent update or confirm names (payment_method, or one made from
 * payment_method_data), or WooshPay's refusal.
 * @param {Simulator} sim @param {any} body @returns {{id?: string, refused?: Answer}}
 */
function namedPaymentMethod(sim, body) {
	if (body.payment_method !== undefined && body.payment_method_data !== undefined) {
		return { refused: invalid(400, 'Give payment_method or payment_method_data, not both.', 'payment_method_data', 'parameter_invalid') };
	}
	if (body.payment_method !== undefined && !paymentMethodsOf(sim).paymentMethods.has(body.payment_method)) {
		return { refused: invalid(400, `No such payment_method: '${body.payment_method}'`, 'payment_method', 'resource_missing') };
	}
	if (body.customer !== undefined && !sim.customers.has(body.customer)) return { refused: invalid(400, `No such customer: '${body.customer}'`, 'customer', 'resource_missing') };
	return { id: body.payment_method };
}

const SETUP_CHANGEABLE = ['requires_payment_method', 'requires_confirmation', 'requires_action'];
const SETUP_CONFIRMABLE = ['requires_payment_method', 'requires_confirmation'];

/** @param {Simulator} sim @param {any} req @param {URL} _url @param {string} id @returns {Answer} */
function updateSetupIntent(sim, req, _url, id) {
	return sim.change(req, setupIntentUpdate, paymentMethodsOf(sim).setupIntents, id, 'setup_intent', (setupIntent) => {
		const body = req.body ?? {};
		const { id: named, refused } = namedPaymentMethod(sim, body);
		if (refused) return refused;
		const methodChanges = ['payment_method', 'payment_method_data', 'payment_method_types'].some((key) => key in body);
		if (methodChanges && !SETUP_CHANGEABLE.includes(setupIntent.status)) {
			return unexpectedState('SetupIntent', 'setup_intent_unexpected_state', setupIntent.status, ['update the payment method of', 'updated'], SETUP_CHANGEABLE);
		}
		const { metadata, payment_method_data: data, payment_method: _named, payment_method_types: types, ...rest } = body;
		merge(setupIntent, rest);
		mergeMetadata(setupIntent.metadata, metadata);
		if (types) setupIntent.payment_method_types = [...types];
		const paymentMethod = data ? addPaymentMethod(sim, data).id : named;
		if (paymentMethod) {
			setupIntent.payment_method = paymentMethod;
			setupIntent.status = 'requires_confirmation';
		}
		return undefined;
	});
}

/** @param {Simulator} sim @param {any} req @param {URL} _url @param {string} id @returns {Answer} */
function confirmSetupIntent(sim, req, _url, id) {
	return sim.change(req, setupIntentConfirm, paymentMethodsOf(sim).setupIntents, id, 'setup_intent', (setupIntent) => {
		const body = req.body ?? {};
		if (!SETUP_CONFIRMABLE.includes(setupIntent.status)) {
			return unexpectedState('SetupIntent', 'setup_intent_unexpected_state', setupIntent.status, ['confirm', 'confirmed'], SETUP_CONFIRMABLE);
		}
		const { id: named, refused } = namedPaymentMethod(sim, body);
		if (refused) return refused;
		const { paymentMethods } = paymentMethodsOf(sim);
		const existing = named ?? setupIntent.payment_method;
		if (!existing && !body.payment_method_data) {
			return invalid(400, "You cannot confirm this SetupIntent because it's missing a payment method: give payment_method or payment_method_data.", 'payment_method', 'parameter_missing');
		}
		const customer = body.customer ?? setupIntent.customer;
		if (existing && customer) {
			const notTheirs = attachRefusal(sim, paymentMethods.get(existing), customer);
			if (notTheirs) return notTheirs;
		}
		const paymentMethod = existing ?? addPaymentMethod(sim, body.payment_method_data).id;
		const { metadata, payment_method_data: _data, payment_method: _named, return_url: _return, ...rest } = body;
		merge(setupIntent, rest);
		mergeMetadata(setupIntent.metadata, metadata);
		if (outcomeOf(sim, paymentMethod) === 'declined') {
			// No event: setup_intent.created and .succeeded are the only setup intent events seen.
			Object.assign(setupIntent, { status: 'requires_payment_method', payment_method: null, last_setup_error: declined(paymentMethod) });
			return { status: 402, body: { error: { ...setupIntent.last_setup_error, setup_intent: clone(setupIntent) } } };
		}
		Object.assign(setupIntent, { status: 'succeeded', payment_method: paymentMethod, last_setup_error: null });
		if (customer) paymentMethods.get(paymentMethod).customer = customer;
		fire(sim, 'setup_intent.succeeded', setupIntent);
		return undefined;
	});
}

/** @type {import('./util').Route[]} */
const ROUTES = [
	['POST', /^\/v1\/payment_methods$/, createPaymentMethod],
	['POST', /^\/v1\/payment_methods\/([^/]+)\/attach$/, attachPaymentMethod],
	['GET', /^\/v1\/customers\/([^/]+)\/payment_methods$/, customerPaymentMethods],
	['POST', /^\/v1\/setup_intents\/([^/]+)$/, updateSetupIntent],
	['POST', /^\/v1\/setup_intents\/([^/]+)\/confirm$/, confirmSetupIntent],
];

/**
 * Answers the payment method and setup intent endpoints; undefined for any other request.
 * @param {Simulator} sim @param {any} req @param {URL} url @returns {Answer | undefined}
 */
function routes(sim, req, url) {
	return dispatch(ROUTES, sim, req, url);
}

module.exports = { routes, paymentMethodsOf, addPaymentMethod, addSetupIntent, outcomeOf, declined };
