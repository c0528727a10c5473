import type { INodeProperties } from 'n8n-workflow';

import { additionalFields, showFor } from '../../shared/descriptions';
import { metadataField } from '../../shared/metadata';
import { route, send } from '../../shared/routing';
import { sendMoneyMovement } from '../../shared/transport';
import { metadataJsonText, positiveInteger, requiredText } from '../../shared/validation';

const displayOptions = showFor('subscriptionItem', ['create']);

/**
 * Subscription items: one price within a subscription. Create only (reference page "Create a
 * subscription item"): an existing price (the page's other way, `price_data`, is not offered);
 * adding it may charge a prorated amount, so it is sent as a money movement. The page prints the
 * metadata as a string: the pairs go as one JSON text.
 */
export const subscriptionItemDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['subscriptionItem'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a subscription item',
				description: 'Add a price (price_...) to a subscription (sub_...)',
				routing: route({ method: 'POST', url: '/v1/subscription_items' }, { send: sendMoneyMovement }),
			},
		],
		default: 'create',
	},
	{
		displayName: 'Subscription ID',
		name: 'subscription',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'sub_1787731245694324736',
		description: 'The subscription to add the price to',
		displayOptions,
		routing: send('subscription', 'Subscription ID', requiredText),
	},
	{
		displayName: 'Price ID',
		name: 'price',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'price_1787731245694324736',
		description: 'The recurring price to add',
		displayOptions,
		routing: send('price', 'Price ID', requiredText),
	},
	additionalFields(displayOptions, [
		metadataField(metadataJsonText, 'Additional Fields', {
			description:
				'Your own key/value pairs stored with the item. WooshPay prints the item’s metadata as text, so the pairs are sent as one JSON text.',
		}),
		{
			displayName: 'Quantity',
			name: 'quantity',
			type: 'number',
			default: 1,
			typeOptions: { minValue: 1, numberPrecision: 0 },
			routing: send('quantity', 'Additional Fields → Quantity', positiveInteger),
		},
	]),
];
