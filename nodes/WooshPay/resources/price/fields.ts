import type { INodeProperties } from 'n8n-workflow';

import { metadataField } from '../../shared/metadata';
import { send } from '../../shared/routing';
import { metadataJsonText, text, trueOrFalseAsText } from '../../shared/validation';

/**
 * The fields of a price that Create and Update both send (reference pages "Create a price",
 * "Update a price"), each with the JSON path it is sent at. The pages type `active` as a string
 * (default "true") and print price metadata as a string: the node sends "true"/"false" and the
 * metadata pairs as one JSON text (README, "What is inferred").
 */
export const priceFields = (under: string): INodeProperties[] => [
	{
		displayName: 'Active',
		name: 'active',
		type: 'boolean',
		default: true,
		description: 'Whether the price can be used for new purchases; sent as "true" or "false", the string the reference types',
		routing: send('active', `${under} → Active`, trueOrFalseAsText),
	},
	{
		displayName: 'Lookup Key',
		name: 'lookupKey',
		type: 'string',
		default: '',
		placeholder: 'mug_standard_usd',
		description: 'A key of your own to find the price by (at most 200 characters)',
		routing: send('lookup_key', `${under} → Lookup Key`, text),
	},
	metadataField(metadataJsonText, under, {
		description:
			'Your own key/value pairs stored with the price. WooshPay prints price metadata as text, so the pairs are sent as one JSON text, such as {"sku":"MUG-1"}.',
	}),
	{
		displayName: 'Nickname',
		name: 'nickname',
		type: 'string',
		default: '',
		placeholder: 'Standard',
		description: 'A name of your own for the price, not shown to customers',
		routing: send('nickname', `${under} → Nickname`, text),
	},
];
