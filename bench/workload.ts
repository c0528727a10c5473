/**
 * The benchmark's workload: Cardholder → Update with every field set, as our node's parameters
 * and as the HTTP Request node's (the same POST, URL, JSON body and Basic auth).
 */
import type { IDataObject } from 'n8n-workflow';

export const SECRET_KEY = 'sk_test_sandbox';
export const AUTHORIZATION = `Basic ${Buffer.from(`${SECRET_KEY}:`).toString('base64')}`;

/** The ID of the i-th cardholder the run updates (seeded in the simulator by the runner). */
export const cardholderId = (prefix: string, i: number) => `ich_${prefix}_${i}`;

/** All of Cardholder → Update's fields (resources/cardholder/fields.ts), each with a value. */
export const ALL_FIELDS: IDataObject = {
	billingAddress: { city: 'Paris', country: 'FR', line1: '1 Rue', line2: 'Apt 4', postalCode: '75001', state: 'IDF' },
	companyTaxIdProvided: true,
	email: 'holder@example.com',
	individual: {
		dob: '1990-05-17T00:00:00',
		documentBack: 'file_back',
		documentFront: 'file_front',
		firstName: 'Jane',
		lastName: 'Doe',
		termsAcceptedAt: '2026-01-02T10:00:00',
		termsAcceptedIp: '203.0.113.7',
		termsAcceptedUserAgent: 'Mozilla/5.0',
	},
	metadata: { pair: [{ key: 'team', value: 'ops' }] },
	phoneNumber: '+33 1 23 45 67 89',
	spendingControls: { amount: 5000, currency: 'usd', interval: 'per_authorization' },
	status: 'blocked',
};

/** The JSON body our node builds from ALL_FIELDS (as test/node/cardholder-update.test.ts checks). */
export const BODY = {
	billing: { address: { city: 'Paris', country: 'FR', line1: '1 Rue', line2: 'Apt 4', postal_code: '75001', state: 'IDF' } },
	email: 'holder@example.com',
	phone_number: '+33 1 23 45 67 89',
	metadata: [{ team: 'ops' }],
	company: { tax_id_provided: true },
	individual: {
		card_issuing: { user_terms_acceptance: { date: Date.parse('2026-01-02T10:00:00Z') / 1000, ip: '203.0.113.7', user_agent: 'Mozilla/5.0' } },
		dob: { day: 17, month: 5, year: 1990 },
		first_name: 'Jane',
		last_name: 'Doe',
		verification: { document: { back: 'file_back', front: 'file_front' } },
	},
	spending_controls: { spending_limits: { amount: 5000, interval: 'per_authorization' }, spending_limits_currency: 'usd' },
	status: 'blocked',
};

/** Our node, default options: the cardholder from each item, every field set (or the fields given). */
export const ourParameters = (updateFields: IDataObject = ALL_FIELDS): IDataObject => ({
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
	jsonBody: JSON.stringify(BODY, null, 2),
	options: {},
});
