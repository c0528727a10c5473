// @ts-check
'use strict';

/** @import { IDataObject } from 'n8n-workflow' */

const balanceReport = require('../../examples/balance-daily-report.json');
/**
 * What the tests read of examples/refund-from-form.json.
 * @typedef {{ name: string; parameters: { assignments?: Assignments; formFields?: FormFields } }} FormNode
 * @typedef {{ assignments: Array<{ name: string; value: string | number }> }} Assignments
 * @typedef {{ values: FormField[] }} FormFields
 * @typedef {{ fieldLabel: string; fieldOptions?: { values: Array<{ option: string }> } }} FormField
 */
const refundFromForm = /** @type {{ nodes: FormNode[] }} */ (require('../../examples/refund-from-form.json'));
const { expectRequest, useSimulator } = require('../harness/fixtures');

const { paymentsOf, addPaymentIntent } = require('../simulator/payments');

/**
 * The WooshPay nodes of the payments examples (examples/*.json), with their parameters as
 * saved, run through the engine on what their trigger hands them. The whole workflows run in
 * a real n8n in the end-to-end tests.
 */
const t = useSimulator();

/** @param {{ nodes: Array<{ name: string; parameters: object }> }} workflow @param {string} name */
const parametersOf = (workflow, name) =>
	/** @type {IDataObject} */ (/** @type {{ name: string; parameters: object }} */ (workflow.nodes.find((node) => node.name === name)).parameters);

test('daily balance report: Get balance is GET /v1/balance', async () => {
	const result = await t.run(parametersOf(balanceReport, 'Get balance'));
	expectRequest(t.sim.requests[0], { method: 'GET', path: '/v1/balance', body: undefined });
	expect(result.output.map((o) => o.json)).toEqual([paymentsOf(t.sim).balance]);
});

describe('refund from a form', () => {
	const refund = parametersOf(refundFromForm, 'Refund payment');
	const sample = /** @type {Assignments} */ (/** @type {FormNode} */ (refundFromForm.nodes.find((node) => node.name === 'Sample form answer')).parameters.assignments).assignments;
	const sampleAnswer = Object.fromEntries(sample.map((a) => [a.name, a.value]));

	test("the sample answer: a partial refund of pi_sandbox_1 with WooshPay's reason", async () => {
		expect(sampleAnswer).toEqual({ 'Payment intent ID': 'pi_sandbox_1', 'Amount in cents': 500, Reason: 'Requested by customer' });
		const result = await t.run(refund, { items: [sampleAnswer] });
		expectRequest(t.sim.requests[0], {
			method: 'POST',
			path: '/v1/refunds',
			body: { payment_intent: 'pi_sandbox_1', amount: '500', reason: 'requested_by_customer', metadata: { source: 'refund form' } },
		});
		expect(result.output[0].json).toMatchObject({ object: 'refund', payment_intent: 'pi_sandbox_1', amount: 500, status: 'succeeded' });
	});

	test('a form answer with the amount left empty refunds the whole payment; every reason of the form is one WooshPay knows', async () => {
		const form = /** @type {FormNode} */ (refundFromForm.nodes.find((node) => node.name === 'Refund request form'));
		const reason = /** @type {FormField} */ (/** @type {FormFields} */ (form.parameters.formFields).values.find((field) => field.fieldLabel === 'Reason'));
		const reasons = /** @type {NonNullable<FormField['fieldOptions']>} */ (reason.fieldOptions).values.map((v) => v.option);
		const payments = reasons.map(() => addPaymentIntent(t.sim, { amount: 900, currency: 'USD', confirm: true }).id);
		const result = await t.run(refund, {
			items: reasons.map((reason, i) => ({ 'Payment intent ID': payments[i], 'Amount in cents': null, Reason: reason })),
		});
		expect(result.status).toBe('success');
		expect(t.sim.requests.map((r) => r.body.reason).sort()).toEqual(['duplicate', 'fraudulent', 'requested_by_customer']);
		expect(t.sim.requests.every((r) => !('amount' in r.body))).toBe(true);
		expect(result.output.map((o) => o.json.amount)).toEqual([900, 900, 900]);
	});
});
