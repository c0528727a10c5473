// @ts-check
'use strict';

const { byId, expectRefused, expectRequest, useSimulator } = require('../harness/fixtures');
const { moneyMovementTests } = require('../harness/money-movements');

const { payoutsOf } = require('../simulator/payouts');

/**
 * Payout → Create and Update through the engine against the simulator (test/simulator/payouts.js):
 * a saved beneficiary or its details (bank account, UPI), the amount received or paid (exactly
 * one of each sent), both currencies; the checks before sending; a payout is a money movement,
 * so it is sent again only when WooshPay's answer says it was not carried out.
 */
const t = useSimulator();

/** Payout → Create to the seeded GB bank account, 100.00 GBP received, paid in USD; `extra` over it. @param {object} [extra] */
const create = (extra = {}) => ({
	resource: 'payout',
	operation: 'create',
	beneficiaryFrom: 'saved',
	beneficiary: 'bf_sandbox_1',
	amountGivenAs: 'payment',
	paymentAmount: 10000,
	paymentCurrency: 'GBP',
	sourceCurrency: 'USD',
	...extra,
});

/** The body of `create()` as sent. */
const BASE = { beneficiary: 'bf_sandbox_1', payment_amount: 10000, payment_currency: 'GBP', source_currency: 'USD' };

/** Beneficiary details instead of a saved one: `destination` is Destination Type and its collection. @param {object} destination @param {object} [extra] */
const toDetails = (destination, extra = {}) => create({ beneficiaryFrom: 'details', nickname: 'Supplier Ltd', ...destination, ...extra });

/** The payout the simulator made for the request that changed something. */
const made = () => payoutsOf(t.sim).payouts.get(t.sim.mutations[0].id);

const KEY = /^n8n-[0-9a-f]{40}$/;

describe('Payout → Create sends each field at its documented path', () => {
	const { beneficiary: _saved, ...amounts } = BASE;
	const details = (/** @type {object} */ destinationData) => ({ ...amounts, beneficiary_data: { nickname: 'Supplier Ltd', destination_data: destinationData } });
	const bank = (/** @type {object} */ fields) => details({ destination_type: 'bank_account', bank_account: fields });
	const upi = (/** @type {object} */ fields) => details({ destination_type: 'upi', upi: fields });
	test.each([
		['beneficiary', create(), BASE],
		['beneficiary_data.nickname, .destination_data.destination_type (Bank Account)', toDetails({ bankAccount: { accountNumber: '000123456789' } }), bank({ account_number: '000123456789' })],
		['beneficiary_data.destination_data.bank_account.account_holder_name', toDetails({ bankAccount: { accountHolderName: 'Jane Doe' } }), bank({ account_holder_name: 'Jane Doe' })],
		['beneficiary_data.destination_data.bank_account.account_holder_type', toDetails({ bankAccount: { accountHolderType: 'company' } }), bank({ account_holder_type: 'company' })],
		['beneficiary_data.destination_data.bank_account.account_number', toDetails({ bankAccount: { accountNumber: '31926819' } }), bank({ account_number: '31926819' })],
		['beneficiary_data.destination_data.bank_account.bank_name', toDetails({ bankAccount: { bankName: 'Example Bank' } }), bank({ bank_name: 'Example Bank' })],
		['beneficiary_data.destination_data.bank_account.country', toDetails({ bankAccount: { country: 'gb' } }), bank({ country: 'GB' })],
		['beneficiary_data.destination_data.bank_account.currency', toDetails({ bankAccount: { currency: 'GBP' } }), bank({ currency: 'GBP' })],
		['beneficiary_data.destination_data.bank_account.routing_number', toDetails({ bankAccount: { routingNumber: '200000' } }), bank({ routing_number: '200000' })],
		['beneficiary_data.destination_data.bank_account.swift', toDetails({ bankAccount: { swift: 'BARCGB22' } }), bank({ swift: 'BARCGB22' })],
		['beneficiary_data.destination_data.destination_type (UPI), .upi.vpa', toDetails({ destinationType: 'upi', upi: { vpa: 'priya@okaxis' } }), upi({ vpa: 'priya@okaxis' })],
		['beneficiary_data.destination_data.upi.phone_number', toDetails({ destinationType: 'upi', upi: { phoneNumber: '91-8276831583' } }), upi({ phone_number: '91-8276831583' })],
		['payment_amount (Amount Received)', create({ paymentAmount: 2500 }), { ...BASE, payment_amount: 2500 }],
		['source_amount (Amount Paid)', create({ amountGivenAs: 'source', sourceAmount: 5000 }), { beneficiary: 'bf_sandbox_1', source_amount: 5000, payment_currency: 'GBP', source_currency: 'USD' }],
		['payment_currency', create({ paymentCurrency: 'eur' }), { ...BASE, payment_currency: 'eur' }],
		['source_currency', create({ sourceCurrency: 'SGD' }), { ...BASE, source_currency: 'SGD' }],
		['description', create({ additionalFields: { description: 'Invoice 2024-117' } }), { ...BASE, description: 'Invoice 2024-117' }],
		['metadata', create({ additionalFields: { metadata: { pair: [{ key: 'invoice', value: 'INV-117' }, { key: 'row', value: 7 }] } } }), { ...BASE, metadata: { invoice: 'INV-117', row: '7' } }],
		['type', create({ additionalFields: { type: 'to_China' } }), { ...BASE, type: 'to_China' }],
	])('%s', async (_path, parameters, body) => {
		const result = await t.run(parameters);
		expect(result.error).toBeUndefined();
		expect(t.sim.requests).toHaveLength(1);
		expectRequest(t.sim.requests[0], { method: 'POST', path: '/v1/payouts', body });
		expect(t.sim.requests[0].headers['idempotency-key']).toMatch(KEY);
		expect(result.output).toEqual([{ json: made(), pairedItem: { item: 0 } }]);
	});
});

describe('Payout → Create', () => {
	test('to a saved beneficiary, the amount received given: outputs the pending payout with the amount paid worked out', async () => {
		const result = await t.run(create({ additionalFields: { description: 'March invoice', type: 'global' } }));
		expectRequest(t.sim.requests[0], { method: 'POST', path: '/v1/payouts', body: { ...BASE, description: 'March invoice', type: 'global' } });
		const payout = made();
		expect(result.output).toEqual([{ json: payout, pairedItem: { item: 0 } }]);
		// 100.00 GBP at the sandbox's 0.79 GBP to the dollar: 126.58 USD.
		expect(payout).toMatchObject({
			object: 'payout',
			status: 'pending',
			payment_amount: 10000,
			payment_currency: 'GBP',
			source_amount: 12658,
			source_currency: 'USD',
			description: 'March invoice',
			type: 'global',
			beneficiary_data: payoutsOf(t.sim).beneficiaries.get('bf_sandbox_1'),
		});
	});

	test('with a bank account\'s every detail and the amount paid: WooshPay saves the beneficiary with the payout', async () => {
		const result = await t.run(
			toDetails(
				{
					bankAccount: {
						accountHolderName: 'Supplier Ltd',
						accountHolderType: 'company',
						accountNumber: '31926819',
						bankName: 'Barclays',
						country: 'GB',
						currency: 'GBP',
						routingNumber: '200000',
						swift: 'BARCGB22',
					},
				},
				{ amountGivenAs: 'source', sourceAmount: 100000 },
			),
		);
		const beneficiaryData = {
			nickname: 'Supplier Ltd',
			destination_data: {
				destination_type: 'bank_account',
				bank_account: {
					account_holder_name: 'Supplier Ltd',
					account_holder_type: 'company',
					account_number: '31926819',
					bank_name: 'Barclays',
					country: 'GB',
					currency: 'GBP',
					routing_number: '200000',
					swift: 'BARCGB22',
				},
			},
		};
		expectRequest(t.sim.requests[0], {
			method: 'POST',
			path: '/v1/payouts',
			body: { beneficiary_data: beneficiaryData, source_amount: 100000, payment_currency: 'GBP', source_currency: 'USD' },
		});
		const payout = made();
		expect(result.output).toEqual([{ json: payout, pairedItem: { item: 0 } }]);
		expect(payout).toMatchObject({ payment_amount: 79000, source_amount: 100000, beneficiary_data: { object: 'beneficiary', id: expect.stringMatching(/^bf_/), ...beneficiaryData } });
		expect(payoutsOf(t.sim).beneficiaries.get(payout.beneficiary_data.id)).toEqual(payout.beneficiary_data);
	});

	test('to a UPI ID, in rupees from rupees', async () => {
		const result = await t.run(
			toDetails({ destinationType: 'upi', upi: { vpa: 'priya@okaxis', phoneNumber: '91-9876543210' } }, { paymentAmount: 250000, paymentCurrency: 'INR', sourceCurrency: 'INR' }),
		);
		expect(t.sim.requests[0].body).toEqual({
			beneficiary_data: { nickname: 'Supplier Ltd', destination_data: { destination_type: 'upi', upi: { vpa: 'priya@okaxis', phone_number: '91-9876543210' } } },
			payment_amount: 250000,
			payment_currency: 'INR',
			source_currency: 'INR',
		});
		expect(result.output[0].json).toMatchObject({ payment_amount: 250000, source_amount: 250000, status: 'pending' });
	});

	test('exactly one beneficiary and one amount are sent, whatever the hidden fields hold', async () => {
		// A workflow whose beneficiary was switched from details to saved keeps the old values; they stay out.
		await t.run(
			create({ nickname: 'Old Nickname', bankAccount: { accountNumber: '1' }, upi: { vpa: 'x@y' }, sourceAmount: 999, additionalFields: {} }),
		);
		expect(t.sim.requests[0].body).toEqual(BASE);
		t.sim.reset();
		await t.run(toDetails({ destinationType: 'upi', upi: { vpa: 'priya@okaxis' }, bankAccount: { accountNumber: '1' } }, { beneficiary: 'bf_sandbox_1', amountGivenAs: 'source', sourceAmount: 700, paymentAmount: 123 }));
		expect(t.sim.requests[0].body).toEqual({
			beneficiary_data: { nickname: 'Supplier Ltd', destination_data: { destination_type: 'upi', upi: { vpa: 'priya@okaxis' } } },
			source_amount: 700,
			payment_currency: 'GBP',
			source_currency: 'USD',
		});
	});

	test('values from each item by expression; an amount given as text of digits is sent as a number', async () => {
		const result = await t.run(
			create({
				beneficiary: '={{ $json.beneficiary }}',
				paymentAmount: '={{ $json.amount }}',
				paymentCurrency: '={{ $json.currency }}',
				additionalFields: { description: '={{ "Row " + $json.row }}' },
			}),
			{
				items: [
					{ beneficiary: 'bf_sandbox_1', amount: '4200', currency: 'GBP', row: 2 },
					{ beneficiary: 'bf_sandbox_2', amount: 1500, currency: 'INR', row: 3 },
				],
			},
		);
		expect(result.status).toBe('success');
		expect(t.sim.requests.map((r) => r.body).sort((a, b) => a.description.localeCompare(b.description))).toEqual([
			{ beneficiary: 'bf_sandbox_1', payment_amount: 4200, payment_currency: 'GBP', source_currency: 'USD', description: 'Row 2' },
			{ beneficiary: 'bf_sandbox_2', payment_amount: 1500, payment_currency: 'INR', source_currency: 'USD', description: 'Row 3' },
		]);
		const keys = t.sim.requests.map((r) => r.headers['idempotency-key']);
		expect(new Set(keys).size).toBe(2);
		expect(result.output.map((o) => [o.json.description, o.pairedItem])).toEqual([
			['Row 2', { item: 0 }],
			['Row 3', { item: 1 }],
		]);
	});

	test('an Idempotency Key of your own is sent as it is; the same row run again pays once', async () => {
		const parameters = create({ options: { idempotencyKey: '={{ "payout-" + $json.row_number }}' } });
		const first = await t.run(parameters, { items: [{ row_number: 41 }] });
		const again = await t.run(parameters, { items: [{ row_number: 41 }] });
		expect(t.sim.requests.map((r) => r.headers['idempotency-key'])).toEqual(['payout-41', 'payout-41']);
		expect(t.sim.mutations).toHaveLength(1);
		expect(again.output).toEqual(first.output);
	});

	test.each([
		['an amount with cents', { paymentAmount: 12.5 }, 'Amount Received is 12.5, which is not a whole number of 1 or more [item 0]'],
		['an amount written as money', { paymentAmount: '={{ "12.50" }}' }, 'Amount Received is "12.50", which is not a whole number of 1 or more [item 0]'],
		['an amount in hexadecimal', { paymentAmount: '={{ "0x10" }}' }, 'Amount Received is "0x10", which is not a whole number of 1 or more [item 0]'],
		['an amount with an exponent', { amountGivenAs: 'source', sourceAmount: '={{ "1e3" }}' }, 'Amount Paid is "1e3", which is not a whole number of 1 or more [item 0]'],
		['a zero amount paid', { amountGivenAs: 'source', sourceAmount: 0 }, 'Amount Paid is 0, which is not a whole number of 1 or more [item 0]'],
	])('refused before sending: %s', async (_case, extra, message) => {
		const result = await t.run(create(extra));
		expect(t.sim.requests).toHaveLength(0);
		expect(result.error?.message).toBe(`${message}. Give the amount in the currency's smallest unit as a whole number, such as 5000 for 50.00 USD.`);
	});

	test.each([
		['an empty beneficiary ID', create({ beneficiary: '={{ "" }}' }), 'Beneficiary ID is empty [item 0]', 'Enter a value'],
		['a currency name', create({ paymentCurrency: 'pounds' }), 'Payment Currency is "pounds", which is not a three-letter currency code [item 0]', 'ISO 4217'],
		['an empty source currency', create({ sourceCurrency: '={{ $json.nothing }}' }), 'Source Currency is empty, which is not a three-letter currency code [item 0]', 'ISO 4217'],
		['an empty nickname', toDetails({ bankAccount: { accountNumber: '1' } }, { nickname: '={{ " " }}' }), 'Beneficiary Nickname is empty [item 0]', 'Enter a value'],
		['a destination type by expression', toDetails({ destinationType: '={{ "alipay" }}' }), 'Destination Type is "alipay", which is not one of the allowed values [item 0]', 'Use one of: bank_account, upi.'],
		['a bank country by name', toDetails({ bankAccount: { country: 'England' } }), 'Bank Account → Country is "England", which is not a two-letter ISO 3166-1 country code [item 0]', '"GB"'],
		['an account currency of four letters', toDetails({ bankAccount: { currency: 'GBPX' } }), 'Bank Account → Currency is "GBPX", which is not a three-letter currency code [item 0]', 'ISO 4217'],
		['an empty account number', toDetails({ bankAccount: { accountNumber: '' } }), 'Bank Account → Account Number is empty [item 0]', 'Enter a value'],
		['an empty VPA', toDetails({ destinationType: 'upi', upi: { vpa: '' } }), 'UPI → VPA is empty [item 0]', 'Enter a value'],
		['a payout type by expression', create({ additionalFields: { type: '={{ "express" }}' } }), 'Additional Fields → Type is "express", which is not one of the allowed values [item 0]', 'Use one of: global, local, to_China.'],
		['a metadata value that is an object', create({ additionalFields: { metadata: { pair: [{ key: 'row', value: '={{ { a: 1 } }}' }] } } }), 'Additional Fields → Metadata has a value for "row" that is an object, not text [item 0]', 'JSON.stringify'],
	])('refused before sending: %s', async (_case, parameters, message, fix) => {
		await expectRefused(t, parameters, message, fix);
	});

	test("WooshPay's refusals in its words: a beneficiary it does not know, bank details missing, a currency it does not pay in", async () => {
		const unknown = await t.run(create({ beneficiary: 'bf_nobody' }));
		expect(unknown.error?.message).toBe(
			"WooshPay error 400 Bad Request: No such beneficiary: 'bf_nobody' (type invalid_request_error, code resource_missing, param beneficiary) [item 0]",
		);
		const noBank = await t.run(toDetails({}));
		expect(noBank.error?.message).toBe(
			'WooshPay error 400 Bad Request: Missing required param: beneficiary_data[destination_data][bank_account]. (type invalid_request_error, code parameter_missing, param beneficiary_data[destination_data][bank_account]) [item 0]',
		);
		const currency = await t.run(create({ paymentCurrency: 'XAF' }));
		expect(currency.error?.message).toContain('WooshPay error 400 Bad Request: Unsupported currency: XAF');
		expect(t.sim.requests).toHaveLength(3);
		expect(t.sim.mutations).toHaveLength(0);
	});

	test('Continue On Fail: one output per item, paired; bad input and WooshPay errors in their item, the rest paid', async () => {
		const result = await t.run(create({ beneficiary: '={{ $json.to }}', paymentAmount: '={{ $json.amount }}' }), {
			continueOnFail: true,
			items: [
				{ to: 'bf_sandbox_1', amount: 1000 },
				{ to: 'bf_sandbox_1', amount: '10.00' },
				{ to: 'bf_gone', amount: 1000 },
				{ to: 'bf_sandbox_2', amount: 2000 },
			],
		});
		expect(result.status).toBe('success');
		expect(result.output.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(result.output[0].json).toMatchObject({ object: 'payout', payment_amount: 1000, beneficiary_data: { id: 'bf_sandbox_1' } });
		expect(result.output[1].json).toEqual({
			error: "Amount Received is \"10.00\", which is not a whole number of 1 or more [item 1]. Give the amount in the currency's smallest unit as a whole number, such as 5000 for 50.00 USD.",
		});
		expect(result.output[2].json).toEqual({
			error: "WooshPay error 400 Bad Request: No such beneficiary: 'bf_gone' (type invalid_request_error, code resource_missing, param beneficiary) [item 2]",
		});
		expect(result.output[3].json).toMatchObject({ object: 'payout', payment_amount: 2000, beneficiary_data: { id: 'bf_sandbox_2' } });
		expect(t.sim.requests).toHaveLength(3);
		expect(t.sim.mutations).toHaveLength(2);
	});
});

describe('Payout → Create moves money: sent again only when WooshPay says it was not carried out', () => {
	moneyMovementTests(t, () => create(), (sim) => payoutsOf(sim).payouts, '/v1/payouts');
});

describe('Payout → Update', () => {
	/** @param {string} id @param {object} updateFields */
	const update = (id, updateFields) => ({ resource: 'payout', operation: 'update', payoutId: byId(id), updateFields });

	test('metadata: POST /v1/payouts/{id} with the pairs as an object, as the page\'s example sends them; outputs the payout', async () => {
		const result = await t.run(update(' po_sandbox_2 ', { metadata: { pair: [{ key: 'approved_by', value: 'finance' }, { key: 'order', value: '' }] } }));
		expectRequest(t.sim.requests[0], { method: 'POST', path: '/v1/payouts/po_sandbox_2', body: { metadata: { approved_by: 'finance', order: '' } } });
		expect(t.sim.requests[0].headers['idempotency-key']).toMatch(KEY);
		const payout = payoutsOf(t.sim).payouts.get('po_sandbox_2');
		expect(result.output).toEqual([{ json: payout, pairedItem: { item: 0 } }]);
		// An empty value removes the key.
		expect(payout.metadata).toEqual({ approved_by: 'finance' });
	});

	test('an update is not a money movement: sent again after a 500, with the same key', async () => {
		t.sim.fail({ status: 500, body: { error: { type: 'api_error', message: 'oops' } } });
		const result = await t.run(update('po_sandbox_1', { metadata: { pair: [{ key: 'checked', value: 'yes' }] } }));
		expect(result.status).toBe('success');
		expect(t.sim.requests).toHaveLength(2);
		expect(t.sim.requests[1].headers['idempotency-key']).toBe(t.sim.requests[0].headers['idempotency-key']);
		expect(result.output[0].json.metadata).toEqual({ checked: 'yes' });
	});

	test("a payout WooshPay does not know: its 404 in its words", async () => {
		const result = await t.run(update('po_gone', { metadata: { pair: [{ key: 'a', value: 'b' }] } }));
		expect(result.error?.message).toBe("WooshPay error 404 Not Found: No such payout: 'po_gone' (type invalid_request_error, code resource_missing, param id) [item 0]");
	});
});
