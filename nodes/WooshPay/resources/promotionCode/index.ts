import type { INodeProperties } from 'n8n-workflow';

import { additionalFields, showFor } from '../../shared/descriptions';
import { metadataField } from '../../shared/metadata';
import { route, send } from '../../shared/routing';
import { asText, currencyCode, metadataObject, positiveAmount, positiveInteger, requiredText, trueOrFalse, unixSeconds } from '../../shared/validation';

const displayOptions = showFor('promotionCode', ['create']);

/**
 * Promotion codes: a code customers type to get a coupon's discount. Create only, at the
 * singular path the reference's page shows, `POST /v1/promotion_code` (page "Create a promotion
 * code"). The page types `expires_at` as a string: the node sends the Unix seconds as text.
 */
export const promotionCodeDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['promotionCode'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a promotion code',
				description: 'Add a code customers can enter to get a coupon (its ID) discount, such as SUMMER25',
				routing: route({ method: 'POST', url: '/v1/promotion_code' }),
			},
		],
		default: 'create',
	},
	{
		displayName: 'Coupon ID',
		name: 'coupon',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'SUMMER25',
		description: 'The coupon whose discount the code gives',
		hint: 'Such as {{ $json.id }} after Coupon → Create',
		displayOptions,
		routing: send('coupon', 'Coupon ID', requiredText),
	},
	additionalFields(displayOptions, [
		{
			displayName: 'Active',
			name: 'active',
			type: 'boolean',
			default: true,
			description: 'Whether the code can be used now',
			routing: send('active', 'Additional Fields → Active', trueOrFalse),
		},
		{
			displayName: 'Code',
			name: 'code',
			type: 'string',
			default: '',
			placeholder: 'SUMMER25',
			description: 'What customers type; without it, WooshPay makes one',
			routing: send('code', 'Additional Fields → Code', requiredText),
		},
		{
			displayName: 'Customer ID',
			name: 'customer',
			type: 'string',
			default: '',
			placeholder: 'cus_1953770230215868416',
			description: 'Only this customer may use the code',
			routing: send('customer', 'Additional Fields → Customer ID', requiredText),
		},
		{
			displayName: 'Expires At',
			name: 'expiresAt',
			type: 'dateTime',
			default: '',
			description: 'When the code stops working (sent as Unix seconds, as text: the reference types it as a string)',
			routing: send('expires_at', 'Additional Fields → Expires At', asText(unixSeconds)),
		},
		{
			displayName: 'Max Redemptions',
			name: 'maxRedemptions',
			type: 'number',
			default: 1,
			typeOptions: { minValue: 1, numberPrecision: 0 },
			description: 'How often the code can be used in all',
			routing: send('max_redemptions', 'Additional Fields → Max Redemptions', positiveInteger),
		},
		metadataField(metadataObject, 'Additional Fields'),
		{
			displayName: 'Restrictions',
			name: 'restrictions',
			type: 'collection',
			placeholder: 'Add Restriction',
			default: {},
			options: [
				{
					displayName: 'First Time Transaction',
					name: 'firstTimeTransaction',
					type: 'boolean',
					default: true,
					description: "Whether only a customer's first payment may use the code",
					routing: send('restrictions.first_time_transaction', 'Additional Fields → Restrictions → First Time Transaction', trueOrFalse),
				},
				{
					displayName: 'Minimum Amount',
					name: 'minimumAmount',
					type: 'number',
					default: 0,
					typeOptions: { minValue: 1, numberPrecision: 0 },
					description: "The smallest order the code applies to, in the currency's smallest unit",
					routing: send('restrictions.minimum_amount', 'Additional Fields → Restrictions → Minimum Amount', positiveAmount),
				},
				{
					displayName: 'Minimum Amount Currency',
					name: 'minimumAmountCurrency',
					type: 'string',
					default: '',
					placeholder: 'USD',
					routing: send('restrictions.minimum_amount_currency', 'Additional Fields → Restrictions → Minimum Amount Currency', currencyCode),
				},
			],
		},
	]),
];
