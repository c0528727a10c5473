// @ts-check
'use strict';

/**
 * Cardholder → Update with every field set: the node's parameters and the JSON body they must
 * give (in the workflow time zone of the harness, Europe/London). Used by the field tests and
 * by the benchmark's workload.
 */
/** @import { IDataObject } from 'n8n-workflow' */

/** @type {IDataObject} */
const ALL_CARDHOLDER_FIELDS = {
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

const ALL_CARDHOLDER_BODY = {
	billing: { address: { city: 'Paris', country: 'FR', line1: '1 Rue', line2: 'Apt 4', postal_code: '75001', state: 'IDF' } },
	email: 'holder@example.com',
	phone_number: '+33 1 23 45 67 89',
	metadata: [{ team: 'ops' }],
	company: { tax_id_provided: true },
	individual: {
		card_issuing: {
			user_terms_acceptance: { date: Date.parse('2026-01-02T10:00:00Z') / 1000, ip: '203.0.113.7', user_agent: 'Mozilla/5.0' },
		},
		dob: { day: 17, month: 5, year: 1990 },
		first_name: 'Jane',
		last_name: 'Doe',
		verification: { document: { back: 'file_back', front: 'file_front' } },
	},
	spending_controls: { spending_limits: { amount: 5000, interval: 'per_authorization' }, spending_limits_currency: 'usd' },
	status: 'blocked',
};

module.exports = { ALL_CARDHOLDER_FIELDS, ALL_CARDHOLDER_BODY };
