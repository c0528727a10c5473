import type { INodeProperties } from 'n8n-workflow';

import { additionalFields, showFor, sortedByName } from '../../shared/descriptions';
import { send } from '../../shared/routing';
import { oneOf, requiredText } from '../../shared/validation';
import { setupIntentFields } from './fields';

const displayOptions = showFor('setupIntent', ['confirm']);

const USAGE_OPTIONS = [
	{ name: 'Off Session', value: 'off_session', description: 'The payment method will be charged while the customer is away' },
	{ name: 'On Session', value: 'on_session', description: 'The payment method will be used while the customer is present' },
];

/**
 * Setup Intent → Confirm: POST /v1/setup_intents/{id}/confirm (reference page "Confirm a
 * SetupIntent"). The page requires `return_url`. Its `payment_method_data` is offered through
 * Payment Method ID instead (create the payment method first with Payment Method → Create).
 */
export const setupIntentConfirmDescription: INodeProperties[] = [
	{
		displayName: 'Return URL',
		name: 'returnUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://shop.example.com/saved',
		description: 'Where the customer is sent back to after authenticating on another site (such as their bank)',
		displayOptions,
		routing: send('return_url', 'Return URL', requiredText),
	},
	additionalFields(
		displayOptions,
		sortedByName([
			...setupIntentFields('Additional Fields'),
			{
				displayName: 'Usage',
				name: 'usage',
				type: 'options',
				default: 'off_session',
				description: 'How the saved payment method will be used',
				options: USAGE_OPTIONS,
				routing: send('usage', 'Additional Fields → Usage', oneOf(USAGE_OPTIONS)),
			},
		]),
	),
];
