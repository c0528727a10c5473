import type { INodeProperties } from 'n8n-workflow';

import { byIdLocator, showFor } from '../../shared/descriptions';
import { idInPath, route } from '../../shared/routing';
import { setupIntentConfirmDescription } from './confirm';
import { setupIntentUpdateDescription } from './update';

/** The setup intent an operation works on; its ID goes into the URL. */
const setupIntentLocator = byIdLocator({
	displayName: 'Setup Intent',
	name: 'setupIntentId',
	description: 'The setup intent to work on',
	placeholder: 'seti_1604012357044928512',
	hint: 'The ID WooshPay gave the setup intent (seti_...), such as {{ $json.data.object.id }} after a WooshPay Trigger',
});

/**
 * Setup intents: saving a customer's payment method for later payments, without charging now.
 * WooshPay's reference shows Confirm and Update; its other setup intent pages could not be read.
 */
export const setupIntentDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['setupIntent'] } },
		options: [
			{
				name: 'Confirm',
				value: 'confirm',
				action: 'Confirm a setup intent',
				description: "Confirm a setup intent (seti_...) so that the customer's payment method is saved for later",
				routing: route({ method: 'POST', url: `=/v1/setup_intents/${idInPath('setupIntentId')}/confirm` }),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a setup intent',
				description: "Change a setup intent's (seti_...) customer, payment method, description or metadata",
				routing: route({ method: 'POST', url: `=/v1/setup_intents/${idInPath('setupIntentId')}` }),
			},
		],
		default: 'confirm',
	},
	{ ...setupIntentLocator, displayOptions: showFor('setupIntent', ['confirm', 'update']) },
	...setupIntentConfirmDescription,
	...setupIntentUpdateDescription,
];
