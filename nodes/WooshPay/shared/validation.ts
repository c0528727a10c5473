/**
 * Checks and conversions for field values, run before anything is sent. Each rule takes the
 * value a user (or an expression) gave and returns the value to send, or throws InvalidValue
 * saying what is wrong and how to fix it. The field's name and the item are added by the
 * caller (see routing.ts), so the messages here start with the problem.
 */

export class InvalidValue extends Error {
	constructor(
		readonly problem: string,
		readonly fix: string,
	) {
		super(problem);
		this.name = 'InvalidValue';
	}
}

export type Rule = (value: unknown, context: RuleContext) => unknown;

export interface RuleContext {
	/** IANA time zone of the workflow, for dates given without an offset. */
	timezone: string;
	/** The request body as the engine built it from all fields, before the rules ran. */
	body?: Record<string, unknown>;
}

/** A value as an error message shows it; nothing (an expression that gives nothing) reads "empty". */
const show = (value: unknown) =>
	value === undefined || value === null ? 'empty' : typeof value === 'string' ? `"${value}"` : JSON.stringify(value);

/**
 * A text field: numbers and booleans from expressions are sent as text, surrounding spaces
 * removed; an expression that gives nothing (null) sends an empty value, which clears the field.
 */
export const text: Rule = (value) => {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (typeof value === 'string') return value.trim();
	throw new InvalidValue(`must be text, but is ${show(value)}`, 'Enter text, or an expression that gives text.');
};

// ISO 3166-1 alpha-2, all officially assigned codes.
const COUNTRY_CODES = new Set(
	(
		'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
		'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
		'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
		'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
		'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
		'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
		'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
	).split(' '),
);

/** Two-letter ISO 3166-1 country code; lower case is accepted and sent in upper case. */
export const countryCode: Rule = (value) => {
	const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
	if (!COUNTRY_CODES.has(code)) {
		throw new InvalidValue(
			`is ${show(value)}, which is not a two-letter ISO 3166-1 country code`,
			'Use the two-letter code, such as "GB" for the United Kingdom, "US" for the United States or "DE" for Germany.',
		);
	}
	return code;
};

/** Three-letter ISO 4217 currency code, such as "usd". */
export const currencyCode: Rule = (value) => {
	const code = typeof value === 'string' ? value.trim() : '';
	if (!/^[A-Za-z]{3}$/.test(code)) {
		throw new InvalidValue(
			`is ${show(value)}, which is not a three-letter currency code`,
			'Use the ISO 4217 code of the currency, such as "usd", "eur" or "gbp".',
		);
	}
	return code;
};

export const email: Rule = (value) => {
	const address = typeof value === 'string' ? value.trim() : '';
	if (!/^[^\s@]+@[^\s@]+\.[^\s@.]+$/.test(address)) {
		throw new InvalidValue(
			`is ${show(value)}, which is not an email address`,
			'Enter an address such as "name@example.com".',
		);
	}
	return address;
};

/** A cardholder's first or last name, as the seed page allows: Latin letters, periods, commas, hyphens, spaces, apostrophes. */
export const personName: Rule = (value) => {
	const name = typeof value === 'string' ? value.trim() : '';
	if (!/^[\p{Script=Latin} .,'-]+$/u.test(name) || !/\p{Script=Latin}/u.test(name)) {
		throw new InvalidValue(
			`is ${show(value)}, which WooshPay does not accept as a name`,
			'Use Latin letters only, with periods, commas, hyphens, spaces and apostrophes if needed: no digits, no other characters.',
		);
	}
	return name;
};

/** An amount in the currency's smallest unit that may be 0, such as a spending limit: a whole number of 0 or more. */
export const nonNegativeInteger: Rule = (value) => {
	const number = wholeNumber(value);
	if (number === undefined || number < 0) {
		throw new InvalidValue(
			`is ${show(value)}, which is not a whole number of zero or more`,
			"Give the amount in the currency's smallest unit as a whole number, such as 5000 for 50.00 USD.",
		);
	}
	return number;
};

/** A value of a drop-down, also when an expression set it: one of the options' values. */
export const oneOf = (options: ReadonlyArray<{ value: string | number | boolean }>): Rule => {
	const allowed = options.map((option) => String(option.value));
	return (value) => {
		if (typeof value !== 'string' || !allowed.includes(value)) {
			throw new InvalidValue(`is ${show(value)}, which is not one of the allowed values`, `Use one of: ${allowed.join(', ')}.`);
		}
		return value;
	};
};

export const trueOrFalse: Rule = (value) => {
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === 'false') return value === 'true';
	throw new InvalidValue(`is ${show(value)}, which is not true or false`, 'Switch the field on or off, or give true or false.');
};

/**
 * A value the reference types as a string although it is a number or a switch (a price's
 * `unit_amount`, Confirm's `off_session`): checked by `rule`, then sent as text.
 */
export const asText =
	(rule: Rule): Rule =>
	(value, context) =>
		String(rule(value, context));

/** A switch that the reference types as a string: sent as "true" or "false". */
export const trueOrFalseAsText: Rule = (value, context) => asText(trueOrFalse)(value, context);

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function isIpv6(address: string): boolean {
	let rest = address;
	let groupsNeeded = 8;
	const lastColon = rest.lastIndexOf(':');
	if (lastColon >= 0 && IPV4.test(rest.slice(lastColon + 1))) {
		rest = `${rest.slice(0, lastColon)}:0:0`;
	}
	const halves = rest.split('::');
	if (halves.length > 2) return false;
	const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
	if (!groups.every((group) => /^[0-9A-Fa-f]{1,4}$/.test(group))) return false;
	if (halves.length === 2) groupsNeeded -= 1;
	return halves.length === 2 ? groups.length <= groupsNeeded : groups.length === 8;
}

export const ipAddress: Rule = (value) => {
	const address = typeof value === 'string' ? value.trim() : '';
	if (!IPV4.test(address) && !isIpv6(address)) {
		throw new InvalidValue(
			`is ${show(value)}, which is not an IP address`,
			'Give the IPv4 or IPv6 address the cardholder accepted the terms from, such as "203.0.113.7".',
		);
	}
	return address;
};

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

interface DateParts {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
	offset?: string;
}

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parseDate(value: unknown): DateParts | undefined {
	const raw = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value.trim() : undefined;
	const match = raw === undefined ? null : DATE.exec(raw);
	if (!match) return undefined;
	const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0));
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
	if (hour > 23 || minute > 59 || second > 59) return undefined;
	const offset = match[7];
	if (offset && offset !== 'Z') {
		const digits = offset.replace(/[^0-9]/g, '');
		// Offsets in use run from -12:00 to +14:00.
		if (Number(digits.slice(0, 2)) > 14 || Number(digits.slice(2)) > 59) return undefined;
	}
	return { year, month, day, hour, minute, second, offset };
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** Offset of a time zone from UTC at a moment, in milliseconds. */
function zoneOffset(utcMillis: number, timezone: string): number {
	let format = formats.get(timezone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-US', {
			timeZone: timezone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric',
		});
		formats.set(timezone, format);
	}
	const parts = format.formatToParts(new Date(utcMillis));
	const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
	const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
	return asUtc - Math.floor(utcMillis / 1000) * 1000;
}

/** Date of birth from a date: {day, month, year} as integers. */
export const dateOfBirth: Rule = (value) => {
	const date = parseDate(value);
	const today = new Date();
	if (!date || date.year < 1900 || Date.UTC(date.year, date.month - 1, date.day) > today.getTime()) {
		throw new InvalidValue(
			`is ${show(value)}, which is not a possible date of birth`,
			'Pick the date in the date picker, or give it as YYYY-MM-DD, such as 1990-05-17.',
		);
	}
	return { day: date.day, month: date.month, year: date.year };
};

/** Unix times above this are taken as milliseconds: 10^11 seconds is the year 5138. */
const MILLISECONDS_FROM = 1e11;

/**
 * A moment as Unix seconds. Dates without an offset are read in the workflow's time zone; a
 * whole number (or text of digits) is taken as Unix seconds, or as milliseconds (and converted)
 * from 10^11 on, as WooshPay's own examples write times.
 */
export const unixSeconds: Rule = (value, { timezone }) => {
	const number = wholeNumber(value);
	if (number !== undefined && number >= 0) return number >= MILLISECONDS_FROM ? Math.floor(number / 1000) : number;
	const date = parseDate(value);
	if (!date) {
		throw new InvalidValue(
			`is ${show(value)}, which is not a date and time`,
			'Pick it in the date picker, or give it as YYYY-MM-DDTHH:MM:SS (optionally with a time zone offset such as +02:00), or as Unix seconds.',
		);
	}
	const wallClock = Date.UTC(date.year, date.month - 1, date.day, date.hour, date.minute, date.second);
	let utc: number;
	if (date.offset === 'Z') {
		utc = wallClock;
	} else if (date.offset) {
		const sign = date.offset.startsWith('-') ? -1 : 1;
		const digits = date.offset.replace(/[^0-9]/g, '');
		utc = wallClock - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
	} else {
		utc = wallClock - zoneOffset(wallClock, timezone);
		utc = wallClock - zoneOffset(utc, timezone);
	}
	return Math.floor(utc / 1000);
};

/** The ID in a URL path: required, and never able to change the path. */
export const pathId: Rule = (value) => {
	if (value !== null && value !== undefined && typeof value !== 'string' && typeof value !== 'number') {
		throw new InvalidValue(`is ${show(value)}, which is not an ID`, 'Enter the ID, or map it with an expression that gives text, such as {{ $json.id }}.');
	}
	const id = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (id === '') {
		throw new InvalidValue('is empty', 'Enter the ID, or map it from an earlier node with an expression such as {{ $json.id }}.');
	}
	if (id === '.' || id === '..') {
		throw new InvalidValue(`is ${show(id)}, which is not an ID`, 'Enter the ID of the object, as WooshPay shows it.');
	}
	return encodeURIComponent(id);
};

interface MetadataPair {
	key?: unknown;
	value?: unknown;
}

/**
 * The pairs as one object. Keys are collected in a Map, so that keys named like members of
 * every object (constructor, toString) are keys like any other. A value is text: numbers and
 * booleans are sent as text; objects and lists are refused (WooshPay types metadata values as
 * strings; to store JSON, give its text with {{ JSON.stringify(...) }}).
 */
function metadataPairs(value: unknown): Record<string, string> {
	const pairs = ((value as { pair?: MetadataPair[] } | undefined)?.pair ?? []) as MetadataPair[];
	const metadata = new Map<string, string>();
	pairs.forEach((pair, index) => {
		const key = typeof pair.key === 'string' ? pair.key.trim() : String(pair.key ?? '').trim();
		if (key === '') {
			throw new InvalidValue(`pair ${index + 1} has an empty key`, 'Give every metadata pair a key, or remove the pair.');
		}
		if (metadata.has(key)) {
			throw new InvalidValue(`has the key "${key}" twice`, 'Give each key once; later pairs do not add to earlier ones.');
		}
		const given = pair.value;
		if (given !== null && typeof given === 'object') {
			throw new InvalidValue(
				`has a value for "${key}" that is ${Array.isArray(given) ? 'a list' : 'an object'}, not text`,
				'Give text (numbers and true/false are sent as text); to store JSON, give its text, such as {{ JSON.stringify($json.details) }}.',
			);
		}
		metadata.set(key, given === undefined || given === null ? '' : String(given));
	});
	return Object.fromEntries(metadata);
}

/**
 * Keys that n8n's HTTP client (axios) leaves out of every object in a JSON body it sends, as a
 * guard against prototype pollution: metadata sent as an object cannot carry them. (In an array,
 * as for cardholders, or as JSON text, as for cards, they arrive.)
 */
const KEYS_LEFT_OUT = new Set(['__proto__', 'constructor', 'prototype']);

/** Customer metadata: key/value pairs sent as one object. */
export const metadataObject: Rule = (value) => {
	const metadata = metadataPairs(value);
	const left = Object.keys(metadata).find((key) => KEYS_LEFT_OUT.has(key));
	if (left !== undefined) {
		throw new InvalidValue(
			`has the key "${left}", which n8n's HTTP client leaves out of the request`,
			'Use another key: n8n never sends a key named __proto__, constructor or prototype in an object, so WooshPay would not get it.',
		);
	}
	return metadata;
};

/** Cardholder metadata: the seed page documents an array of objects; the pairs go in one object in it. */
export const metadataArray: Rule = (value) => [metadataPairs(value)];

/** Text that may not be empty, such as an ID sent in the body or a search query. */
export const requiredText: Rule = (value, context) => {
	const given = text(value, context) as string;
	if (given === '') {
		throw new InvalidValue('is empty', 'Enter a value, or map one from an earlier node with an expression such as {{ $json.id }}.');
	}
	return given;
};

/** A whole number, also from text of digits only: "25.00" is not one (it may mean 25 dollars, not 25 cents). */
function wholeNumber(value: unknown): number | undefined {
	const number = typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
	return typeof number === 'number' && Number.isSafeInteger(number) ? number : undefined;
}

/** An amount in the currency's smallest unit: a whole number of 1 or more. */
export const positiveAmount: Rule = (value) => {
	const amount = wholeNumber(value);
	if (amount === undefined || amount < 1) {
		throw new InvalidValue(
			`is ${show(value)}, which is not a whole number of 1 or more`,
			"Give the amount in the currency's smallest unit as a whole number, such as 5000 for 50.00 USD.",
		);
	}
	return amount;
};

/**
 * An amount the reference types as a string (Refund `amount`): checked as a whole number of 1
 * or more and sent as text, such as "5000". Nothing (an empty value or an expression that
 * gives nothing) leaves the field out of the request.
 */
export const optionalAmountAsText: Rule = (value, context) => {
	if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return undefined;
	return String(positiveAmount(value, context));
};

export const positiveInteger: Rule = (value) => {
	const number = wholeNumber(value);
	if (number === undefined || number < 1) {
		throw new InvalidValue(`is ${show(value)}, which is not a whole number of 1 or more`, 'Give a whole number such as 1 or 2.');
	}
	return number;
};

/** A percentage above 0 and at most 100 (a coupon's `percent_off`), such as 25 or 12.5. */
export const percentage: Rule = (value) => {
	const number = typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isFinite(number) || number <= 0 || number > 100) {
		throw new InvalidValue(`is ${show(value)}, which is not a percentage above 0 and at most 100`, 'Give a number such as 25 for 25 % off.');
	}
	return number;
};

/**
 * A multi-select: a list whose every value passes `rule`. An expression may also give the
 * values as text separated by commas.
 */
export const everyValue =
	(rule: Rule): Rule =>
	(value, context) => {
		const values = typeof value === 'string' ? value.split(',').map((part) => part.trim()).filter(Boolean) : value;
		if (!Array.isArray(values)) {
			throw new InvalidValue(`is ${show(value)}, which is not a list`, 'Pick the values in the list, or give them as text separated by commas.');
		}
		return values.map((item) => rule(item, context));
	};

/** The size of one page WooshPay answers: 1 to 100. */
export const pageSize: Rule = (value, context) => {
	const size = positiveInteger(value, context) as number;
	if (size > 100) {
		throw new InvalidValue(`is ${show(value)}, but WooshPay answers at most 100 at a time`, 'Give a number from 1 to 100.');
	}
	return size;
};

/**
 * Metadata that WooshPay's pages type as a string (cards, issuing transactions): the pairs as
 * one JSON text, such as {"cost_centre":"42"}.
 */
export const metadataJsonText: Rule = (value) => JSON.stringify(metadataPairs(value));

/** An ID given as a list filter (a query parameter, so not encoded here): required once the filter is added. */
export const filterId: Rule = (value) => {
	const id = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (id === '') {
		throw new InvalidValue('is empty', 'Pick one from the list or enter its ID, or remove the filter.');
	}
	return id;
};

/**
 * A field that only goes with one value of another field of the same body, such as a card's
 * cancellation reason with status "canceled", or a payment intent's return URL with confirm.
 * `field` (top-level) and `wanted` are as sent.
 */
export const onlyWith =
	(field: string, wanted: unknown, problem: string, fix: string): Rule =>
	(value, { body }) => {
		if (body?.[field] !== wanted) throw new InvalidValue(problem, fix);
		return value;
	};
