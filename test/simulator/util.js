// @ts-check
'use strict';

/** Small helpers shared by the simulator and its endpoint modules. */

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
 * The objects created within the `created[gt|gte|lt|lte]` bounds of a list's query, or the
 * error for a bound that is not whole Unix seconds.
 * @param {any[]} objects @param {URLSearchParams} q
 * @returns {{objects: any[]} | {error: [number, any]}}
 */
function createdWithin(objects, q) {
	let found = objects;
	for (const op of ['gt', 'gte', 'lt', 'lte']) {
		const raw = q.get(`created[${op}]`);
		if (raw === null) continue;
		const bound = Number(raw);
		if (!Number.isInteger(bound)) return { error: invalid(400, `Invalid integer: created[${op}]`, `created[${op}]`, 'parameter_invalid') };
		found = found.filter((o) => (op === 'gt' ? o.created > bound : op === 'gte' ? o.created >= bound : op === 'lt' ? o.created < bound : o.created <= bound));
	}
	return { objects: found };
}

/**
 * One page of a list as WooshPay answers it: `{object: 'list', url, has_more, data}`, `limit`
 * objects (default 10, at most `maxPageSize` whatever limit asks) after `starting_after` or
 * before `ending_before` (an object's ID).
 * @param {any[]} all  every object that matches, newest first
 * @param {URLSearchParams} q @param {string} url @param {string} noun  for "No such <noun>"
 * @param {number} maxPageSize
 * @returns {[number, any]}
 */
function listPage(all, q, url, noun, maxPageSize) {
	const limitRaw = q.get('limit');
	const limit = limitRaw === null ? 10 : Number(limitRaw);
	if (!Number.isInteger(limit) || limit < 1) return invalid(400, 'Invalid integer: limit', 'limit', 'parameter_invalid');
	let start = 0;
	const after = q.get('starting_after');
	const before = q.get('ending_before');
	if (after !== null) {
		const at = all.findIndex((o) => o.id === after);
		if (at < 0) return invalid(400, `No such ${noun}: '${after}'`, 'starting_after', 'resource_missing');
		start = at + 1;
	}
	let end = all.length;
	if (before !== null) {
		const at = all.findIndex((o) => o.id === before);
		if (at < 0) return invalid(400, `No such ${noun}: '${before}'`, 'ending_before', 'resource_missing');
		end = at;
		start = Math.max(start, end - Math.min(limit, maxPageSize));
	}
	const data = all.slice(start, Math.min(end, start + Math.min(limit, maxPageSize)));
	return [200, { object: 'list', url, has_more: start + data.length < end, data: clone(data) }];
}

/** Newest first, as WooshPay lists. @param {any} a @param {any} b */
const newestFirst = (a, b) => b.created - a.created || (a.id < b.id ? 1 : -1);

module.exports = { clone, merge, invalid, createdWithin, listPage, newestFirst };
