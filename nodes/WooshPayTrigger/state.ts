import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

/**
 * What the trigger keeps between calls: the endpoint n8n registered, in n8n's workflow static
 * data (node scope), which n8n stores with the workflow in its database and saves after the
 * lifecycle methods whenever it changed, as n8n's Stripe Trigger keeps its endpoint. While the
 * editor listens for a test event, n8n keeps a separate copy for the test URL's endpoint with
 * the test registration, and drops it when the test ends. (Which events were seen is kept
 * elsewhere: see dedup.ts.)
 */
export interface TriggerState {
	/** The endpoint n8n created at WooshPay for this node (we_...). */
	endpointId?: string;
	/** Its signing secret (whsec_...): WooshPay shows it once, in the answer to the create. */
	signingSecret?: string;
}

export function triggerState(context: IHookFunctions | IWebhookFunctions): TriggerState {
	return context.getWorkflowStaticData('node') as TriggerState;
}

/** The endpoint is gone (deleted, or never to be used again): forget it and its secret. */
export function forgetEndpoint(state: TriggerState): void {
	delete state.endpointId;
	delete state.signingSecret;
}

/** The Signing Secret entered in the node, if any: the endpoint is then the user's own. */
export function enteredSecret(context: IHookFunctions | IWebhookFunctions): string {
	return String(context.getNodeParameter('signingSecret', '') ?? '').trim();
}
