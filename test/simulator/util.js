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

module.exports = { clone, merge, invalid };
