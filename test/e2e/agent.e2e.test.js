// @ts-check
'use strict';

/**
 * The node as an AI agent's tool (issue 11): n8n's own AI Agent and OpenAI Chat Model nodes,
 * the model a stand-in on 127.0.0.1 that asks for two tool calls at once (two customers, two
 * emails) and answers in words once it has their results. Each call must reach WooshPay with an
 * Idempotency-Key of its own: the same key twice, with another body, is refused with 409.
 */
const http = require('node:http');
const path = require('node:path');

const { eachLine, expectRequests, expectSuccess, nodeOutput, useN8n } = require('./harness');
/** @import { Json } from './harness' */

const CALLS = [
	{ customerId: 'cus_sandbox_1', email: 'ada@example.org' },
	{ customerId: 'cus_sandbox_2', email: 'grace@example.org' },
];
const ANSWER = 'Both customers now have their new email addresses.';

/**
 * OpenAI's Chat Completions as the agent needs it: the first request is answered with a tool
 * call per entry of CALLS (of the one tool offered), a request carrying tool results with
 * ANSWER. Keeps each request's body.
 */
async function startStandInModel() {
	/** @type {Json[]} */
	const bodies = [];
	const server = http.createServer((req, res) => {
		let text = '';
		req.on('data', (chunk) => (text += chunk));
		req.on('end', () => {
			if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
				res.writeHead(404).end();
				return;
			}
			const body = JSON.parse(text);
			bodies.push(body);
			const answered = body.messages.some((/** @type {Json} */ m) => m.role === 'tool');
			const tool = body.tools?.[0]?.function?.name;
			const toolCalls = CALLS.map((args, i) => ({ id: `call_${i + 1}`, type: 'function', function: { name: tool, arguments: JSON.stringify(args) } }));
			const message = answered ? { role: 'assistant', content: ANSWER } : { role: 'assistant', content: null, tool_calls: toolCalls };
			const choice = { index: 0, message, logprobs: null, finish_reason: answered ? 'stop' : 'tool_calls' };
			const usage = { prompt_tokens: 50, completion_tokens: 20, total_tokens: 70 };
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ id: `chatcmpl-${bodies.length}`, object: 'chat.completion', created: 1767225600, model: body.model, choices: [choice], usage }));
		});
	});
	await /** @type {Promise<void>} */ (new Promise((resolve) => server.listen(0, '127.0.0.1', resolve)));
	const { port } = /** @type {{ port: number }} */ (server.address());
	return { url: `http://127.0.0.1:${port}/v1`, bodies, close: () => new Promise((resolve) => server.close(resolve)) };
}

eachLine('the node as an AI agent tool', (version) => {
	const n8n = useN8n(version, { workflows: [path.join(__dirname, 'agent')] });
	/** @type {Awaited<ReturnType<typeof startStandInModel>>} */
	let model;
	beforeAll(async () => {
		model = await startStandInModel();
		await n8n.importCredentials([{ id: 'standInModel', name: 'Stand-in model', type: 'openAiApi', data: { apiKey: 'sk-stand-in', url: model.url } }]);
	}, 60000);
	afterAll(() => model?.close());

	test('two tool calls in one execution: two updates, each with its own Idempotency-Key, both applied', async () => {
		const result = await n8n.execute('wpE2eAgentTwoCustomers');
		expectSuccess(result);
		// The model was asked twice; the second time with both tool results, each the updated customer.
		expect(model.bodies).toHaveLength(2);
		const results = model.bodies[1].messages.filter((/** @type {Json} */ m) => m.role === 'tool');
		expect(results.map((/** @type {Json} */ m) => m.tool_call_id)).toEqual(['call_1', 'call_2']);
		results.forEach((/** @type {Json} */ m, /** @type {number} */ i) => {
			expect(m.content).toContain(`"email":"${CALLS[i].email}"`);
			expect(m.content).not.toMatch(/409|idempotency/i);
		});
		// Exactly these two requests, each POST with an Idempotency-Key, no key used twice.
		const requests = expectRequests(n8n.sim, CALLS.map(({ customerId, email }) => ({ method: 'POST', path: `/v1/customers/${customerId}`, body: { email } })));
		const keys = requests.map((r) => r.headers['idempotency-key']);
		expect(keys[0]).not.toBe(keys[1]);
		// Both applied (no 409), each under its own key.
		expect(n8n.sim.mutations.map((m) => m.idempotencyKey).sort()).toEqual([...keys].sort());
		expect(CALLS.map(({ customerId }) => n8n.sim.customers.get(customerId)?.email)).toEqual(CALLS.map((c) => c.email));
		expect(nodeOutput(result.run, 'AI Agent')).toEqual([{ output: ANSWER }]);
	});
});
