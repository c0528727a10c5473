// @ts-check
'use strict';

/** Small helpers shared by the simulator and its endpoint modules. */

const schema = require('./schema');

/** @param {any} value */
const clone = (value) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

/**
 * Deep merge of an update into an object, as WooshPay applies an update: nested objects are
 * merged, everything else (arrays included) replaced.
 * @param {any} target @param {any} update
 */
function merge(target, update) {
	for (const [key, value] of Object.entries(update)) {
		if (value && typeof value === 'object' && !Array.isArray(value) && target[key] && typeof target[key] === 'object' && !Array.isArray(target[key])) {
			merge(target[key], value);
		} else {
			target[key] = clone(value);
		}
	}
	return target;
}

/**
 * @param {number} status @param {string} message @param {string} [param] @param {string} [code]
 * @returns {[number, any]}
 */
function invalid(status, message, param, code) {
	/** @type {Record<string, string>} */
	const error = { type: 'invalid_request_error', message };
	if (code) error.code = code;
	if (param) error.param = param;
	return [status, { error }];
}

/**
 * WooshPay's answer to a body or query that does not fit what its page declares, given the
 * problem `schema.check` or `schema.checkQuery` found; undefined when there is none.
 * @param {{param: string, message: string} | undefined} problem @returns {[number, any] | undefined}
 */
function refusal(problem) {
	return problem ? invalid(400, problem.message, problem.param, 'parameter_invalid') : undefined;
}

/**
 * WooshPay's answer to a query parameter the page does not declare, or of the wrong kind.
 * @param {Record<string, string>} query @param {Record<string, 'string'|'integer'|{enum: string[]}>} declared
 */
const refusedQuery = (query, declared) => refusal(schema.checkQuery(query, declared));

/** @type {Record<string, 'integer' | 'string'>} The query parameters of a cursor-paged list: see listPage. */
const LIST_QUERY = {
	limit: 'integer',
	starting_after: 'string',
	ending_before: 'string',
	'created[gt]': 'integer',
	'created[gte]': 'integer',
	'created[lt]': 'integer',
	'created[lte]': 'integer',
};

/**
 * One page of a list, as WooshPay answers it: newest first, `created[gt|gte|lt|lte]` filters
 * (Unix seconds), `limit` (default 10; at most `maxLimit` where the page states one), the
 * cursors `starting_after` and `ending_before`, and at most `maxPageSize` objects whatever
 * `limit` asks.
 * @param {Iterable<any>} objects  the list's objects, already filtered by the endpoint's own filters
 * @param {URLSearchParams} q
 * @param {{url: string, type: string, maxPageSize?: number, maxLimit?: number}} list  its url, the type named in "No such …", the page size cap, the largest limit
 * @returns {[number, any]}
 */
function listPage(objects, q, { url, type, maxPageSize = 100, maxLimit = Infinity }) {
	let all = [...objects].sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : -1));
	for (const op of ['gt', 'gte', 'lt', 'lte']) {
		const raw = q.get(`created[${op}]`);
		if (raw === null) continue;
		const bound = Number(raw);
		if (!Number.isInteger(bound)) return invalid(400, `Invalid integer: created[${op}]`, `created[${op}]`, 'parameter_invalid');
		all = all.filter((c) => (op === 'gt' ? c.created > bound : op === 'gte' ? c.created >= bound : op === 'lt' ? c.created < bound : c.created <= bound));
	}
	const limitRaw = q.get('limit');
	const limit = limitRaw === null ? 10 : Number(limitRaw);
	if (!Number.isInteger(limit) || limit < 1) return invalid(400, 'Invalid integer: limit', 'limit', 'parameter_invalid');
	if (limit > maxLimit) return invalid(400, `Invalid limit: must be between 1 and ${maxLimit}`, 'limit', 'parameter_invalid');
	let start = 0;
	const after = q.get('starting_after');
	const before = q.get('ending_before');
	if (after !== null) {
		const at = all.findIndex((c) => c.id === after);
		if (at < 0) return invalid(400, `No such ${type}: '${after}'`, 'starting_after', 'resource_missing');
		start = at + 1;
	}
	let end = all.length;
	if (before !== null) {
		const at = all.findIndex((c) => c.id === before);
		if (at < 0) return invalid(400, `No such ${type}: '${before}'`, 'ending_before', 'resource_missing');
		end = at;
		start = Math.max(start, end - Math.min(limit, maxPageSize));
	}
	const size = Math.min(limit, maxPageSize);
	const data = all.slice(start, Math.min(end, start + size));
	return [200, { object: 'list', url, has_more: start + data.length < end, data: clone(data) }];
}

/** @typedef {import('./simulator').Simulator} Simulator */
/** @typedef {import('./simulator').RecordedRequest} RecordedRequest */
/** @typedef {[number, any, Record<string, string>?]} Answer */

/**
 * The objects a list keeps that match its query's filters (`fields`: query parameter → the
 * object's field it must equal; a field holding an object compares by its `id`).
 * @param {Iterable<any>} objects @param {URLSearchParams} q @param {Record<string, string>} fields
 */
function filterBy(objects, q, fields) {
	let all = [...objects];
	for (const [param, field] of Object.entries(fields)) {
		const wanted = q.get(param);
		if (wanted !== null) all = all.filter((o) => (typeof o[field] === 'object' && o[field] ? o[field].id : o[field]) === wanted);
	}
	return all;
}

/**
 * A GET's refusal: a body (WooshPay's GETs take their parameters in the query string, the way
 * the node sends them), or a query parameter its page does not declare; undefined when fine.
 * @param {RecordedRequest} req @param {Record<string, 'string'|'integer'|{enum: string[]}>} declared
 * @returns {[number, any] | undefined}
 */
function refusedGet(req, declared) {
	if (req.body !== undefined) return invalid(400, 'This endpoint takes its parameters in the query string, not in a request body.', undefined, 'parameter_unknown');
	return refusedQuery(req.query, declared);
}

/**
 * The state of an endpoint module kept for each simulator, made on first use and then, when
 * the simulator seeds, seeded (no events fire while it seeds):
 * `const storesOf = perSimulator((sim) => ({...}), (sim, stores) => {...})`.
 * @template T @param {(sim: Simulator) => T} make @param {(sim: Simulator, store: T) => void} seed
 * @returns {(sim: Simulator) => T}
 */
function perSimulator(make, seed) {
	/** @type {WeakMap<Simulator, T>} */
	const stores = new WeakMap();
	return (sim) => {
		let store = stores.get(sim);
		if (store === undefined) {
			store = make(sim);
			stores.set(sim, store);
			if (sim.options.seed) {
				sim.seeding++;
				try {
					seed(sim, store);
				} finally {
					sim.seeding--;
				}
			}
		}
		return store;
	};
}

/** Keeps an object in its store under its ID; returns it. @template T @param {Map<string, T>} store @param {T & {id: string}} object */
function keep(store, object) {
	store.set(object.id, object);
	return object;
}

/**
 * @typedef {(sim: Simulator, req: RecordedRequest, url: URL, ...ids: string[]) => Answer} Handler
 * @typedef {[string, RegExp, Handler]} Route  method, raw path pattern (one group per ID), handler
 */

/**
 * Answers a request with the first route whose method and pattern match its raw path;
 * undefined when none does. Paths are matched raw, as a server that does not decode %2F sees
 * them, so an ID with `/` or `..` in it never reaches another endpoint; each captured ID is
 * decoded after matching (a malformed %-escape is a 404).
 * @param {Route[]} table @param {Simulator} sim @param {RecordedRequest} req @param {URL} url
 * @returns {Answer | undefined}
 */
function dispatch(table, sim, req, url) {
	for (const [method, pattern, handler] of table) {
		const match = pattern.exec(req.path);
		if (!match || req.method !== method) continue;
		const ids = match.slice(1).map(decodedSegment);
		if (ids.includes(undefined)) return invalid(404, `Unrecognized request URL (${req.method}: ${req.path}).`);
		return handler(sim, req, url, .../** @type {string[]} */ (ids));
	}
	return undefined;
}

/** A raw path segment decoded, undefined when its %-escapes are malformed. @param {string} raw */
function decodedSegment(raw) {
	try {
		return decodeURIComponent(raw);
	} catch {
		return undefined;
	}
}

/**
 * Metadata of an update merged as Stripe merges it (and the Update a customer page implies):
 * each key set, a key sent as "" removed.
 * @param {Record<string, string>} target @param {Record<string, string> | undefined} update
 */
function mergeMetadata(target, update) {
	for (const [k, v] of Object.entries(update ?? {})) {
		if (v === '') delete target[k];
		else target[k] = v;
	}
	return target;
}

/**
 * The pairs of a metadata string (a JSON object of texts), {} when there is none, null when it
 * is no such thing (a non-string is left to the body schema).
 * @param {unknown} metadata @returns {Record<string, string> | null}
 */
function metadataPairs(metadata) {
	if (typeof metadata !== 'string') return {};
	try {
		const parsed = JSON.parse(metadata);
		if (parsed && typeof parsed === 'object' && !Array.isArray(parsed) && Object.values(parsed).every((v) => typeof v === 'string')) return parsed;
	} catch {
		// Not JSON.
	}
	return null;
}

/** WooshPay's refusal of a metadata string that is not a JSON object of texts. */
const badMetadataText = () => invalid(400, 'Invalid metadata: give a JSON object of keys and text values, as a string.', 'metadata', 'parameter_invalid');

/**
 * The metadata of a body as pairs, whichever of the two forms its page allows (an object, or a
 * JSON object as text): null when it is text that is not a JSON object of texts.
 * @param {unknown} metadata @returns {Record<string, string> | null}
 */
const metadataOf = (metadata) => (typeof metadata === 'string' ? metadataPairs(metadata) : /** @type {Record<string, string>} */ (metadata ?? {}));

/**
 * The refusal of an action an object's status does not allow, in Stripe's words (WooshPay's
 * pages copy Stripe's): "You cannot capture this PaymentIntent because it has a status of
 * succeeded. Only a PaymentIntent with one of the following statuses may be captured:
 * requires_capture."
 * @param {string} noun such as PaymentIntent @param {string} code such as payment_intent_unexpected_state
 * @param {string} status @param {[string, string]} verb such as ['capture', 'captured'] @param {string[]} allowed
 * @returns {[number, any]}
 */
function unexpectedState(noun, code, status, [verb, participle], allowed) {
	const message = `You cannot ${verb} this ${noun} because it has a status of ${status}. Only a ${noun} with one of the following statuses may be ${participle}: ${allowed.join(', ')}.`;
	return invalid(400, message, undefined, code);
}

module.exports = {
	clone, merge, invalid, refusal, refusedQuery, refusedGet, LIST_QUERY, listPage, filterBy, perSimulator, keep, dispatch, decodedSegment,
	mergeMetadata, metadataPairs, metadataOf, badMetadataText, unexpectedState,
};
