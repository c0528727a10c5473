/** Shared set-up of the WooshPay Trigger tests: the simulator, a harness bound to it, signing. */
import { createHmac } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { AUTHORIZATION, SECRET_KEY } from '../harness/fixtures';
import type { Simulator } from '../harness/fixtures';
import { TriggerHarness } from '../harness/trigger';
import type { TriggerOptions } from '../harness/trigger';

// The simulator is plain JavaScript (see test/harness/fixtures.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startSimulator } = require('../simulator/simulator') as typeof import('../simulator/simulator');
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const sandbox = require('../simulator/webhooks') as typeof import('../simulator/webhooks');

export interface SimEndpoint {
	id: string;
	url: string;
	enabled_events: string[];
	status: string;
	secret: string;
	description: string | null;
}

/** The endpoints the simulator holds, with their secrets. */
export function endpointsAt(sim: Simulator): SimEndpoint[] {
	return [...sandbox.state(sim).endpoints.values()] as SimEndpoint[];
}

/**
 * One simulator for the test file (seeded with cus_sandbox_1..3); before each test its
 * requests, endpoints and events are forgotten; `harness(...)` starts a trigger harness whose
 * credential points at it (closed after the test).
 */
export function useTriggerSimulator(options: Parameters<typeof startSimulator>[0] = {}) {
	const context = {} as {
		sim: Simulator;
		harness: (setup: Omit<TriggerOptions, 'credentials'> & Partial<Pick<TriggerOptions, 'credentials'>>) => Promise<TriggerHarness>;
	};
	const open: TriggerHarness[] = [];
	beforeAll(async () => {
		context.sim = await startSimulator({ seed: true, ...options });
		context.harness = async (setup) => {
			const harness = await TriggerHarness.start({
				credentials: { secretKey: SECRET_KEY, environment: 'custom', baseUrl: context.sim.url },
				...setup,
			});
			open.push(harness);
			return harness;
		};
	});
	beforeEach(() => {
		context.sim.reset();
		sandbox.reset(context.sim);
	});
	afterEach(async () => {
		await sandbox.settled(context.sim);
		await Promise.all(open.splice(0).map(async (harness) => await harness.close()));
	});
	afterAll(async () => await context.sim.close());
	return context;
}

/** Calls the simulator's API (or its /_sandbox/ routes) as a client would. */
export async function callSim(sim: Simulator, method: string, path: string, body?: IDataObject): Promise<{ status: number; body: IDataObject }> {
	const res = await fetch(`${sim.url}${path}`, {
		method,
		headers: { authorization: AUTHORIZATION, accept: 'application/json', 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: res.status, body: (await res.json()) as IDataObject };
}

/** Waits until the sandbox has made every delivery, and the harnesses have run what they started. */
export async function settle(sim: Simulator, ...harnesses: TriggerHarness[]): Promise<void> {
	await sandbox.settled(sim);
	await Promise.all(harnesses.map(async (h) => await h.idle()));
}

export interface SandboxEvent {
	event: IDataObject;
	deliveries: Array<{ event: string; endpoint: string; url: string; status?: number; response?: string; tamper?: string }>;
}

/** The events the sandbox made, newest first, each with its deliveries (GET /_sandbox/events). */
export async function sandboxEvents(sim: Simulator): Promise<SandboxEvent[]> {
	return (await callSim(sim, 'GET', '/_sandbox/events')).body.data as unknown as SandboxEvent[];
}

/** The requests the simulator received, as method, path, query and body. */
export function requestsAt(sim: Simulator) {
	return sim.requests.map(({ method, path, query, body }) => ({ method, path, query, body }));
}

/** A `Wooshpay-Signature` header as WooshPay documents it: t=<seconds>,v1=<HMAC-SHA256 of "<t>.<body>">. */
export function signature(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): string {
	return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;
}

export function hmac(secret: string, timestamp: number, body: string): string {
	return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}
