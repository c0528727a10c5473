// @ts-check
'use strict';

const { ALL_CARDHOLDER_BODY, ALL_CARDHOLDER_FIELDS } = require('../harness/cardholder-fields');
const { byId, expectRequest, useSimulator } = require('../harness/fixtures');

/**
 * Cardholder → Update through the engine: every documented field (seed page "Update a
 * cardholder") reaches the simulator at its documented JSON path and type.
 */
const t = useSimulator();

/** @param {object} updateFields */
const update = (updateFields, cardholderId = 'ich_sandbox_1') => ({
	resource: 'cardholder',
	operation: 'update',
	cardholderId: byId(cardholderId),
	updateFields,
});

/** @param {string} iso */
const seconds = (iso) => Date.parse(iso) / 1000;

describe('Cardholder → Update sends each field at its documented path', () => {
	test.each([
		['billing.address.city', { billingAddress: { city: 'Paris' } }, { billing: { address: { city: 'Paris' } } }],
		['billing.address.country', { billingAddress: { country: 'FR' } }, { billing: { address: { country: 'FR' } } }],
		['billing.address.line1', { billingAddress: { line1: '1 Rue' } }, { billing: { address: { line1: '1 Rue' } } }],
		['billing.address.line2', { billingAddress: { line2: 'Apt 4' } }, { billing: { address: { line2: 'Apt 4' } } }],
		['billing.address.postal_code', { billingAddress: { postalCode: '75001' } }, { billing: { address: { postal_code: '75001' } } }],
		['billing.address.state', { billingAddress: { state: 'IDF' } }, { billing: { address: { state: 'IDF' } } }],
		['email', { email: 'holder@example.com' }, { email: 'holder@example.com' }],
		['phone_number', { phoneNumber: '+33 1 23 45 67 89' }, { phone_number: '+33 1 23 45 67 89' }],
		['metadata (an array of one object)', { metadata: { pair: [{ key: 'team', value: 'ops' }, { key: 'cost_centre', value: '42' }] } }, { metadata: [{ team: 'ops', cost_centre: '42' }] }],
		['company.tax_id_provided', { companyTaxIdProvided: true }, { company: { tax_id_provided: true } }],
		['company.tax_id_provided false', { companyTaxIdProvided: false }, { company: { tax_id_provided: false } }],
		['individual.card_issuing.user_terms_acceptance.date (winter, GMT)', { individual: { termsAcceptedAt: '2026-01-02T10:00:00' } }, { individual: { card_issuing: { user_terms_acceptance: { date: seconds('2026-01-02T10:00:00Z') } } } }],
		['individual.card_issuing.user_terms_acceptance.date (summer, BST)', { individual: { termsAcceptedAt: '2026-07-01T10:00:00' } }, { individual: { card_issuing: { user_terms_acceptance: { date: seconds('2026-07-01T09:00:00Z') } } } }],
		['individual.card_issuing.user_terms_acceptance.date (with offset)', { individual: { termsAcceptedAt: '2026-07-01T10:00:00+02:00' } }, { individual: { card_issuing: { user_terms_acceptance: { date: seconds('2026-07-01T08:00:00Z') } } } }],
		['individual.card_issuing.user_terms_acceptance.ip', { individual: { termsAcceptedIp: '203.0.113.7' } }, { individual: { card_issuing: { user_terms_acceptance: { ip: '203.0.113.7' } } } }],
		['individual.card_issuing.user_terms_acceptance.user_agent', { individual: { termsAcceptedUserAgent: 'Mozilla/5.0' } }, { individual: { card_issuing: { user_terms_acceptance: { user_agent: 'Mozilla/5.0' } } } }],
		['individual.dob', { individual: { dob: '1990-05-17T00:00:00' } }, { individual: { dob: { day: 17, month: 5, year: 1990 } } }],
		['individual.first_name', { individual: { firstName: "Mary-Jane O'Neil" } }, { individual: { first_name: "Mary-Jane O'Neil" } }],
		['individual.last_name', { individual: { lastName: 'Müller-Lüdenscheidt' } }, { individual: { last_name: 'Müller-Lüdenscheidt' } }],
		['individual.verification.document.back', { individual: { documentBack: 'file_back' } }, { individual: { verification: { document: { back: 'file_back' } } } }],
		['individual.verification.document.front', { individual: { documentFront: 'file_front' } }, { individual: { verification: { document: { front: 'file_front' } } } }],
		['spending_controls.spending_limits.amount', { spendingControls: { amount: 5000 } }, { spending_controls: { spending_limits: { amount: 5000 } } }],
		['spending_controls.spending_limits.interval', { spendingControls: { interval: 'daily' } }, { spending_controls: { spending_limits: { interval: 'daily' } } }],
		['spending_controls.spending_limits_currency', { spendingControls: { currency: 'usd' } }, { spending_controls: { spending_limits_currency: 'usd' } }],
		['status blocked', { status: 'blocked' }, { status: 'blocked' }],
		['status inactive', { status: 'inactive' }, { status: 'inactive' }],
		['status active', { status: 'active' }, { status: 'active' }],
	])('%s', async (_path, fields, body) => {
		const result = await t.run(update(fields));
		expect(result.error).toBeUndefined();
		expect(t.sim.requests).toHaveLength(1);
		expectRequest(t.sim.requests[0], { method: 'POST', path: '/v1/issuing/cardholders/ich_sandbox_1', body });
	});

	test('all fields at once give the seed page example body; the output is the updated cardholder', async () => {
		const fresh = t.sim.addCardholder();
		const result = await t.run(update(ALL_CARDHOLDER_FIELDS, fresh.id));
		const body = ALL_CARDHOLDER_BODY;
		expectRequest(t.sim.requests[0], { method: 'POST', path: `/v1/issuing/cardholders/${fresh.id}`, body });
		expect(result.output).toEqual([
			{
				json: {
					id: fresh.id,
					object: 'issuing.cardholder',
					created: fresh.created,
					livemode: false,
					name: null,
					type: 'individual',
					...body,
				},
				pairedItem: { item: 0 },
			},
		]);
	});
});

describe('blocking many cardholders', () => {
	test('one request per item, each with its own ID, outputs paired in order', async () => {
		const ids = ['ich_sandbox_1', 'ich_sandbox_2', 'ich_sandbox_3'];
		const result = await t.run(update({ status: 'blocked' }, '={{ $json.cardholderId }}'), {
			items: ids.map((cardholderId) => ({ cardholderId })),
		});
		expect(result.status).toBe('success');
		expect(t.sim.requests.map((r) => r.path).sort()).toEqual(ids.map((id) => `/v1/issuing/cardholders/${id}`));
		for (const request of t.sim.requests) expect(request.body).toEqual({ status: 'blocked' });
		expect(result.output.map((o) => [o.json.id, o.json.status, o.pairedItem])).toEqual(
			ids.map((id, i) => [id, 'blocked', { item: i }]),
		);
	});

	test('a status from an expression per item', async () => {
		const result = await t.run(update({ status: '={{ $json.status }}' }, '={{ $json.id }}'), {
			items: [
				{ id: 'ich_sandbox_1', status: 'inactive' },
				{ id: 'ich_sandbox_2', status: 'active' },
			],
		});
		expect(result.output.map((o) => o.json.status)).toEqual(['inactive', 'active']);
	});
});
