// @ts-check
'use strict';

/**
 * n8n's editor in headless Chromium (Debian's /usr/bin/chromium through playwright-core; no
 * browser download), logged in as the owner of an N8n from the harness, and the steps tests
 * take in it. n8n marks its elements with data-test-id.
 */
const path = require('node:path');

const { chromium, selectors } = require('playwright-core');
/** @import { Browser, BrowserContext, Page } from 'playwright-core' */

const { DEV_OWNER } = require('../../scripts/n8n');
const { waitFor } = require('../../scripts/process');
const { artifactsDir } = require('./harness');
/** @import { N8n } from './harness' */

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/**
 * A browser for the enclosing describe block, logged in to `n8n` (whose server must run).
 * `withPage(name, fn)` runs `fn` in a page of its own with `shot(step)` for screenshots
 * (test/e2e/screenshots/<version>/<name>-<step>.png), takes `<name>-failed.png` when it fails,
 * and closes the page either way.
 * @param {N8n} n8n
 */
function useEditor(n8n) {
	/** @type {Browser} */
	let browser;
	/** @type {BrowserContext} */
	let context;
	beforeAll(async () => {
		selectors.setTestIdAttribute('data-test-id');
		browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60000 });
		context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
		context.setDefaultTimeout(15000);
		const login = await context.request.post(`${n8n.url}/rest/login`, { data: { emailOrLdapLoginId: DEV_OWNER.email, password: DEV_OWNER.password } });
		if (!login.ok()) throw new Error(`logging in from the browser answered ${login.status()}`);
	}, 120000);
	afterAll(() => browser?.close());

	return async function withPage(/** @type {string} */ name, /** @type {(page: Page, shot: (step: string) => Promise<void>) => Promise<void>} */ fn) {
		const page = await context.newPage();
		/** @param {string} step */
		const shot = async (step) => {
			await page.screenshot({ path: path.join(artifactsDir(n8n.version), `${name}-${step}.png`), animations: 'disabled' });
		};
		try {
			await fn(page, shot);
		} catch (error) {
			await shot('failed').catch(() => undefined);
			throw error;
		} finally {
			await page.close();
		}
	};
}

/** @param {string} text */
const exactly = (text) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

/**
 * A new workflow with a Manual Trigger and the WooshPay node added through the node panel by
 * clicking `action` (such as "Update a customer"); leaves the node's panel open.
 * @param {Page} page
 * @param {string} url
 * @param {string} action
 * @param {(step: string) => Promise<void>} shot
 */
async function addWooshPayNode(page, url, action, shot) {
	// The editor's first load took more than the default 15 s on a busy machine.
	await page.goto(`${url}/workflow/new`, { timeout: 60000 });
	await page.getByTestId('canvas-plus-button').waitFor({ timeout: 30000 });
	await shot('1-new-workflow');
	// On an empty canvas the node panel offers triggers only: a Manual Trigger first.
	await page.getByTestId('canvas-plus-button').click();
	await page.getByTestId('node-creator-search-bar').fill('Manual Trigger');
	await page.getByTestId('item-iterator-item').filter({ hasText: 'Manual Trigger' }).first().click();
	await page.getByTestId('canvas-handle-plus').first().waitFor();
	await shot('2-manual-trigger');
	// The + after the trigger opens the node panel: search the node, then pick the action.
	await page.getByTestId('canvas-handle-plus').first().click();
	await page.getByTestId('node-creator-search-bar').fill('WooshPay');
	await page.getByTestId('item-iterator-item').filter({ hasText: 'WooshPay' }).first().click();
	const actionItem = page.getByTestId('item-iterator-item').filter({ hasText: exactly(action) }).first();
	await actionItem.waitFor();
	await shot('3-actions');
	await actionItem.click();
	await page.getByTestId('parameter-input-operation').waitFor();
}

/**
 * The text an input-like parameter shows.
 * @param {Page} page
 * @param {string} name
 */
function parameterValue(page, name) {
	return page.getByTestId(`parameter-input-${name}`).locator('input').first().inputValue();
}

/**
 * Resource, Operation and the credential n8n chose for the node, as the panel shows them.
 * @param {Page} page
 */
async function nodeSetUp(page) {
	const credential = await page.getByTestId('node-credentials-select').locator('input').first().inputValue();
	return { resource: await parameterValue(page, 'resource'), operation: await parameterValue(page, 'operation'), credential };
}

/**
 * Fills a text parameter and leaves it (a focused input shows a tooltip over the control below).
 * @param {Page} page
 * @param {string} name
 * @param {string} value
 */
async function fill(page, name, value) {
	const input = page.getByTestId(`parameter-input-${name}`).locator('input').first();
	await input.fill(value);
	await input.blur();
}

/**
 * The visible "Add Field" drop-downs of the node's panel that show `placeholder` ("Add Field",
 * "Add Option", ...): one per collection on the open tab.
 * @param {Page} page
 */
function addFieldControls(page, placeholder = 'Add Field') {
	return (
		page
			.getByTestId('ndv')
			// n8n 1.x marks the drop-down by its class only
			.locator('[data-test-id="collection-parameter-add"]:visible, .add-option:visible')
			.filter({ has: page.locator(`input[placeholder="${placeholder}"]`) })
	);
}

/**
 * Opens the "Add Field" drop-down showing `placeholder`; returns its visible options.
 * @param {Page} page
 */
async function openAddField(page, placeholder = 'Add Field') {
	await addFieldControls(page, placeholder).first().click();
	const options = page.locator('[data-test-id="collection-parameter-option"]:visible');
	await options.first().waitFor();
	return (await options.allInnerTexts()).map((t) => t.trim());
}

/**
 * Picks an option of the open "Add Field" drop-down and waits for the list to fade out.
 * @param {Page} page
 * @param {string} name
 */
async function pickAddField(page, name) {
	const options = page.locator('[data-test-id="collection-parameter-option"]:visible');
	await options.filter({ hasText: exactly(name) }).first().click();
	await options.first().waitFor({ state: 'hidden' });
}

/**
 * Adds the fields `names` through "Add Field", one after another.
 * @param {Page} page
 * @param {string[]} names
 */
async function addFields(page, names) {
	for (const name of names) {
		await openAddField(page);
		await pickAddField(page, name);
	}
}

/**
 * Switches the node's panel to its Parameters or Settings tab (Settings: n8n's own settings of
 * every node, with the Request Options it adds to a declarative node).
 * @param {Page} page
 * @param {'params' | 'settings'} tab
 */
async function openTab(page, tab) {
	await page.getByTestId('ndv').getByTestId(`tab-${tab}`).click();
}

/**
 * Opens an options drop-down (Operation, Status, ...); returns its options' names (an option's second line is its description).
 * @param {Page} page
 * @param {string} parameter
 */
async function openOptions(page, parameter) {
	await page.getByTestId(`parameter-input-${parameter}`).click();
	const options = page.locator('li[role=option]:visible');
	await options.first().waitFor();
	return (await options.allInnerTexts()).map((t) => t.split('\n')[0].trim());
}

/**
 * Picks an option of the open drop-down by its exact name and waits for it to close.
 * @param {Page} page
 * @param {string} name
 */
async function pickOption(page, name) {
	const options = page.locator('li[role=option]:visible');
	const names = (await options.allInnerTexts()).map((t) => t.split('\n')[0].trim());
	if (!names.includes(name)) throw new Error(`the drop-down has no option ${name}: ${JSON.stringify(names)}`);
	await options.nth(names.indexOf(name)).click();
	await options.first().waitFor({ state: 'hidden' });
}

/**
 * Opens the "From List" drop-down of the resource locator `parameter`; returns its items' texts (the list comes from the sandbox).
 * @param {Page} page
 * @param {string} parameter
 */
async function openList(page, parameter) {
	await page.getByTestId(`resource-locator-${parameter}`).getByTestId('rlc-input').click();
	const items = page.locator('[data-test-id="rlc-item"]:visible');
	await items.first().waitFor();
	return await items.allInnerTexts();
}

/**
 * Picks the item of the open list that shows `text`.
 * @param {Page} page
 * @param {string} text
 */
async function pickListItem(page, text) {
	await page.locator('[data-test-id="rlc-item"]:visible').filter({ hasText: text }).first().click();
}

/**
 * Runs the open node ("Execute step") and returns the output panel's text once it shows every string of `expected`.
 * @param {Page} page
 * @param {string[]} expected
 */
async function executeStep(page, expected) {
	await page.getByTestId('node-execute-button').first().click();
	return await outputShows(page, expected, 30000);
}

/**
 * Switches the output panel to its Table or JSON view and returns its text once it shows every string of `expected`.
 * @param {Page} page
 * @param {'Table' | 'JSON'} view
 * @param {string[]} expected
 */
async function outputView(page, view, expected) {
	await page.getByTestId('output-panel').getByText(view, { exact: true }).click();
	// The JSON view prints keys in quotes, the table view does not.
	return await outputShows(page, [...expected, ...(view === 'JSON' ? ['"id"'] : [])], 10000, view === 'Table' ? '"id"' : undefined);
}

/** @param {Page} page @param {string[]} expected @param {number} timeoutMs @param {string} [absent] */
async function outputShows(page, expected, timeoutMs, absent) {
	const output = page.getByTestId('output-panel');
	let text = '';
	try {
		return await waitFor(`the output panel showing ${JSON.stringify(expected)}`, async () => {
			text = await output.innerText();
			if (/Problem in node/i.test(text)) throw new Error('the node failed');
			return expected.every((s) => text.includes(s)) && !(absent && text.includes(absent)) && text;
		}, timeoutMs);
	} catch (error) {
		throw new Error(`${error instanceof Error ? error.message : error}; the output panel shows:\n${text.slice(0, 800)}`);
	}
}

module.exports = {
	useEditor,
	addWooshPayNode,
	parameterValue,
	nodeSetUp,
	fill,
	addFieldControls,
	openAddField,
	openTab,
	pickAddField,
	addFields,
	openOptions,
	pickOption,
	openList,
	pickListItem,
	executeStep,
	outputView,
};
