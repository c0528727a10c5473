// @ts-check
'use strict';

const { byId, useSimulator } = require('../harness/fixtures');

/**
 * Bad input is stopped before anything is sent, per item, with an error that names the
 * field (as the editor shows it), the item and the fix.
 */
const t = useSimulator();

/** @param {object} updateFields @param {string} [customerId] */
const customer = (updateFields, customerId = 'cus_sandbox_1') => ({
	resource: 'customer',
	operation: 'update',
	customerId: byId(customerId),
	updateFields,
});
/** @param {object} updateFields @param {string} [cardholderId] */
const cardholder = (updateFields, cardholderId = 'ich_sandbox_1') => ({
	resource: 'cardholder',
	operation: 'update',
	cardholderId: byId(cardholderId),
	updateFields,
});

describe('each bad input stops its item before sending, naming field, item and fix', () => {
	test.each([
		['empty customer ID from an expression', customer({}, '={{ $json.missing ?? "" }}'), 'Customer is empty [item 0]', 'Enter the ID'],
		['blank customer ID', customer({}, '   '), 'Customer is empty [item 0]', 'Enter the ID'],
		['dot-dot customer ID', customer({}, '..'), 'Customer is "..", which is not an ID [item 0]', 'Enter the ID'],
		['empty cardholder ID from an expression', cardholder({}, '={{ null }}'), 'Cardholder is empty [item 0]', 'Enter the ID'],
		['country name instead of code', customer({ address: { country: 'United Kingdom' } }), 'Update Fields → Address → Country is "United Kingdom", which is not a two-letter ISO 3166-1 country code [item 0]', '"GB" for the United Kingdom'],
		['two letters that are no country', customer({ shipping: { country: 'XX' } }), 'Update Fields → Shipping → Country is "XX", which is not a two-letter ISO 3166-1 country code', 'Use the two-letter code'],
		['billing country', cardholder({ billingAddress: { country: 'FRA' } }), 'Update Fields → Billing Address → Country is "FRA"', 'Use the two-letter code'],
		['malformed customer email', customer({ email: 'jane.example.com' }), 'Update Fields → Email is "jane.example.com", which is not an email address [item 0]', 'name@example.com'],
		['malformed cardholder email', cardholder({ email: 'jane@' }), 'Update Fields → Email is "jane@", which is not an email address', 'name@example.com'],
		['first name with a digit', cardholder({ individual: { firstName: 'J4ne' } }), 'Update Fields → Individual → First Name is "J4ne", which WooshPay does not accept as a name [item 0]', 'Use Latin letters only'],
		['last name with a forbidden character', cardholder({ individual: { lastName: 'Doe!' } }), 'Update Fields → Individual → Last Name is "Doe!"', 'no digits'],
		['last name in a non-Latin script', cardholder({ individual: { lastName: '李' } }), 'Update Fields → Individual → Last Name is "李"', 'Latin letters'],
		['impossible date of birth', cardholder({ individual: { dob: '2023-02-30' } }), 'Update Fields → Individual → Date of Birth is "2023-02-30", which is not a possible date of birth [item 0]', 'YYYY-MM-DD'],
		['date of birth in the future', cardholder({ individual: { dob: '2999-01-01' } }), 'Update Fields → Individual → Date of Birth is "2999-01-01"', 'YYYY-MM-DD'],
		['impossible terms acceptance date', cardholder({ individual: { termsAcceptedAt: '2026-13-01T10:00:00' } }), 'Update Fields → Individual → Terms Accepted At is "2026-13-01T10:00:00", which is not a date and time', 'date picker'],
		['negative amount', cardholder({ spendingControls: { amount: -5 } }), 'Update Fields → Spending Controls → Spending Limit Amount is -5, which is not a whole number of zero or more [item 0]', "currency's smallest unit"],
		['fractional amount', cardholder({ spendingControls: { amount: 12.5 } }), 'Update Fields → Spending Controls → Spending Limit Amount is 12.5', 'whole number'],
		['bad currency', cardholder({ spendingControls: { currency: 'dollars' } }), 'Update Fields → Spending Controls → Currency is "dollars", which is not a three-letter currency code', '"usd"'],
		['IP out of range', cardholder({ individual: { termsAcceptedIp: '999.1.1.1' } }), 'Update Fields → Individual → Terms Accepted From IP is "999.1.1.1", which is not an IP address [item 0]', 'IPv4 or IPv6'],
		['host name instead of IP', cardholder({ individual: { termsAcceptedIp: 'localhost' } }), 'Terms Accepted From IP is "localhost"', 'IPv4 or IPv6'],
		['metadata pair with an empty key', customer({ metadata: { pair: [{ key: 'a', value: '1' }, { key: ' ', value: '2' }] } }), 'Update Fields → Metadata pair 2 has an empty key [item 0]', 'Give every metadata pair a key'],
		['cardholder metadata with an empty key', cardholder({ metadata: { pair: [{ key: '', value: 'x' }] } }), 'Update Fields → Metadata pair 1 has an empty key', 'Give every metadata pair a key'],
		['metadata key twice', customer({ metadata: { pair: [{ key: 'a', value: '1' }, { key: 'a', value: '2' }] } }), 'Update Fields → Metadata has the key "a" twice', 'Give each key once'],
		['status from an expression that is no status', cardholder({ status: '={{ "frozen" }}' }), 'Update Fields → Status is "frozen", which is not one of the allowed values', 'active, blocked, inactive'],
		['interval that does not exist', cardholder({ spendingControls: { interval: '={{ "hourly" }}' } }), 'Spending Limit Interval is "hourly"', 'per_authorization'],
	])('%s', async (_case, parameters, message, fix) => {
		const result = await t.run(parameters);
		expect(t.sim.requests).toHaveLength(0);
		expect(result.status).toBe('error');
		expect(result.error?.message).toContain(message);
		expect(result.error?.message).toContain(fix);
		expect(result.error?.description).toContain(fix);
	});
});

test('an ID left empty in the editor is refused by n8n itself before the run starts', async () => {
	const result = await t.run(customer({}, ''));
	expect(result.status).toBe('error');
	expect(result.error?.message).toContain('The \'WooshPay\' node has issues');
	expect(result.error?.message).toContain('Parameter "Customer" is required');
	expect(t.sim.requests).toHaveLength(0);
});

test('valid edge values pass: IPv6, names with accents and apostrophes, a leap day', async () => {
	const result = await t.run(
		cardholder({
			individual: { termsAcceptedIp: '2001:db8::7', firstName: "Zoë D'Arcy", dob: '2000-02-29T00:00:00' },
		}),
	);
	expect(result.status).toBe('success');
	expect(t.sim.requests[0].body).toEqual({
		individual: {
			card_issuing: { user_terms_acceptance: { ip: '2001:db8::7' } },
			first_name: "Zoë D'Arcy",
			dob: { day: 29, month: 2, year: 2000 },
		},
	});
});

describe('Continue On Fail', () => {
	test('every item yields one output item, paired; the bad one carries the error, the others still succeed', async () => {
		const result = await t.run(cardholder({ email: '={{ $json.email }}' }, '={{ $json.id }}'), {
			items: [
				{ id: 'ich_sandbox_1', email: 'one@example.com' },
				{ id: 'ich_sandbox_2', email: 'not an email' },
				{ id: '', email: 'three@example.com' },
				{ id: 'ich_sandbox_3', email: 'four@example.com' },
			],
			continueOnFail: true,
		});
		expect(result.status).toBe('success');
		expect(t.sim.requests.map((r) => r.path).sort()).toEqual([
			'/v1/issuing/cardholders/ich_sandbox_1',
			'/v1/issuing/cardholders/ich_sandbox_3',
		]);
		expect(result.output).toHaveLength(4);
		expect(result.output.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(result.output[0].json.email).toBe('one@example.com');
		expect(result.output[1].json).toEqual({
			error:
				'Update Fields → Email is "not an email", which is not an email address [item 1]. Enter an address such as "name@example.com".',
		});
		expect(result.output[2].json).toEqual({
			error:
				'Cardholder is empty [item 2]. Enter the ID, or map it from an earlier node with an expression such as {{ $json.id }}.',
		});
		expect(result.output[3].json.email).toBe('four@example.com');
	});

	test('without Continue On Fail, one bad item stops the node with that item named', async () => {
		const result = await t.run(cardholder({ status: 'blocked' }, '={{ $json.id }}'), {
			items: [{ id: 'ich_sandbox_1' }, { id: ' ' }],
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			'Cardholder is empty [item 1]. Enter the ID, or map it from an earlier node with an expression such as {{ $json.id }}.',
		);
	});
});
