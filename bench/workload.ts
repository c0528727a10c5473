/**
 * The benchmark's workload: Cardholder → Update with every field set, as our node's parameters
 * and as the HTTP Request node's (the same POST, URL, JSON body and Basic auth).
 */
import type { IDataObject } from 'n8n-workflow';

import { ALL_CARDHOLDER_BODY, ALL_CARDHOLDER_FIELDS } from '../test/harness/cardholder-fields';

export const SECRET_KEY = 'sk_test_sandbox';
export const AUTHORIZATION = `Basic ${Buffer.from(`${SECRET_KEY}:`).toString('base64')}`;

/** The ID of the i-th cardholder the run updates (seeded in the simulator by the runner). */
export const cardholderId = (prefix: string, i: number) => `ich_${prefix}_${i}`;

/** The JSON body every field gives (test/harness/cardholder-fields.ts, as the field tests check). */
export const BODY = ALL_CARDHOLDER_BODY;

/** Our node, default options: the cardholder from each item, every field set (or the fields given). */
export const ourParameters = (updateFields: IDataObject = ALL_CARDHOLDER_FIELDS): IDataObject => ({
	resource: 'cardholder',
	operation: 'update',
	cardholderId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
	updateFields,
});

/** The HTTP Request node as a user would set it up for the same call, default options. */
export const httpRequestParameters = (baseUrl: string): IDataObject => ({
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
