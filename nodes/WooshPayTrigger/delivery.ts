import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { seenBefore, triggerOf } from './dedup';
import { chosenEvents, isChosen } from './events';
import { SIGNATURE_HEADER, verifySignature } from './signature';
import { enteredSecret, triggerState } from './state';

/**
 * One delivery from WooshPay, in the order it is checked: the signature (otherwise 401 and
 * nothing starts), the body (an event, otherwise 400), the event type (not chosen: 200 and
 * nothing starts), the event ID (a run with it started in this process before: 200 and nothing
 * starts). Only then does the workflow start, with the event as sent; the run's first step, the
 * trigger's execute() (claim.ts), claims the event across processes and gives the output (the
 * event, or its data.object, with `created_iso` added).
 */

export const DEFAULT_TOLERANCE_SECONDS = 300;

interface Options {
	skipRepeated?: boolean;
	/** As given: an expression may have made it anything. */
	toleranceSeconds?: unknown;
}

/** Answers the request here; n8n then sends nothing itself and starts nothing. */
function answer(context: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	const res = context.getResponseObject() as unknown as { status(code: number): { json(body: unknown): void } };
	res.status(status).json({ message });
	return { noWebhookResponse: true };
}

/** A 200 answer that starts nothing: WooshPay must not retry an event the node chose to skip. */
function skipped(reason: string): IWebhookResponseData {
	return { webhookResponse: { received: true, started: false, reason } };
}

function rawBodyOf(context: IWebhookFunctions): Buffer | undefined {
	const raw = (context.getRequestObject() as unknown as { rawBody?: unknown }).rawBody;
	if (Buffer.isBuffer(raw)) return raw;
	return typeof raw === 'string' ? Buffer.from(raw, 'utf8') : undefined;
}

/** A JSON object: what an event, its data and its data.object are. */
export function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export async function receiveDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const node = this.getNode();
	const state = triggerState(this);
	const options = this.getNodeParameter('options', {}) as Options;
	// A tolerance that an expression turned into text, NaN or 0 would switch the age check off:
	// such a delivery is refused as a misconfiguration (500, so WooshPay delivers it again later).
	const toleranceSeconds = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
	if (typeof toleranceSeconds !== 'number' || !Number.isFinite(toleranceSeconds) || toleranceSeconds <= 0) {
		this.logger.warn(`WooshPay Trigger refused a delivery: Timestamp Tolerance is ${JSON.stringify(toleranceSeconds)}, not a number of seconds above 0`, {
			workflowId: this.getWorkflow().id,
			node: node.name,
		});
		return answer(this, 500, 'Refused: the trigger is misconfigured (Timestamp Tolerance is not a number of seconds above 0)');
	}
	const rawBody = rawBodyOf(this);
	const verdict = verifySignature({
		header: this.getHeaderData()[SIGNATURE_HEADER],
		rawBody,
		secret: enteredSecret(this) || state.signingSecret,
		toleranceSeconds,
		now: Date.now(),
	});
	if (!verdict.valid) {
		this.logger.warn(`WooshPay Trigger refused a delivery: ${verdict.message}`, {
			workflowId: this.getWorkflow().id,
			node: node.name,
			refusal: verdict.refusal,
		});
		return answer(this, 401, `Refused: ${verdict.message}`);
	}

	let event: unknown;
	try {
		event = JSON.parse((rawBody as Buffer).toString('utf8'));
	} catch {
		event = undefined;
	}
	if (!isObject(event)) return answer(this, 400, 'The body is not a WooshPay event (a JSON object)');

	const events = chosenEvents(node, this.getNodeParameter('events', []), this.getNodeParameter('eventsNotListed', ''));
	if (!isChosen(events, event.type)) return skipped(`The event type ${String(event.type)} is not one the trigger listens to`);

	if (options.skipRepeated !== false && typeof event.id === 'string') {
		// Only asked here; the run records it once it has started (claim.ts).
		if (seenBefore(triggerOf(this.getWorkflow().id, node.id, this.getMode()), event.id)) {
			return skipped(`The event ${event.id} was received before`);
		}
	}

	return { workflowData: [this.helpers.returnJsonArray(event)] };
}
