// @ts-check
'use strict';

const { NodeHelpers, deepCopy } = require('n8n-workflow');

const { nodeTypes, packageLoaded } = require('../harness/engine');
const { byId, expectRequest, issuingOf, useSimulator } = require('../harness/fixtures');
/** @import { INode, INodeParameters, INodeType, INodeTypeDescription } from 'n8n-workflow' */

/**
 * The user sets fields, then switches Resource: what n8n keeps of them, and what the node does
 * with it. Cardholder and Card both have an Update Fields collection (`updateFields`) with a
 * Status, whose values differ (a cardholder can be Blocked, a card cannot); Email is a
 * cardholder's field only.
 *
 * What n8n keeps is computed as the editor computes it when a parameter changes (editor-ui's
 * useNodeSettingsParameters.updateNodeParameter, in n8n 2.41.1 and 1.123.81 alike): the
 * parameters that differ from their defaults (NodeHelpers.getNodeParameters without defaults),
 * the change set on them, then getNodeParameters with defaults, on the description as served.
 * The editor also drops a value that is no option of the parameter it now belongs to
 * (removeMismatchedOptionValues), but only for a parameter shown for the new values among those
 * that differ from their defaults; Operation Update is the default of both resources, so Card's
 * Update Fields is not shown there, and nothing more is dropped.
 */
const t = useSimulator();

let description = /** @type {INodeTypeDescription} */ (/** @type {unknown} */ (undefined));
beforeAll(async () => {
	await packageLoaded;
	description = /** @type {INodeType} */ (nodeTypes.getByName('n8n-nodes-wooshpay.wooshPay')).description;
});

/** @param {INodeParameters} parameters @returns {INode} */
const nodeWith = (parameters) => ({ id: 'wooshpay', name: 'WooshPay', type: 'n8n-nodes-wooshpay.wooshPay', typeVersion: 1, position: [0, 0], parameters });

/**
 * The node's parameters after the user sets the top-level parameter `name` to `value` in the
 * editor.
 * @param {INodeParameters} parameters
 * @param {string} name
 * @param {INodeParameters[string]} value
 * @returns {INodeParameters}
 */
function editorSets(parameters, name, value) {
	const changed = deepCopy(NodeHelpers.getNodeParameters(description.properties, parameters, false, false, nodeWith(parameters), description) ?? {});
	changed[name] = value;
	return /** @type {INodeParameters} */ (NodeHelpers.getNodeParameters(description.properties, changed, true, false, nodeWith(changed), description));
}

/**
 * Cardholder → Update with these Update Fields, as the editor holds it; then Resource switched to
 * Card, and a card picked.
 * @param {INodeParameters} updateFields
 */
function switchedToCard(updateFields) {
	const cardholder = editorSets({ resource: 'cardholder', operation: 'update', cardholderId: byId('ich_sandbox_1') }, 'updateFields', updateFields);
	expect(cardholder).toMatchObject({ resource: 'cardholder', operation: 'update', updateFields });
	const card = editorSets(cardholder, 'resource', 'card');
	return { kept: card, picked: editorSets(card, 'cardId', byId('ic_sandbox_1')) };
}

test('Cardholder → Update Fields → Status Blocked, then Resource Card: n8n keeps Status Blocked under Card → Update, which is refused before sending, naming the field and the item', async () => {
	const { kept, picked } = switchedToCard({ status: 'blocked' });
	expect(kept).toEqual({
		resource: 'card',
		operation: 'update',
		cardId: { __rl: true, mode: 'list', value: '' },
		updateFields: { status: 'blocked' },
		options: {},
		requestOptions: {},
	});
	const before = structuredClone(issuingOf(t.sim).cards.get('ic_sandbox_1'));
	const result = await t.run(picked);
	expect(t.sim.requests).toEqual([]);
	expect(result.output).toEqual([]);
	expect(result.error?.message).toBe('Update Fields → Status is "blocked", which is not one of the allowed values [item 0]. Use one of: active, canceled, inactive.');
	expect(result.error?.description).toBe('Use one of: active, canceled, inactive.');
	// n8n-core's WorkflowExecute marks a run "canceled" rather than "error" when the error's
	// message contains the word "canceled", as this one does (a card's Status value).
	expect(result.status).toBe('canceled');
	expect(issuingOf(t.sim).cards.get('ic_sandbox_1')).toEqual(before);
});

test("Cardholder → Update Fields → Email, then Resource Card (whose Update Fields has no Email): n8n drops it, so Card → Update sends nothing of it: an update without fields", async () => {
	const { kept, picked } = switchedToCard({ email: 'ada@example.com', status: 'active' });
	expect(kept.updateFields).toEqual({ status: 'active' });
	const emailOnly = switchedToCard({ email: 'ada@example.com' });
	expect(emailOnly.kept.updateFields).toEqual({});
	const card = issuingOf(t.sim).cards.get('ic_sandbox_1');
	const result = await t.run(emailOnly.picked);
	expectRequest(t.sim.requests[0], { method: 'POST', path: '/v1/issuing/cards/ic_sandbox_1', body: undefined });
	expect(t.sim.requests).toHaveLength(1);
	expect(result.status).toBe('success');
	expect(result.output).toEqual([{ json: card, pairedItem: { item: 0 } }]);
	t.sim.reset();
	await t.run(picked);
	expectRequest(t.sim.requests[0], { method: 'POST', path: '/v1/issuing/cards/ic_sandbox_1', body: { status: 'active' } });
});

test("a workflow saved with a cardholder's Email under Card → Update (not through the editor): the engine drops it just the same, before the node sees it", async () => {
	const result = await t.run({ resource: 'card', operation: 'update', cardId: byId('ic_sandbox_1'), updateFields: { email: 'ada@example.com', status: 'inactive' } });
	expect(result.status).toBe('success');
	expectRequest(t.sim.requests[0], { method: 'POST', path: '/v1/issuing/cards/ic_sandbox_1', body: { status: 'inactive' } });
	expect(t.sim.requests).toHaveLength(1);
	expect(result.output[0].json).toMatchObject({ id: 'ic_sandbox_1', status: 'inactive' });
});
