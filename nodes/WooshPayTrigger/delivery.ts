import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { seenBefore } from './dedup';
import { chosenEvents, isChosen } from './events';
import { SIGNATURE_HEADER, toSeconds, verifySignature } from './signature';
import { enteredSecret, triggerState } from './state';

/**
 * One delivery from WooshPay, in the order it is checked: the signature (otherwise 401 and
 * nothing starts), the body (an event, otherwise 400), the event type (not chosen: 200 and
 * nothing starts), the event ID (seen before: 200 and nothing starts). Only then does the
 * workflow start, with the event, or its data.object, and `created_iso` added.
 */

export const DEFAULT_TOLERANCE_SECONDS = 300;

interface Options {
	onlyObject?: boolean;
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

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `created` as an ISO date beside it: WooshPay documents seconds, and its own examples show
 * milliseconds; both are read (see toSeconds).
 */
function withIsoDate(object: IDataObject): IDataObject {
	const created = object.created;
	if (typeof created !== 'number' || !Number.isFinite(created)) return object;
	const date = new Date(toSeconds(created) * 1000);
	return Number.isNaN(date.getTime()) ? object : { ...object, created_iso: date.toISOString() };
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
		const trigger = `${this.getWorkflow().id ?? ''}|${node.id}|${this.getMode()}`;
		if (seenBefore(trigger, event.id)) return skipped(`The event ${event.id} was received before`);
	}

	const data = isObject(event.data) ? event.data : undefined;
	const output = options.onlyObject && isObject(data?.object) ? data.object : event;
	return { workflowData: [this.helpers.returnJsonArray(withIsoDate(output))] };
}
