/** Shared set-up for tests that run the node against the simulator. */
import type { IDataObject } from 'n8n-workflow';

import { runNode } from './engine';
import type { RunOptions, RunResult } from './engine';

// The simulator is plain JavaScript so that `npm run dev` and the benchmark can use it unbuilt.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startSimulator } = require('../simulator/simulator') as typeof import('../simulator/simulator');

export type Simulator = Awaited<ReturnType<typeof startSimulator>>;
export type RecordedRequest = Simulator['requests'][number];

export const SECRET_KEY = 'sk_test_sandbox';
export const AUTHORIZATION = `Basic ${Buffer.from(`${SECRET_KEY}:`).toString('base64')}`;

/** A resource locator value in "By ID" mode. */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/**
 * Starts one simulator for the test file (seeded with cus_sandbox_1..3 and ich_sandbox_1..3),
 * forgets its requests between tests, and gives a `run` bound to it.
 */
export function useSimulator(options: Parameters<typeof startSimulator>[0] = {}) {
	const context = {} as {
		sim: Simulator;
		run: (parameters: IDataObject, extra?: Partial<RunOptions>) => Promise<RunResult>;
	};
	beforeAll(async () => {
		context.sim = await startSimulator({ seed: true, ...options });
		context.run = async (parameters, extra = {}) =>
			await runNode({
				parameters,
				credentials: { secretKey: SECRET_KEY, environment: 'custom', baseUrl: context.sim.url },
				...extra,
			});
	});
	afterEach(() => context.sim.reset());
	afterAll(async () => await context.sim.close());
	return context;
}

/** Asserts one recorded request completely: method, path, auth, JSON headers, body. */
export function expectRequest(
	request: RecordedRequest | undefined,
	expected: { method: string; path: string; body?: unknown; query?: Record<string, string> },
) {
	expect(request).toBeDefined();
	const { method, path, headers, body, query } = request!;
	expect({ method, path }).toEqual({ method: expected.method, path: expected.path });
	expect(headers.authorization).toBe(AUTHORIZATION);
	expect(headers.accept).toBe('application/json');
	if (expected.method !== 'GET') expect(headers['content-type']).toBe('application/json');
	expect(body).toEqual(expected.body);
	expect(query).toEqual(expected.query ?? {});
}

/** Every string in a structure, for checking that the secret key is nowhere. */
export function allText(value: unknown): string {
	const seen = new WeakSet<object>();
	const walk = (v: unknown): string => {
		if (typeof v === 'string') return v;
		if (v === null || typeof v !== 'object') return String(v);
		if (seen.has(v)) return '';
		seen.add(v);
		// Own properties, enumerable or not (an error's cause is not), and the prototype's
		// getters are left out: what is stored on the object is what can leak.
		return Object.getOwnPropertyNames(v)
			.map((key) => `${key}:${walk((v as Record<string, unknown>)[key])}`)
			.join('\n');
	};
	return walk(value);
}

/** The issuing cards, authorizations and transactions of a simulator (test/simulator/issuing.js). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const { issuingOf } = require('../simulator/issuing') as typeof import('../simulator/issuing');
