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
 * (Unix seconds), `limit` (default 10), the cursors `starting_after` and `ending_before`, and
 * at most `maxPageSize` objects whatever `limit` asks.
 * @param {Iterable<any>} objects  the list's objects, already filtered by the endpoint's own filters
 * @param {URLSearchParams} q
 * @param {{url: string, type: string, maxPageSize?: number}} list  its url, the type named in "No such …", the page size cap
 * @returns {[number, any]}
 */
function listPage(objects, q, { url, type, maxPageSize = 100 }) {
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

module.exports = { clone, merge, invalid, refusal, refusedQuery, LIST_QUERY, listPage };
