import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../shared/descriptions';
import { send } from '../../shared/routing';
import { requiredText } from '../../shared/validation';

/**
 * Payment Intent → Cancel: POST /v1/payment_intents/{id}/cancel (reference page "Cancel a
 * PaymentIntent"). Allowed while the payment intent's status is requires_payment_method,
 * requires_capture, requires_confirmation or requires_action; for requires_capture, the rest of
 * what was authorized is released. The reason is free text, and required.
 */
export const paymentIntentCancelDescription: INodeProperties[] = [
	{
		displayName: 'Cancellation Reason',
		name: 'cancellationReason',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Order not paid within 24 hours',
		description: 'Why the payment intent is canceled, in your own words (WooshPay requires a reason)',
		displayOptions: showFor('paymentIntent', ['cancel']),
		routing: send('cancellation_reason', 'Cancellation Reason', requiredText),
	},
];
