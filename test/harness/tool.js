// @ts-check
'use strict';

/**
 * The WooshPay node as an AI agent's tool, run through n8n's engine: a workflow
 * "Test Trigger → Test Agent", with the node's tool variant ("WooshPay Tool") connected to the
 * agent's ai_tool input. The agent is a stand-in for n8n's AI Agent (as the Test Trigger is for
 * a trigger): it asks n8n-core for its tools (getInputConnectionData, which makes the node a
 * LangChain tool with n8n-core's own createNodeAsTool) and calls the tool once per input item
 * with that item's `args`, as a model's tool call would give them to `$fromAI()`.
 *
 * The tool variant itself is made by n8n's server, not by n8n-core or n8n-workflow: the `n8n`
 * package's NodeTypes.getByNameAndVersion (packages/cli/src/node-types.ts) clones a
 * `usableAsTool` node for a type name ending in "Tool" and hands the clone to
 * convertNodeToAiTool (packages/cli/src/tool-generation/ai-tools.ts). The `n8n` package is not
 * a dependency of this repository (the end-to-end suite installs it to run the node under n8n's
 * real AI Agent: test/e2e/agent.e2e.test.js), so `toolVariantOf` below does what those two do
 * in n8n 2.41.1, step for step. What matters for the node: the description's name ends in
 * "Tool", which is what n8n's `@tool` display condition reads (n8n-workflow's
 * NodeHelpers.getPropertyValues), so the parameters shown, and their defaults, are the tool's.
 */

const { WorkflowExecute } = require('n8n-core');
const { NodeConnectionTypes, Workflow, createRunExecutionData } = require('n8n-workflow');
/** @import { IDataObject, IExecuteFunctions, INode, INodeExecutionData, INodeType, INodeTypeDescription, IRun, IWorkflowBase } from 'n8n-workflow' */

const { additionalDataFor, nodeTypes, packageLoaded, registerNodeType } = require('./engine');

const PACKAGE_NAME = /** @type {{ name: string }} */ (require('../../package.json')).name;
const WOOSHPAY_TYPE = `${PACKAGE_NAME}.wooshPay`;
const WOOSHPAY_TOOL_TYPE = `${WOOSHPAY_TYPE}Tool`;

/**
 * The tool variant of a node type, as n8n 2.41.1's server makes it: NodeTypes.getByNameAndVersion
 * (the node type as it runs, with its execute method, cloned so that the original is left as it
 * is) and convertNodeToAiTool (the name and display name with "Tool", no inputs, one ai_tool
 * output, Tool Description fields, the codex of "Other Tools").
 * @param {INodeType} nodeType
 * @returns {INodeType}
 */
function toolVariantOf(nodeType) {
	const clonedProperties = Object.create(nodeType.description.properties);
	const clonedDescription = Object.create(nodeType.description, { properties: { value: clonedProperties, writable: false } });
	/** @type {INodeType} */
	const tool = Object.create(nodeType, { description: { value: clonedDescription } });
	/** @type {INodeTypeDescription} */
	const description = tool.description;
	description.name += 'Tool';
	description.inputs = [];
	description.outputs = [NodeConnectionTypes.AiTool];
	description.displayName += ' Tool';
	delete description.usableAsTool;
	const names = description.properties.map((property) => property.name);
	if (!names.includes('toolDescription')) {
		/** @type {INodeTypeDescription['properties'][number]} */
		const toolDescription = {
			displayName: 'Description',
			name: 'toolDescription',
			type: 'string',
			default: description.description,
			required: true,
			typeOptions: { rows: 2 },
			description:
				'Explain to the LLM what this tool does, a good, specific description would allow LLMs to produce expected results much more often',
		};
		let lastCallout = -1;
		description.properties.forEach((property, index) => {
			if (property.type === 'callout') lastCallout = index;
		});
		description.properties.splice(lastCallout + 1, 0, toolDescription);
		if (names.includes('resource') || names.includes('operation')) {
			description.properties.splice(lastCallout + 1, 0, {
				displayName: 'Tool Description',
				name: 'descriptionType',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Set Automatically', value: 'auto', description: 'Automatically set based on resource and operation' },
					{ name: 'Set Manually', value: 'manual', description: 'Manually set the description' },
				],
				default: 'auto',
			});
			toolDescription.displayOptions = { show: { descriptionType: ['manual'] } };
		}
	}
	const subcategories = description.codex?.subcategories;
	description.codex = {
		categories: ['AI'],
		subcategories: { AI: ['Tools'], Tools: subcategories?.Tools ?? ['Other Tools'] },
		resources: description.codex?.resources ?? {},
		...(description.codex?.alias ? { alias: description.codex.alias } : {}),
	};
	return tool;
}

/**
 * Stands in for n8n's AI Agent: for each input item, one call of its tool with the item's
 * `args`; its output item is what the tool answered (`answer`, the JSON n8n hands a model), or
 * the tool's error (`error`).
 * @implements {INodeType}
 */
class TestAgent {
	/** @type {INodeTypeDescription} */
	description = {
		displayName: 'Test Agent',
		name: 'testAgent',
		group: ['transform'],
		version: 1,
		description: "Calls its tool once per input item with the item's args",
		defaults: { name: 'Test Agent' },
		inputs: [NodeConnectionTypes.Main, { type: NodeConnectionTypes.AiTool, displayName: 'Tools', required: true, maxConnections: 1 }],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	/** @this {IExecuteFunctions} @returns {Promise<INodeExecutionData[][]>} */
	async execute() {
		const tool = /** @type {{ invoke: (args: IDataObject) => Promise<string> }} */ (await this.getInputConnectionData(NodeConnectionTypes.AiTool, 0));
		/** @type {INodeExecutionData[]} */
		const answers = [];
		for (const [item, { json }] of this.getInputData().entries()) {
			try {
				answers.push({ json: { answer: JSON.parse(await tool.invoke(/** @type {IDataObject} */ (json.args ?? {}))) }, pairedItem: { item } });
			} catch (error) {
				answers.push({ json: { error: /** @type {Error} */ (error).message }, pairedItem: { item } });
			}
		}
		return [answers];
	}
}

let toolRuns = 0;

const registered = packageLoaded.then(() => {
	registerNodeType('test.agent', new TestAgent());
	registerNodeType(WOOSHPAY_TOOL_TYPE, toolVariantOf(/** @type {INodeType} */ (nodeTypes.getByNameAndVersion(WOOSHPAY_TYPE, 1))));
});
registered.catch(() => {}); // reported where it is awaited

/** The tool variant's description, as the editor would show it. @returns {Promise<INodeTypeDescription>} */
async function toolDescription() {
	await registered;
	return nodeTypes.getByNameAndVersion(WOOSHPAY_TOOL_TYPE, 1).description;
}

/**
 * @typedef {object} ToolRunResult
 * @property {IRun} run
 * @property {IRun['status']} status
 * @property {IDataObject[]} answers What each tool call gave the agent (`answer`) or its error (`error`), one per call.
 * @property {IDataObject[]} responses What the engine recorded for each run of the tool: its output (`response`), or its error (`error`).
 */

/**
 * Runs "Test Trigger → Test Agent ⇠ WooshPay Tool": one tool call per entry of `calls` (its
 * `args` the model's arguments for `$fromAI()`), the WooshPay Tool with `parameters` and the
 * credential.
 * @param {{ parameters: IDataObject; credentials: import('n8n-workflow').ICredentialDataDecryptedObject; calls?: IDataObject[] }} options
 * @returns {Promise<ToolRunResult>}
 */
async function runTool({ parameters, credentials, calls = [{}] }) {
	await registered;
	/** @type {INode[]} */
	const nodes = [
		{ id: 'trigger', name: 'Test Trigger', type: 'test.trigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{ id: 'agent', name: 'Test Agent', type: 'test.agent', typeVersion: 1, position: [200, 0], parameters: {} },
		{
			id: 'wooshpay',
			name: 'WooshPay',
			type: WOOSHPAY_TOOL_TYPE,
			typeVersion: 1,
			position: [200, 200],
			parameters: /** @type {INode['parameters']} */ (parameters),
			credentials: { wooshPayApi: { id: 'cred-1', name: 'Test credential' } },
		},
	];
	const connections = {
		'Test Trigger': { main: [[{ node: 'Test Agent', type: NodeConnectionTypes.Main, index: 0 }]] },
		WooshPay: { [NodeConnectionTypes.AiTool]: [[{ node: 'Test Agent', type: NodeConnectionTypes.AiTool, index: 0 }]] },
	};
	const workflow = new Workflow({ id: 'wf-tool', name: 'tool test', nodes, connections, active: false, nodeTypes, settings: { timezone: 'Europe/London' } });
	const workflowData = /** @type {IWorkflowBase} */ ({ id: 'wf-tool', name: 'tool test', active: false, activeVersionId: null, isArchived: false, createdAt: new Date(), updatedAt: new Date(), nodes, connections, settings: {} });
	const additionalData = additionalDataFor({ credentials, executionId: `exec-tool-${++toolRuns}`, workflowData });
	const runExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node: nodes[0], data: { main: [calls.map((args) => ({ json: { args } }))] }, source: null }] },
	});
	const run = await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(workflow);
	const { runData } = run.data.resultData;
	const answers = (runData['Test Agent']?.[0]?.data?.main?.[0] ?? []).map((item) => item.json);
	const responses = (runData.WooshPay ?? []).map((task) =>
		task.error ? { error: task.error.message } : /** @type {IDataObject} */ (task.data?.[NodeConnectionTypes.AiTool]?.[0]?.[0]?.json),
	);
	return { run, status: run.status, answers, responses };
}

module.exports = { runTool, toolDescription, WOOSHPAY_TOOL_TYPE };
