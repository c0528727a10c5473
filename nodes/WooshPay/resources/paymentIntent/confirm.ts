import type { INodeProperties } from 'n8n-workflow';

import { additionalFields, showFor } from '../../shared/descriptions';
import { send } from '../../shared/routing';
import { trueOrFalseAsText } from '../../shared/validation';
import { paymentMethodDataField } from './fields';

/**
 * Payment Intent → Confirm: POST /v1/payment_intents/{id}/confirm (reference page "Confirm a
 * PaymentIntent"): the customer is charged (or asked to authenticate). The page types
 * `off_session` and `error_on_requires_action` as strings while describing true or false, so the
 * node sends "true" or "false" (README, "What is inferred"); `off_session` with an underscore
 * here, as printed (Create prints `off-session`).
 */
export const paymentIntentConfirmDescription: INodeProperties[] = [
	additionalFields(showFor('paymentIntent', ['confirm']), [
		{
			displayName: 'Error on Requires Action',
			name: 'errorOnRequiresAction',
			type: 'boolean',
			default: false,
			description:
				'Whether the payment should fail instead of waiting when the customer would have to act (such as to authenticate); sent as "true" or "false", the string the reference types',
			routing: send('error_on_requires_action', 'Additional Fields → Error on Requires Action', trueOrFalseAsText),
		},
		{
			displayName: 'Off Session',
			name: 'offSession',
			type: 'boolean',
			default: false,
			description:
				'Whether the customer is not present while paying (a saved payment method is charged); sent as "true" or "false", the string the reference types',
			routing: send('off_session', 'Additional Fields → Off Session', trueOrFalseAsText),
		},
		paymentMethodDataField('Additional Fields'),
	]),
];
