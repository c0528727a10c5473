// @ts-check
'use strict';

/**
 * The request bodies WooshPay documents, as the simulator checks them. Taken from the seed
 * pages in ../shared/wooshpay/seeds (Update a customer, Update a cardholder) and, for the
 * creates, from the fields those pages' response bodies show a new object needs.
 *
 * A schema is one of: 'string' | 'integer' | 'number' | 'boolean' | 'null' | {enum: [...]} |
 * {pattern: '^regex$', hint: 'what it must be'} (a string that matches) | {object: {...}} |
 * {map: schema} (free keys) | {array: schema} | {anyOf: [schema, ...]} (any one of them).
 */

/** @typedef {'string'|'integer'|'number'|'boolean'|'null'|{enum: string[]}|{pattern: string, hint: string}|{object: Record<string, any>, required?: string[]}|{map: any}|{array: any}|{anyOf: any[]}} Schema */

const address = {
	object: {
		city: 'string',
		country: 'string',
		line1: 'string',
		line2: 'string',
		postal_code: 'string',
		state: 'string',
	},
};

const customer = {
	object: {
		address,
		description: 'string',
		email: 'string',
		metadata: { map: 'string' },
		name: 'string',
		phone: 'string',
		shipping: { object: { address, name: 'string', phone: 'string' } },
	},
};

const spendingIntervals = ['per_authorization', 'daily', 'weekly', 'monthly', 'yearly', 'all_time'];
const cardholderStatuses = ['active', 'inactive', 'blocked'];

const cardholderUpdateFields = {
	billing: { object: { address } },
	email: 'string',
	phone_number: 'string',
	metadata: { array: { map: 'string' } },
	company: { object: { tax_id_provided: 'boolean' } },
	individual: {
		object: {
			card_issuing: {
				object: {
					user_terms_acceptance: {
						object: { date: 'integer', ip: 'string', user_agent: 'string' },
					},
				},
			},
			dob: { object: { day: 'integer', month: 'integer', year: 'integer' } },
			first_name: 'string',
			last_name: 'string',
			verification: { object: { document: { object: { back: 'string', front: 'string' } } } },
		},
	},
	spending_controls: {
		object: {
			spending_limits: {
				object: { amount: 'integer', interval: { enum: spendingIntervals } },
			},
			spending_limits_currency: 'string',
		},
	},
	status: { enum: cardholderStatuses },
};

const cardholderUpdate = { object: cardholderUpdateFields };

const cardholderCreate = {
	object: {
		...cardholderUpdateFields,
		name: 'string',
		type: { enum: ['individual', 'company'] },
		billing: { object: { address }, required: ['address'] },
	},
	required: ['name', 'type', 'billing'],
};

/**
 * Checks a value against a schema; returns the first problem as a WooshPay-style
 * `{param, message}` or undefined when the value fits.
 * @param {any} value
 * @param {any} schema
 * @param {string} path
 * @returns {{param: string, message: string} | undefined}
 */
function check(value, schema, path = '') {
	const where = path || 'body';
	if (schema === 'string') {
		return typeof value === 'string' ? undefined : { param: where, message: `Invalid string: ${where}` };
	}
	if (schema === 'integer') {
		return Number.isInteger(value) ? undefined : { param: where, message: `Invalid integer: ${where}` };
	}
	if (schema === 'boolean') {
		return typeof value === 'boolean' ? undefined : { param: where, message: `Invalid boolean: ${where}` };
	}
	if (schema === 'number') {
		return typeof value === 'number' && Number.isFinite(value) ? undefined : { param: where, message: `Invalid number: ${where}` };
	}
	if (schema === 'null') {
		return value === null ? undefined : { param: where, message: `Invalid ${where}: must be null` };
	}
	if ('anyOf' in schema) {
		/** @type {Array<{param: string, message: string} | undefined>} */
		const problems = schema.anyOf.map((/** @type {any} */ alternative) => check(value, alternative, path));
		if (problems.some((problem) => problem === undefined)) return undefined;
		// The problem inside the alternative of the value's own kind says the most (an unknown field of an object).
		const inner = problems.find((problem) => problem && problem.param !== where);
		return inner ?? problems[0];
	}
	if ('pattern' in schema) {
		return typeof value === 'string' && new RegExp(schema.pattern).test(value) ? undefined : { param: where, message: `Invalid ${where}: ${schema.hint}` };
	}
	if ('enum' in schema) {
		return schema.enum.includes(value)
			? undefined
			: { param: where, message: `Invalid ${where}: must be one of ${schema.enum.join(', ')}` };
	}
	if ('array' in schema) {
		if (!Array.isArray(value)) return { param: where, message: `Invalid array: ${where}` };
		for (let i = 0; i < value.length; i++) {
			const problem = check(value[i], schema.array, `${where}[${i}]`);
			if (problem) return problem;
		}
		return undefined;
	}
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		return { param: where, message: `Invalid object: ${where}` };
	}
	if ('map' in schema) {
		for (const [key, item] of Object.entries(value)) {
			if (key === '') return { param: where, message: `Invalid ${where}: keys may not be empty` };
			const problem = check(item, schema.map, `${path ? `${path}[${key}]` : key}`);
			if (problem) return problem;
		}
		return undefined;
	}
	for (const [key, item] of Object.entries(value)) {
		const child = path ? `${path}[${key}]` : key;
		if (!(key in schema.object)) return { param: child, message: `Received unknown parameter: ${child}` };
		const problem = check(item, schema.object[key], child);
		if (problem) return problem;
	}
	for (const key of schema.required ?? []) {
		if (!(key in value)) {
			const child = path ? `${path}[${key}]` : key;
			return { param: child, message: `Missing required param: ${child}.` };
		}
	}
	return undefined;
}

/**
 * Query parameters of a GET, as a page declares them: `{name: 'string' | 'integer' | {enum}}`.
 * Returns the first problem (an undeclared parameter, a value of the wrong kind) or undefined.
 * @param {Record<string, string>} query @param {Record<string, 'string'|'integer'|{enum: string[]}>} declared
 * @returns {{param: string, message: string} | undefined}
 */
function checkQuery(query, declared) {
	for (const [name, value] of Object.entries(query)) {
		const kind = declared[name];
		if (kind === undefined) return { param: name, message: `Received unknown parameter: ${name}` };
		if (kind === 'integer' && !/^-?\d+$/.test(value)) return { param: name, message: `Invalid integer: ${name}` };
		if (typeof kind === 'object' && !kind.enum.includes(value)) {
			return { param: name, message: `Invalid ${name}: must be one of ${kind.enum.join(', ')}` };
		}
	}
	return undefined;
}

// Pieces the endpoint modules' own schemas share (payments.js, payment-methods.js, billing.js,
// payouts.js): each as WooshPay's pages show it, with what is a guess said where it is used.

/** `payment_method_data.type` as Create a PaymentIntent lists it (also Create a PaymentMethod's `type`). */
const PAYMENT_METHOD_TYPES = [
	'card', 'alipayplus', 'alipay', 'wechat_pay', 'sepa_debit', 'alipay_hk', 'boost', 'truemoney', 'gcash', 'kakaopay',
	'touchngo', 'rabbit_line_pay', 'dana', 'klarna', 'ideal', 'giropay', 'sofort', 'eps', 'trustly', 'bancontact', 'p24',
	'unionpay', 'fpx', 'mcash', 'grabpay', 'bank_transfer_id', 'qris', 'promptpay', 'ovo', 'shopeepay', 'upi', 'boleto',
	'paynow', 'pix', '9pay', 'stitch', 'bpi',
];
const metadata = { map: 'string' };
/** A metadata typed string on its page (prices, subscriptions, subscription items): a JSON object of texts, as text (util.metadataPairs). */
const metadataText = 'string';
const billingDetails = { object: { address, email: 'string', name: 'string', phone: 'string' } };
/** A whole number written as text, as some pages type amounts and counts (unit_amount, interval_count). */
const digits = { pattern: '^[0-9]+$', hint: 'must be a whole number written as text, such as "2500"' };
/** A yes/no that a page types as string but describes as true/false: a JSON boolean or the text "true"/"false". */
const textOrBoolean = { anyOf: ['boolean', { enum: ['true', 'false'] }] };
const currency = { pattern: '^[A-Za-z]{3}$', hint: 'must be a three-letter ISO currency code, such as USD' };
/**
 * `payment_method_data.card` / `card` as WooshPay's own examples send it (the Update a
 * PaymentIntent example and the "Authorize and capture" guide: number, exp_month and exp_year
 * as text, cvc, name). Integers are accepted for the expiry too (Stripe's type).
 */
const card = {
	object: {
		number: { pattern: '^[0-9]{12,19}$', hint: 'must be the card number, 12 to 19 digits' },
		exp_month: { anyOf: ['integer', { pattern: '^(0?[1-9]|1[0-2])$', hint: 'must be a month from 1 to 12' }] },
		exp_year: { anyOf: ['integer', { pattern: '^[0-9]{2}([0-9]{2})?$', hint: 'must be a year such as 2030' }] },
		cvc: { pattern: '^[0-9]{3,4}$', hint: 'must be 3 or 4 digits' },
		name: 'string',
	},
};

/**
 * `payment_method_data` of a payment intent's create, update and confirm (and the updates of a
 * setup intent): `type` and `billing_details` from Create a PaymentIntent, `card` from
 * WooshPay's examples. Its other method objects (`sepa_debit`, `wechat_pay`, `alipayplus`) are
 * documented without fields and not accepted.
 */
const paymentMethodData = {
	object: { type: { enum: PAYMENT_METHOD_TYPES }, billing_details: billingDetails, card },
	required: ['type'],
};

module.exports = {
	check, checkQuery, customer, cardholderUpdate, cardholderCreate, spendingIntervals, cardholderStatuses,
	// For the endpoint modules' own schemas (such as payments.js).
	address, metadata, metadataText, billingDetails, digits, textOrBoolean, currency, card, paymentMethodData, PAYMENT_METHOD_TYPES,
};
