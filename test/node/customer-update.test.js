// @ts-check
'use strict';

const { byId, expectRequest, useSimulator } = require('../harness/fixtures');

/**
 * Customer → Update through the engine: every documented field (seed page "Update a
 * customer") reaches the simulator at its documented JSON path, and nothing else is sent.
 */
const t = useSimulator();

/** @param {object} updateFields */
const update = (updateFields, customerId = 'cus_sandbox_1') => ({
	resource: 'customer',
	operation: 'update',
	customerId: byId(customerId),
	updateFields,
});

const address = { city: 'London', country: 'GB', line1: '221B Baker Street', line2: 'Flat 2', postalCode: 'NW1 6XE', state: 'Greater London' };
const addressJson = { city: 'London', country: 'GB', line1: '221B Baker Street', line2: 'Flat 2', postal_code: 'NW1 6XE', state: 'Greater London' };

describe('Customer → Update sends each field at its documented path', () => {
	test.each([
		['address.city', { address: { city: 'London' } }, { address: { city: 'London' } }],
		['address.country', { address: { country: 'GB' } }, { address: { country: 'GB' } }],
		['address.line1', { address: { line1: '221B Baker Street' } }, { address: { line1: '221B Baker Street' } }],
		['address.line2', { address: { line2: 'Flat 2' } }, { address: { line2: 'Flat 2' } }],
		['address.postal_code', { address: { postalCode: 'NW1 6XE' } }, { address: { postal_code: 'NW1 6XE' } }],
		['address.state', { address: { state: 'Greater London' } }, { address: { state: 'Greater London' } }],
		['description', { description: 'Wholesale' }, { description: 'Wholesale' }],
		['email', { email: 'jane@example.com' }, { email: 'jane@example.com' }],
		['metadata', { metadata: { pair: [{ key: 'crm_id', value: 'C-1' }, { key: 'tier', value: 'gold' }] } }, { metadata: { crm_id: 'C-1', tier: 'gold' } }],
		['name', { name: 'Jane Doe' }, { name: 'Jane Doe' }],
		['phone', { phone: '+44 20 7946 0958' }, { phone: '+44 20 7946 0958' }],
		['shipping.address.city', { shipping: { city: 'Leeds' } }, { shipping: { address: { city: 'Leeds' } } }],
		['shipping.address.country', { shipping: { country: 'GB' } }, { shipping: { address: { country: 'GB' } } }],
		['shipping.address.line1', { shipping: { line1: '1 Lane' } }, { shipping: { address: { line1: '1 Lane' } } }],
		['shipping.address.line2', { shipping: { line2: 'Unit 3' } }, { shipping: { address: { line2: 'Unit 3' } } }],
		['shipping.address.postal_code', { shipping: { postalCode: 'LS1 1AA' } }, { shipping: { address: { postal_code: 'LS1 1AA' } } }],
		['shipping.address.state', { shipping: { state: 'West Yorkshire' } }, { shipping: { address: { state: 'West Yorkshire' } } }],
		['shipping.name', { shipping: { name: 'John Doe' } }, { shipping: { name: 'John Doe' } }],
		['shipping.phone', { shipping: { phone: '+44 113 496 0000' } }, { shipping: { phone: '+44 113 496 0000' } }],
	])('%s', async (_path, fields, body) => {
		const result = await t.run(update(fields));
		expect(result.error).toBeUndefined();
		expect(t.sim.requests).toHaveLength(1);
		expectRequest(t.sim.requests[0], { method: 'POST', path: '/v1/customers/cus_sandbox_1', body });
	});

	test('all fields at once give the seed page example body, and the output is the updated customer', async () => {
		const fresh = t.sim.addCustomer();
		const result = await t.run(
			update({
				address,
				description: 'Wholesale',
				email: 'jane@example.com',
				metadata: { pair: [{ key: 'crm_id', value: 'C-1' }] },
				name: 'Jane Doe',
				phone: '+44 20 7946 0958',
				shipping: { ...address, name: 'John Doe', phone: '+44 113 496 0000' },
			}, fresh.id),
		);
		const body = {
			address: addressJson,
			description: 'Wholesale',
			email: 'jane@example.com',
			metadata: { crm_id: 'C-1' },
			name: 'Jane Doe',
			phone: '+44 20 7946 0958',
			shipping: { address: addressJson, name: 'John Doe', phone: '+44 113 496 0000' },
		};
		expectRequest(t.sim.requests[0], { method: 'POST', path: `/v1/customers/${fresh.id}`, body });
		expect(result.status).toBe('success');
		expect(result.output).toEqual([
			{
				json: {
					id: fresh.id,
					object: 'customer',
					created: fresh.created,
					currency: null,
					livemode: false,
					preferred_locales: [],
					...body,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('no fields added: an empty update, nothing invented', async () => {
		const result = await t.run(update({}));
		expect(result.status).toBe('success');
		expect(t.sim.requests[0].method).toBe('POST');
		expect(t.sim.requests[0].path).toBe('/v1/customers/cus_sandbox_1');
		expect(t.sim.requests[0].body).toBeUndefined();
	});

	test('an added but empty text field is sent empty (to clear it), not dropped', async () => {
		await t.run(update({ address: { line2: '' }, description: '' }));
		expect(t.sim.requests[0].body).toEqual({ address: { line2: '' }, description: '' });
	});

	test('a text field mapped to a missing value is sent empty; an object is refused', async () => {
		await t.run(update({ address: { line2: '={{ $json.line2 }}' } }), { items: [{ line2: null }] });
		expect(t.sim.requests[0].body).toEqual({ address: { line2: '' } });
		t.sim.reset();
		const result = await t.run(update({ description: '={{ { a: 1 } }}' }));
		expect(result.error?.message).toContain('Update Fields → Description must be text, but is {"a":1} [item 0]');
		expect(t.sim.requests).toHaveLength(0);
	});

	test('numbers from expressions are sent as text to text fields; a lower-case country is sent upper-case', async () => {
		await t.run(update({ address: { postalCode: '={{ 10001 }}', country: 'us' }, phone: '={{ 4420794609 }}' }));
		expect(t.sim.requests[0].body).toEqual({ address: { postal_code: '10001', country: 'US' }, phone: '4420794609' });
	});
});

describe('per-item expressions', () => {
	test('each item updates its own customer with its own values, outputs paired in order', async () => {
		const items = [
			{ id: 'cus_sandbox_1', mail: 'one@example.com', city: 'Bath' },
			{ id: 'cus_sandbox_2', mail: 'two@example.com', city: 'York' },
			{ id: 'cus_sandbox_3', mail: 'three@example.com', city: 'Hull' },
		];
		const result = await t.run(
			{
				resource: 'customer',
				operation: 'update',
				customerId: byId('={{ $json.id }}'),
				updateFields: { email: '={{ $json.mail }}', address: { city: '={{ $json.city }}' } },
			},
			{ items },
		);
		expect(result.status).toBe('success');
		const sent = [...t.sim.requests].sort((a, b) => a.path.localeCompare(b.path));
		items.forEach((item, i) =>
			expectRequest(sent[i], { method: 'POST', path: `/v1/customers/${item.id}`, body: { email: item.mail, address: { city: item.city } } }),
		);
		expect(result.output.map((o) => [o.json.id, o.json.email, o.pairedItem])).toEqual(
			items.map((item, i) => [item.id, item.mail, { item: i }]),
		);
	});

	test('IDs are trimmed and URL-encoded: no ID can leave the customer path', async () => {
		const ids = ['  cus_sandbox_1  ', '../payouts', 'a?b', 'a#b', 'a/b', '%2e%2e'];
		const result = await t.run(
			{ resource: 'customer', operation: 'update', customerId: byId('={{ $json.id }}'), updateFields: {} },
			{ items: ids.map((id) => ({ id })), continueOnFail: true },
		);
		expect(result.output).toHaveLength(ids.length);
		const paths = t.sim.requests.map((r) => r.path).sort();
		expect(paths).toEqual(
			['/v1/customers/cus_sandbox_1', '/v1/customers/..%2Fpayouts', '/v1/customers/a%3Fb', '/v1/customers/a%23b', '/v1/customers/a%2Fb', '/v1/customers/%252e%252e'].sort(),
		);
		expect(t.sim.requests.every((r) => Object.keys(r.query).length === 0)).toBe(true);
	});
});
