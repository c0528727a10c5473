// @ts-check
'use strict';

/**
 * n8n's editor with the packed package, as a user drives it: the node added from the node
 * panel, its drop-downs and "Add Field" lists, fields set, the node run ("Execute step") against
 * the sandbox, and the output panel read.
 */
const {
	addFieldControls,
	addFields,
	addWooshPayNode,
	executeStep,
	fill,
	nodeSetUp,
	openAddField,
	openList,
	openOptions,
	openTab,
	parameterValue,
	pickAddField,
	pickListItem,
	pickOption,
	outputView,
	useEditor,
} = require('./editor');
const fs = require('node:fs');
const path = require('node:path');

const { waitFor } = require('../../scripts/process');
const {
	EVERY_NEW_OPERATION_REQUESTS,
	EXPECTED_FIELDS,
	EXPECTED_OPERATIONS,
	EXPECTED_OPTIONS,
	EXPECTED_REQUEST_OPTIONS,
	WORKFLOWS,
	cardholderIdsNewestFirst,
	disputesOf,
	eachLine,
	everyIssue20OperationRequests,
	everyIssue20OperationScene,
	expectRequests,
	issuingOf,
	useN8n,
} = require('./harness');

eachLine('editor', (version) => {
	const n8n = useN8n(version, { workflows: [WORKFLOWS], server: true });
	const withPage = useEditor(n8n);
	const credential = 'WooshPay sandbox';

	test('Customer → Update: Add Field lists every field; Update runs against the sandbox', () =>
		withPage('customer-update', async (page, shot) => {
			await addWooshPayNode(page, n8n.url, 'Update a customer', shot);
			expect(await nodeSetUp(page)).toEqual({ resource: 'Customer', operation: 'Update', credential });
			expect(await openAddField(page)).toEqual(EXPECTED_FIELDS.customer);
			await shot('4-add-field');
			await pickAddField(page, 'Email');
			await addFields(page, ['Address']);
			expect(await openAddField(page, 'Add Address Field')).toEqual(EXPECTED_FIELDS.address);
			await pickAddField(page, 'City');
			await page.getByTestId('rlc-input').first().fill('cus_sandbox_2');
			await fill(page, 'email', 'grace.hopper@example.org');
			await fill(page, 'city', 'Arlington');
			await shot('5-fields-set');

			n8n.sim.reset();
			const text = await executeStep(page, ['1 item', 'cus_sandbox_2', 'grace.hopper@example.org', 'Arlington']);
			await shot('6-output');
			expect(text).not.toMatch(/\d+ items/);
			const body = { address: { city: 'Arlington' }, email: 'grace.hopper@example.org' };
			expectRequests(n8n.sim, [{ method: 'POST', path: '/v1/customers/cus_sandbox_2', body }]);
			await outputView(page, 'JSON', ['"Arlington"']);
		}));

	test('Cardholder → Update: Add Field lists every field, the cardholder list and Status options; blocking runs against the sandbox', () =>
		withPage('cardholder-update', async (page, shot) => {
			await addWooshPayNode(page, n8n.url, 'Update a cardholder', shot);
			expect(await nodeSetUp(page)).toEqual({ resource: 'Cardholder', operation: 'Update', credential });
			expect(await openAddField(page)).toEqual(EXPECTED_FIELDS.cardholder);
			await pickAddField(page, 'Status');
			await addFields(page, ['Email']);

			// "From list" is the default mode; the list comes from the sandbox.
			const names = await openList(page, 'cardholderId');
			await shot('4-cardholder-list');
			for (const name of ['Ada Lovelace', 'Grace Hopper', 'Alan Turing']) expect(names.join('\n')).toContain(name);
			await pickListItem(page, 'Alan Turing');
			await fill(page, 'email', 'alan.turing@example.org');
			expect(await openOptions(page, 'status')).toEqual(['Active', 'Blocked', 'Inactive']);
			await pickOption(page, 'Blocked');
			expect(await parameterValue(page, 'status')).toBe('Blocked');
			await shot('5-fields-set');

			n8n.sim.reset(); // the list search asked for the cardholders
			const text = await executeStep(page, ['1 item', 'ich_sandbox_3', 'alan.turing@example.org', 'blocked']);
			await shot('6-output');
			expect(text).not.toMatch(/\d+ items/);
			const body = { email: 'alan.turing@example.org', status: 'blocked' };
			expectRequests(n8n.sim, [{ method: 'POST', path: '/v1/issuing/cardholders/ich_sandbox_3', body }]);
			expect(n8n.sim.cardholders.get('ich_sandbox_3')?.status).toBe('blocked');
		}));

	test('Card → Update: Add Field lists every field, the card list and Status options; freezing a card runs against the sandbox', () =>
		withPage('card-update', async (page, shot) => {
			await addWooshPayNode(page, n8n.url, 'Update a card', shot);
			expect(await nodeSetUp(page)).toEqual({ resource: 'Card', operation: 'Update', credential });
			expect(await openAddField(page)).toEqual(EXPECTED_FIELDS.card);
			await pickAddField(page, 'Status');
			const names = await openList(page, 'cardId');
			await shot('4-card-list');
			expect(names.map((n) => n.trim())).toEqual(
				expect.arrayContaining(['Visa ···· 4242 · Ada Lovelace', 'MasterCard ···· 4444 · Ada Lovelace (inactive)', 'Visa ···· 0077 · Grace Hopper']),
			);
			await pickListItem(page, '0077');
			expect(await openOptions(page, 'status')).toEqual(['Active', 'Canceled', 'Inactive']);
			await pickOption(page, 'Inactive');
			expect(await parameterValue(page, 'status')).toBe('Inactive');
			await shot('5-fields-set');

			n8n.sim.reset(); // the list search asked for the cards
			await executeStep(page, ['1 item', 'ic_sandbox_3']);
			// The card's status follows its cardholder: in the JSON view it is further down than
			// the panel draws, in the Table view it is a column of its own.
			const text = await outputView(page, 'Table', ['1 item', 'ic_sandbox_3', 'inactive']);
			await shot('6-output');
			expect(text).not.toMatch(/\d+ items/);
			expectRequests(n8n.sim, [{ method: 'POST', path: '/v1/issuing/cards/ic_sandbox_3', body: { status: 'inactive' } }]);
			expect(issuingOf(n8n.sim).cards.get('ic_sandbox_3')?.status).toBe('inactive');
		}));

	test('Customer → Operation lists Create, Get, Update; Create runs against the sandbox', () =>
		withPage('customer-create', async (page, shot) => {
			await addWooshPayNode(page, n8n.url, 'Create a customer', shot);
			expect(await nodeSetUp(page)).toEqual({ resource: 'Customer', operation: 'Create', credential });
			expect(await openOptions(page, 'operation')).toEqual(EXPECTED_OPERATIONS.customer);
			await shot('4-operations');
			await pickOption(page, 'Create');
			expect(await parameterValue(page, 'operation')).toBe('Create');
			await addFields(page, ['Name', 'Email']);
			await fill(page, 'name', 'Mary Jackson');
			await fill(page, 'email', 'mary.jackson@example.org');

			n8n.sim.reset();
			const before = new Set(n8n.sim.customers.keys());
			await executeStep(page, ['1 item', 'mary.jackson@example.org', 'Mary Jackson']);
			const created = [...n8n.sim.customers.keys()].filter((id) => !before.has(id));
			expect(created).toHaveLength(1);
			const text = await outputView(page, 'Table', ['1 item', created[0], 'mary.jackson@example.org', 'Mary Jackson']);
			await shot('5-output');
			expect(text).not.toMatch(/\d+ items/);
			expectRequests(n8n.sim, [{ method: 'POST', path: '/v1/customers', body: { email: 'mary.jackson@example.org', name: 'Mary Jackson' } }]);
			await outputView(page, 'JSON', [`"${created[0]}"`]);
		}));

	test('Cardholder → Operation lists Create, Get, Get Many, Update; Get Many (Return All) runs against the sandbox', () =>
		withPage('cardholder-getmany', async (page, shot) => {
			await addWooshPayNode(page, n8n.url, 'Get many cardholders', shot);
			expect(await nodeSetUp(page)).toEqual({ resource: 'Cardholder', operation: 'Get Many', credential });
			expect(await openOptions(page, 'operation')).toEqual(EXPECTED_OPERATIONS.cardholder);
			await pickOption(page, 'Get Many');
			const limit = page.getByTestId('parameter-input-limit');
			await limit.waitFor();
			await page.getByTestId('parameter-input-returnAll').locator('.el-switch').first().click();
			await limit.waitFor({ state: 'hidden' });
			await shot('4-return-all');

			n8n.sim.reset();
			const ids = cardholderIdsNewestFirst(n8n.sim);
			expect(ids).toEqual(expect.arrayContaining(['ich_sandbox_3', 'ich_sandbox_2', 'ich_sandbox_1']));
			await executeStep(page, [`${ids.length} items`]);
			const text = await outputView(page, 'Table', ids);
			await shot('5-output');
			const positions = ids.map((id) => text.indexOf(id));
			expect(positions).toEqual([...positions].sort((a, b) => a - b)); // newest first
			expectRequests(n8n.sim, [{ method: 'GET', path: '/v1/issuing/cardholders', query: { limit: '100' } }]);
			await outputView(page, 'JSON', [`"${ids[0]}"`]);
		}));

	test("Options lists exactly the node's own options and Settings → Request Options exactly n8n's, once each", () =>
		withPage('options', async (page, shot) => {
			await addWooshPayNode(page, n8n.url, 'Update a customer', shot);
			// One "Add Option" on the Parameters tab: the node's Options (counted once the panel has drawn it).
			await addFieldControls(page, 'Add Option').first().waitFor();
			expect(await addFieldControls(page, 'Add Option').count()).toBe(1);
			expect(await openAddField(page, 'Add Option')).toEqual(EXPECTED_OPTIONS);
			await shot('4-options');
			await pickAddField(page, 'Max Retries');
			await page.getByTestId('parameter-input-maxRetries').waitFor();
			// An option added is no longer offered; the others still are, once each.
			expect(await openAddField(page, 'Add Option')).toEqual(EXPECTED_OPTIONS.filter((o) => o !== 'Max Retries'));
			await pickAddField(page, 'Idempotency Key');
			// Its example as README's Options table writes it, what one types in expression mode (no "=").
			const keyInput = page.getByTestId('parameter-input-idempotencyKey').locator('input, textarea').first();
			expect(await keyInput.getAttribute('placeholder')).toBe('{{ "order-" + $json.orderId }}');

			// One "Add Option" on the Settings tab: n8n's Request Options.
			await openTab(page, 'settings');
			await page.getByText('Request Options', { exact: true }).first().waitFor();
			await addFieldControls(page, 'Add Option').first().waitFor();
			expect(await addFieldControls(page, 'Add Option').count()).toBe(1);
			expect(await openAddField(page, 'Add Option')).toEqual(EXPECTED_REQUEST_OPTIONS);
			await shot('5-request-options');
			await pickAddField(page, 'Timeout');
			await page.getByTestId('parameter-input-timeout').waitFor();
			await shot('6-timeout-added');
			const settings = await page.getByTestId('ndv').innerText();
			for (const option of EXPECTED_OPTIONS) expect(settings).not.toContain(option);

			// Back on Parameters: the two options added there, none of n8n's.
			await openTab(page, 'params');
			await page.getByTestId('parameter-input-maxRetries').waitFor();
			await page.getByTestId('parameter-input-idempotencyKey').waitFor();
			// (the Settings tab stays in the page, hidden)
			expect(await page.locator('[data-test-id="parameter-input-timeout"]:visible').count()).toBe(0);
			await shot('7-options-added');
		}));

	test('Dispute → Close (added by issue 20): the dispute picked From List, the close runs against the sandbox', () =>
		withPage('dispute-close', async (page, shot) => {
			await addWooshPayNode(page, n8n.url, 'Close a dispute', shot);
			expect(await nodeSetUp(page)).toEqual({ resource: 'Dispute', operation: 'Close', credential });
			expect(await openOptions(page, 'operation')).toEqual(EXPECTED_OPERATIONS.dispute);
			await pickOption(page, 'Close');
			// The list: amount, reason, status and when (UTC), newest first, as the sandbox holds them.
			const { disputes } = disputesOf(n8n.sim);
			/** @param {string} id */
			const shown = (id) => {
				const d = disputes.get(id);
				return `${(d.amount / 100).toFixed(2)} ${d.currency} · ${d.reason} · ${d.status} · ${new Date(d.created * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
			};
			n8n.sim.reset();
			const items = (await openList(page, 'disputeId')).map((text) => text.trim());
			await shot('4-dispute-list');
			expect(items).toEqual(['dp_sandbox_3', 'dp_sandbox_2', 'dp_sandbox_1'].map(shown));
			expect(items[2]).toMatch(/^25\.00 USD · fraudulent · needs_response · \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
			expectRequests(n8n.sim, [{ method: 'GET', path: '/v1/disputes/list', query: { limit: '50' } }]);
			await pickListItem(page, shown('dp_sandbox_1'));
			await shot('5-dispute-picked');

			n8n.sim.reset();
			await executeStep(page, ['1 item', 'dp_sandbox_1']);
			await shot('6-output');
			expectRequests(n8n.sim, [{ method: 'POST', path: '/v1/disputes/dp_sandbox_1/close' }]);
			expect(disputes.get('dp_sandbox_1').status).toBe('lost');
			// The status is further down the JSON view (n8n 1.x shows it first) than the panel draws; the Table view has it as a column.
			const text = await outputView(page, 'Table', ['1 item', 'dp_sandbox_1', 'ch_sandbox_1', 'lost']);
			await shot('7-output-table');
			expect(text).not.toMatch(/\d+ items/);
		}));

	/**
	 * Opens a workflow of test/e2e/workflows/ in the editor, runs it with Execute workflow and
	 * waits until every node shows success.
	 * @param {import('playwright-core').Page} page @param {string} file @param {string} id
	 */
	const executeWorkflow = async (page, file, id) => {
		const { nodes } = JSON.parse(fs.readFileSync(path.join(WORKFLOWS, file), 'utf8'));
		await page.goto(`${n8n.url}/workflow/${id}`, { timeout: 60000 });
		await page.getByTestId('canvas-node').first().waitFor({ timeout: 30000 });
		n8n.sim.reset();
		await page.getByTestId('execute-workflow-button').click();
		const succeeded = page.getByTestId('canvas-node-status-success');
		await waitFor(`${nodes.length} nodes showing success`, async () => (await succeeded.count()) === nodes.length, 60000);
	};

	test('the first operations added after the first release (every-new-operation.json) run from the editor: Execute workflow, every node succeeds', () =>
		withPage('every-new-operation', async (page, shot) => {
			await executeWorkflow(page, 'every-new-operation.json', 'wpE2eEveryNewOp');
			await shot('ran');
			expectRequests(n8n.sim, EVERY_NEW_OPERATION_REQUESTS);
		}));

	test('every other operation issue 20 added runs from the editor: Execute workflow, every node succeeds, the requests n8n execute sends', () =>
		withPage('every-issue-20-operation', async (page, shot) => {
			const scene = await everyIssue20OperationScene(n8n.sim);
			await executeWorkflow(page, 'every-issue-20-operation.json', 'wpE2eIssue20Ops');
			await shot('ran');
			expectRequests(n8n.sim, everyIssue20OperationRequests(scene.made()));
		}));
});
