import type { INodeProperties } from 'n8n-workflow';

import { showFor, sortedByName, updateFields } from '../../shared/descriptions';
import { send } from '../../shared/routing';
import { everyValue, oneOf } from '../../shared/validation';
import { PAYMENT_METHOD_OPTIONS } from '../paymentIntent/fields';
import { setupIntentFields } from './fields';

/** Setup Intent → Update: POST /v1/setup_intents/{id} (reference page "Update a SetupIntent"). */
export const setupIntentUpdateDescription: INodeProperties[] = [
	updateFields(
		showFor('setupIntent', ['update']),
		sortedByName([
			...setupIntentFields('Update Fields'),
			{
				displayName: 'Payment Method Types',
				name: 'paymentMethodTypes',
				type: 'multiOptions',
				default: [],
				description: 'The kinds of payment method this setup intent may save (the list of Payment Method Data → Type, inferred to be the same)',
				options: PAYMENT_METHOD_OPTIONS,
				routing: send('payment_method_types', 'Update Fields → Payment Method Types', everyValue(oneOf(PAYMENT_METHOD_OPTIONS))),
			},
		]),
	),
];
