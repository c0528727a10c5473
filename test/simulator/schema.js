// @ts-check
'use strict';

/**
 * The request bodies WooshPay documents, as the simulator checks them. Taken from the seed
 * pages in ../shared/wooshpay/seeds (Update a customer, Update a cardholder) and, for the
 * creates, from the fields those pages' response bodies show a new object needs.
 *
 * A schema is one of: 'string' | 'integer' | 'boolean' | {enum: [...]} | {object: {...}} |
 * {map: schema} (free keys) | {array: schema}.
 */

/** @typedef {'string'|'integer'|'boolean'|{enum: string[]}|{object: Record<string, any>, required?: string[]}|{map: any}|{array: any}} Schema */

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

module.exports = { check, checkQuery, customer, cardholderUpdate, cardholderCreate, spendingIntervals, cardholderStatuses };

// For the endpoint modules' own schemas (such as payments.js).
module.exports.address = address;
