// @ts-check
'use strict';

/** @import { IDataObject } from 'n8n-workflow' */

const { byId, useSimulator } = require('../harness/fixtures');

/**
 * IDs that try to leave their path segment, for every operation on one object of the payout,
 * beneficiary, product, price, coupon, payment link, file and webhook endpoint resources: each
 * is refused before sending, or URL-encoded so that WooshPay sees it inside the one segment
 * (and answers that it has no such object).
 */
const t = useSimulator();

/**
 * Each operation on one object: its name, its parameters for an ID (a resource locator value),
 * the path its ID is appended to, the object's type in WooshPay's 404 and the field's label.
 * @type {Array<[string, (id: IDataObject) => IDataObject, string, string, string]>}
 */
const OPERATIONS = [
	['Payout → Update', (id) => ({ resource: 'payout', operation: 'update', payoutId: id, updateFields: { metadata: { pair: [{ key: 'a', value: 'b' }] } } }), '/v1/payouts/', 'payout', 'Payout'],
	['Beneficiary → Get', (id) => ({ resource: 'beneficiary', operation: 'get', beneficiaryId: id }), '/v1/beneficiaries/', 'beneficiary', 'Beneficiary'],
	['Product → Get', (id) => ({ resource: 'product', operation: 'get', productId: id }), '/v1/products/', 'product', 'Product'],
	['Price → Get', (id) => ({ resource: 'price', operation: 'get', priceId: id }), '/v1/prices/', 'price', 'Price'],
	['Price → Update', (id) => ({ resource: 'price', operation: 'update', priceId: id, updateFields: { nickname: 'x' } }), '/v1/prices/', 'price', 'Price'],
	['Coupon → Get', (id) => ({ resource: 'coupon', operation: 'get', couponId: id }), '/v1/coupons/', 'coupon', 'Coupon'],
	['Payment Link → Get', (id) => ({ resource: 'paymentLink', operation: 'get', paymentLinkId: id }), '/v1/payment_links/', 'payment_link', 'Payment Link'],
	['File → Get', (id) => ({ resource: 'file', operation: 'get', fileId: id }), '/v1/files/', 'file', 'File'],
	['Webhook Endpoint → Get', (id) => ({ resource: 'webhookEndpoint', operation: 'get', webhookEndpointId: id }), '/v1/webhook_endpoints/', 'webhook_endpoint', 'Webhook Endpoint'],
];

/** IDs that would leave the segment unencoded, and the segment the simulator must see instead. */
const ENCODED = [
	['../x', '..%2Fx'],
	['a/b', 'a%2Fb'],
	['a?b', 'a%3Fb'],
	['a#b', 'a%23b'],
	['%2F', '%252F'],
	['../../v1/balance', '..%2F..%2Fv1%2Fbalance'],
];

describe.each(OPERATIONS)('%s', (_operation, parameters, prefix, type, label) => {
	test.each(ENCODED)('%j is sent inside its segment, encoded, and WooshPay has no such object', async (id, segment) => {
		const result = await t.run(parameters(byId(id)));
		expect(t.sim.requests.map((r) => [r.method, r.path, r.query])).toEqual([[expect.any(String), `${prefix}${segment}`, {}]]);
		expect(t.sim.mutations).toHaveLength(0);
		expect(result.error?.message).toBe(`WooshPay error 404 Not Found: No such ${type}: '${id}' (type invalid_request_error, code resource_missing, param id) [item 0]`);
	});

	test.each([
		['.', `${label} is ".", which is not an ID [item 0]. Enter the ID of the object, as WooshPay shows it.`],
		['..', `${label} is "..", which is not an ID [item 0]. Enter the ID of the object, as WooshPay shows it.`],
		[' .. ', `${label} is "..", which is not an ID [item 0]. Enter the ID of the object, as WooshPay shows it.`],
		[' ', `${label} is empty [item 0]. Enter the ID, or map it from an earlier node with an expression such as {{ $json.id }}.`],
		['={{ $json.missing }}', `${label} is empty [item 0]. Enter the ID, or map it from an earlier node with an expression such as {{ $json.id }}.`],
		['={{ { id: "x" } }}', `${label} is {"id":"x"}, which is not an ID [item 0]. Enter the ID, or map it with an expression that gives text, such as {{ $json.id }}.`],
		['={{ ["a", "b"] }}', `${label} is ["a","b"], which is not an ID [item 0]. Enter the ID, or map it with an expression that gives text, such as {{ $json.id }}.`],
	])('%j is refused before sending', async (id, message) => {
		const result = await t.run(parameters(byId(id)));
		expect(t.sim.requests).toHaveLength(0);
		expect(result.error?.message).toBe(message);
	});
});
