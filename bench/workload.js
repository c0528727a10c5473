// @ts-check
'use strict';

/**
 * The benchmark's workload: Cardholder → Update with every field set, as our node's parameters
 * and as the HTTP Request node's (the same POST, URL, JSON body and Basic auth).
 */
/** @import { IDataObject } from 'n8n-workflow' */

const { ALL_CARDHOLDER_BODY, ALL_CARDHOLDER_FIELDS } = require('../test/harness/cardholder-fields');

const SECRET_KEY = 'sk_test_sandbox';
const AUTHORIZATION = `Basic ${Buffer.from(`${SECRET_KEY}:`).toString('base64')}`;

/**
 * The ID of the i-th cardholder the run updates (seeded in the simulator by the runner).
 * @param {string} prefix
 * @param {number} i
 */
const cardholderId = (prefix, i) => `ich_${prefix}_${i}`;

/** The JSON body every field gives (test/harness/cardholder-fields.js, as the field tests check). */
const BODY = ALL_CARDHOLDER_BODY;

/**
 * Our node, default options: the cardholder from each item, every field set (or the fields given).
 * @param {IDataObject} [updateFields]
 * @returns {IDataObject}
 */
const ourParameters = (updateFields = ALL_CARDHOLDER_FIELDS) => ({
	resource: 'cardholder',
	operation: 'update',
	cardholderId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
	updateFields,
});

/**
 * The HTTP Request node as a user would set it up for the same call, default options.
 * @param {string} baseUrl
 * @returns {IDataObject}
 */
const httpRequestParameters = (baseUrl) => ({
	method: 'POST',
	url: `=${baseUrl}/v1/issuing/cardholders/{{ $json.id }}`,
	authentication: 'genericCredentialType',
	genericAuthType: 'httpBasicAuth',
	sendBody: true,
	contentType: 'json',
	specifyBody: 'json',
	jsonBody: JSON.stringify(ALL_CARDHOLDER_BODY, null, 2),
	options: {},
});

module.exports = {
	SECRET_KEY,
	AUTHORIZATION,
	cardholderId,
	BODY,
	ourParameters,
	httpRequestParameters,
};
