import type { INodeProperties } from 'n8n-workflow';

import { additionalFields, showFor } from '../../shared/descriptions';
import { send } from '../../shared/routing';
import { positiveAmount } from '../../shared/validation';

/**
 * Payment Intent → Capture: POST /v1/payment_intents/{id}/capture (reference page "Capture a
 * PaymentIntent", guide "Authorize and capture"): takes the money of a payment intent created
 * with Capture Method Manual, once its status is requires_capture. Without an amount, all of
 * `amount_capturable` is captured; a smaller amount releases the rest.
 */
export const paymentIntentCaptureDescription: INodeProperties[] = [
	additionalFields(showFor('paymentIntent', ['capture']), [
		{
			displayName: 'Amount to Capture',
			name: 'amountToCapture',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 1, numberPrecision: 0 },
			description:
				"How much to capture, in the currency's smallest unit (cents for USD: 8000 is 80.00 USD), at most what was authorized; the rest is released. Leave it out to capture all.",
			routing: send('amount_to_capture', 'Additional Fields → Amount to Capture', positiveAmount),
		},
	]),
];
