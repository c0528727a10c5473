// @ts-check
'use strict';

/**
 * Payouts, beneficiaries and FX quotes, WooshPay's own resources (an endpoint module, see
 * ROUTE_MODULES in simulator.js), as ../shared/wooshpay/api/other.md and more.md mark them [seen]:
 *
 *   POST /v1/payouts              body: payment_currency, source_currency, payment_amount | source_amount
 *                                 (exactly one), beneficiary | beneficiary_data (exactly one),
 *                                 description, metadata, type (local, global, to_China)
 *   POST /v1/payouts/{id}         body: metadata (an object as the example shows, or that object as
 *                                 JSON text as the table types it)
 *   GET  /v1/beneficiaries/{id}   no query parameter
 *   POST /v1/fx_quotes            body: from_currencies, to_currency, usage {type: payin | payout} (all required)
 *
 * What the pages do not show is this simulator's guess, kept plain:
 * - Both currencies are required (every example sends both). The amount not given is worked
 *   out at the sandbox's fixed rates (RATES: per US dollar, an invented table) in each
 *   currency's smallest unit; a currency outside the table is refused. The guide's per-country
 *   minimum and maximum amounts are not checked.
 * - `beneficiary_data` makes a beneficiary (bf_…) that Retrieve a beneficiary then finds, as the
 *   page says ("added if none exists"); the payout's answer carries the beneficiary object in
 *   `beneficiary_data` either way, as the Create example does. Its accepted fields are those the
 *   examples show: nickname, entity (Example B), destination_data with destination_type and the
 *   details of bank_account, upi or alipay (alipay's `last_name` is a guess: the page is cut
 *   after `first_n…`); the object of the type named must be there, and no other. card,
 *   carrier_billing and imps are types whose fields are not seen: the type alone is accepted.
 * - A new payout is `pending` (the Create example) and stays so: no page moves it. payout.created fires.
 * - The FX quote's answer is not in the page: its shape is Stripe's FX Quote
 *   (`rates[<from>].exchange_rate`, `lock_status: none`), its rates the table below.
 *
 * Seeded: beneficiaries bf_sandbox_1 (a GB bank account), bf_sandbox_2 (UPI, India) and
 * bf_sandbox_3 (Alipay, China); payouts po_sandbox_1 (paid, to bf_sandbox_1) and po_sandbox_2
 * (pending, to bf_sandbox_2).
 */

const schema = require('./schema');
const { clone, invalid, refusedGet, perSimulator, keep, dispatch, mergeMetadata, metadataOf, badMetadataText } = require('./util');
const { fire } = require('./webhooks');

/** @typedef {import('./simulator').Simulator} Simulator */
/** @typedef {import('./util').Answer} Answer */

/** Units of each currency for one US dollar: the sandbox's fixed, invented rates. */
const RATES = /** @type {Record<string, number>} */ ({
	USD: 1, EUR: 0.92, GBP: 0.79, CNY: 7.2, HKD: 7.8, SGD: 1.34, INR: 83.2, JPY: 151, AUD: 1.52, CAD: 1.36, MYR: 4.7, THB: 36.5, IDR: 15800, PHP: 56.5, KRW: 1350, VND: 25000,
});
/** Currencies without a smaller unit (Stripe's zero-decimal ones). */
const ZERO_DECIMAL = ['JPY', 'KRW', 'VND'];

const bankAccount = {
	object: {
		account_holder_name: 'string',
		account_holder_type: { enum: ['individual', 'company'] },
		account_number: 'string',
		bank_name: 'string',
		country: 'string',
		currency: 'string',
		dob: { object: { day: 'string', month: 'string', year: 'string' } },
		email: 'string',
		phone_number: 'string',
		routing_number: 'string',
		swift: 'string',
	},
};
const DESTINATION_TYPES = ['bank_account', 'card', 'carrier_billing', 'alipay', 'upi', 'imps'];
/** The destination types whose details are seen, and so required with them. */
const DETAILED = ['bank_account', 'upi', 'alipay'];

const beneficiaryData = {
	object: {
		nickname: 'string',
		destination_data: {
			object: {
				destination_type: { enum: DESTINATION_TYPES },
				bank_account: bankAccount,
				upi: { object: { vpa: 'string', phone_number: 'string' } },
				alipay: { object: { user_id: 'string', first_name: 'string', last_name: 'string' } },
			},
			required: ['destination_type'],
		},
		entity: {
			object: {
				type: { enum: ['individual', 'business'] },
				company_registered_name: 'string',
				business: {
					object: {
						address: schema.address,
						additional_info: {
							object: Object.fromEntries(
								['business_area', 'business_phone_number', 'business_registration_number', 'legal_rep_first_name', 'legal_rep_last_name', 'legal_rep_id_type', 'legal_rep_id_number', 'legal_rep_email', 'legal_rep_phone'].map((f) => [f, 'string']),
							),
						},
					},
				},
			},
		},
	},
	required: ['destination_data'],
};

const payoutCreate = {
	object: {
		payment_currency: schema.currency,
		payment_amount: 'integer',
		source_currency: schema.currency,
		source_amount: 'integer',
		description: 'string',
		metadata: schema.metadata,
		type: { enum: ['local', 'global', 'to_China'] },
		beneficiary: 'string',
		beneficiary_data: beneficiaryData,
	},
	required: ['payment_currency', 'source_currency'],
};

const payoutUpdate = { object: { metadata: { anyOf: [schema.metadata, schema.metadataText] } } };

const fxQuoteCreate = {
	object: {
		from_currencies: { array: schema.currency },
		to_currency: schema.currency,
		usage: { object: { type: { enum: ['payin', 'payout'] } }, required: ['type'] },
	},
	required: ['from_currencies', 'to_currency', 'usage'],
};

/** @typedef {{payouts: Map<string, any>, beneficiaries: Map<string, any>, fxQuotes: Map<string, any>}} Stores */

/** @type {(sim: Simulator) => Stores} */
const payoutsOf = perSimulator(() => ({ payouts: new Map(), beneficiaries: new Map(), fxQuotes: new Map() }), seed);

/** An amount in one currency's smallest unit, in another's at the sandbox's rates. @param {number} amount @param {string} from @param {string} to */
function convert(amount, from, to) {
	const [f, t] = [from.toUpperCase(), to.toUpperCase()];
	const units = (/** @type {string} */ c) => (ZERO_DECIMAL.includes(c) ? 1 : 100);
	return Math.round(((amount / units(f)) * RATES[t] * units(t)) / RATES[f]);
}

/** The exchange rate from one currency to another, to 6 places. @param {string} from @param {string} to */
const rate = (from, to) => Math.round((RATES[to.toUpperCase()] / RATES[from.toUpperCase()]) * 1e6) / 1e6;

/** @param {Record<string, unknown>} body @param {string[]} params @returns {Answer | undefined} a refusal of a currency outside the table */
function unknownCurrency(body, params) {
	for (const param of params) {
		const codes = /** @type {string[]} */ ([body[param]].flat());
		const unknown = codes.find((code) => !(code.toUpperCase() in RATES));
		if (unknown !== undefined) return invalid(400, `Unsupported currency: ${unknown} (the sandbox knows ${Object.keys(RATES).join(', ')})`, param, 'currency_not_supported');
	}
	return undefined;
}

/** @param {Simulator} sim @param {any} data @param {string} [id] */
function addBeneficiary(sim, data, id = sim.nextId('bf')) {
	const beneficiary = { id, object: 'beneficiary', created: sim.created(), livemode: false, metadata: {}, nickname: null, ...clone(data) };
	return keep(payoutsOf(sim).beneficiaries, beneficiary);
}

/**
 * A payout as the Create a payout example answers it.
 * @param {Simulator} sim @param {any} body @param {any} beneficiary @param {string} [id] @param {string} [status]
 */
function addPayout(sim, body, beneficiary, id = sim.nextId('po'), status = 'pending') {
	const { payment_currency: paymentCurrency, source_currency: sourceCurrency } = body;
	const payout = {
		id,
		object: 'payout',
		created: sim.created(),
		livemode: false,
		status,
		beneficiary_data: clone(beneficiary),
		description: body.description ?? null,
		metadata: clone(body.metadata ?? {}),
		payment_amount: body.payment_amount ?? convert(body.source_amount, sourceCurrency, paymentCurrency),
		payment_currency: paymentCurrency,
		source_amount: body.source_amount ?? convert(body.payment_amount, paymentCurrency, sourceCurrency),
		source_currency: sourceCurrency,
		type: body.type ?? null,
	};
	return keep(payoutsOf(sim).payouts, payout);
}

/** @param {Simulator} sim */
function seed(sim) {
	const bank = addBeneficiary(
		sim,
		{
			nickname: 'Acme Supplies Ltd',
			destination_data: {
				destination_type: 'bank_account',
				bank_account: { account_holder_name: 'Acme Supplies Ltd', account_holder_type: 'company', account_number: '31926819', bank_name: 'Barclays', country: 'GB', currency: 'GBP', routing_number: '200000', swift: 'BARCGB22' },
			},
		},
		'bf_sandbox_1',
	);
	const upi = addBeneficiary(sim, { nickname: 'Priya Sharma', destination_data: { destination_type: 'upi', upi: { vpa: 'priya@okaxis', phone_number: '91-9876543210' } } }, 'bf_sandbox_2');
	addBeneficiary(sim, { nickname: 'Li Wei', destination_data: { destination_type: 'alipay', alipay: { user_id: '2088102146225135', first_name: 'Wei', last_name: 'Li' } } }, 'bf_sandbox_3');
	addPayout(sim, { payment_currency: 'GBP', source_currency: 'USD', source_amount: 50000, description: 'January invoice', type: 'global' }, bank, 'po_sandbox_1', 'paid');
	addPayout(sim, { payment_currency: 'INR', source_currency: 'INR', payment_amount: 124000, metadata: { order: 'A-1001' }, type: 'local' }, upi, 'po_sandbox_2');
}

/** @type {import('./util').Handler} */
function createPayout(sim, req) {
	const body = req.body ?? {};
	const { beneficiaries } = payoutsOf(sim);
	return sim.create(req, payoutCreate, () => {
		const beneficiary = body.beneficiary !== undefined ? beneficiaries.get(body.beneficiary) : addBeneficiary(sim, body.beneficiary_data);
		const payout = addPayout(sim, body, beneficiary);
		fire(sim, 'payout.created', payout);
		return payout;
	}, () => {
		if ((body.beneficiary === undefined) === (body.beneficiary_data === undefined)) {
			return invalid(400, 'Give exactly one of beneficiary (the ID of a saved beneficiary) and beneficiary_data (the details of a new one).', 'beneficiary', 'parameter_invalid');
		}
		if ((body.payment_amount === undefined) === (body.source_amount === undefined)) {
			return invalid(400, 'Give exactly one of payment_amount and source_amount (conditional required): the other is worked out at the rate of the day.', 'payment_amount', 'parameter_invalid');
		}
		const amountParam = body.payment_amount !== undefined ? 'payment_amount' : 'source_amount';
		if (body[amountParam] < 1) return invalid(400, `Invalid ${amountParam}: must be a whole number of 1 or more, in the currency's smallest unit.`, amountParam, 'parameter_invalid');
		if (body.beneficiary !== undefined && !beneficiaries.has(body.beneficiary)) return invalid(400, `No such beneficiary: '${body.beneficiary}'`, 'beneficiary', 'resource_missing');
		const destination = body.beneficiary_data?.destination_data;
		if (destination) {
			const type = destination.destination_type;
			const stray = DETAILED.find((key) => key !== type && key in destination);
			if (stray) return invalid(400, `destination_data[${stray}] is only for destination_type ${stray} (this one is ${type}).`, `beneficiary_data[destination_data][${stray}]`, 'parameter_invalid');
			if (DETAILED.includes(type) && !(type in destination)) return invalid(400, `Missing required param: beneficiary_data[destination_data][${type}].`, `beneficiary_data[destination_data][${type}]`, 'parameter_missing');
		}
		return unknownCurrency(body, ['payment_currency', 'source_currency']);
	});
}

/** @type {import('./util').Handler} */
function updatePayout(sim, req, _url, id) {
	return sim.change(req, payoutUpdate, payoutsOf(sim).payouts, id, 'payout', (payout) => {
		const pairs = metadataOf(req.body?.metadata);
		if (pairs === null) return badMetadataText();
		mergeMetadata(payout.metadata, pairs);
		return undefined;
	});
}

/** @type {import('./util').Handler} */
function createFxQuote(sim, req) {
	const body = req.body ?? {};
	return sim.create(req, fxQuoteCreate, () => {
		const quote = {
			id: sim.nextId('fxq'),
			object: 'fx_quote',
			created: sim.created(),
			livemode: false,
			lock_duration: 'none',
			lock_expires_at: null,
			lock_status: 'none',
			rates: Object.fromEntries(body.from_currencies.map((/** @type {string} */ from) => [from, { exchange_rate: rate(from, body.to_currency) }])),
			to_currency: body.to_currency,
			usage: { type: body.usage.type },
		};
		payoutsOf(sim).fxQuotes.set(quote.id, quote);
		return quote;
	}, () => (body.from_currencies?.length === 0 ? invalid(400, 'from_currencies may not be empty.', 'from_currencies', 'parameter_invalid') : unknownCurrency(body, ['from_currencies', 'to_currency'])));
}

/** @type {import('./util').Route[]} */
const ROUTES = [
	['POST', /^\/v1\/payouts$/, createPayout],
	['POST', /^\/v1\/payouts\/([^/]+)$/, updatePayout],
	['GET', /^\/v1\/beneficiaries\/([^/]+)$/, (sim, req, _url, id) => refusedGet(req, {}) ?? sim.find(payoutsOf(sim).beneficiaries, id, 'beneficiary')],
	['POST', /^\/v1\/fx_quotes$/, createFxQuote],
];

/**
 * Answers the payout, beneficiary and FX quote endpoints; undefined for any other request.
 * @param {Simulator} sim @param {any} req @param {URL} url @returns {Answer | undefined}
 */
function routes(sim, req, url) {
	return dispatch(ROUTES, sim, req, url);
}

module.exports = { routes, payoutsOf, addBeneficiary, addPayout, RATES };
