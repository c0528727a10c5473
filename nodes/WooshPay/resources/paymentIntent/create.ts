import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { addressFields, shippingField } from '../../shared/address';
import { additionalFields, showFor } from '../../shared/descriptions';
import { metadataField } from '../../shared/metadata';
import { send } from '../../shared/routing';
import {
	currencyCode,
	email,
	everyValue,
	metadataObject,
	oneOf,
	positiveAmount,
	positiveInteger,
	requiredText,
	text,
	trueOrFalse,
} from '../../shared/validation';

const displayOptions = showFor('paymentIntent', ['create']);

/** The payment method types of the reference's `payment_method_data.type`, values as printed. */
export const PAYMENT_METHOD_OPTIONS = [
	{ name: '9Pay', value: '9pay' },
	{ name: 'Alipay', value: 'alipay' },
	{ name: 'Alipay HK', value: 'alipay_hk' },
	{ name: 'Alipay+', value: 'alipayplus' },
	{ name: 'Bancontact', value: 'bancontact' },
	{ name: 'Bank Transfer ID', value: 'bank_transfer_id' },
	{ name: 'Boleto', value: 'boleto' },
	{ name: 'Boost', value: 'boost' },
	{ name: 'BPI', value: 'bpi' },
	{ name: 'Card', value: 'card' },
	{ name: 'DANA', value: 'dana' },
	{ name: 'EPS', value: 'eps' },
	{ name: 'FPX', value: 'fpx' },
	{ name: 'GCash', value: 'gcash' },
	{ name: 'Giropay', value: 'giropay' },
	{ name: 'GrabPay', value: 'grabpay' },
	{ name: 'iDEAL', value: 'ideal' },
	{ name: 'KakaoPay', value: 'kakaopay' },
	{ name: 'Klarna', value: 'klarna' },
	{ name: 'MCash', value: 'mcash' },
	{ name: 'OVO', value: 'ovo' },
	{ name: 'P24', value: 'p24' },
	{ name: 'PayNow', value: 'paynow' },
	{ name: 'Pix', value: 'pix' },
	{ name: 'PromptPay', value: 'promptpay' },
	{ name: 'QRIS', value: 'qris' },
	{ name: 'Rabbit LINE Pay', value: 'rabbit_line_pay' },
	{ name: 'SEPA Debit', value: 'sepa_debit' },
	{ name: 'ShopeePay', value: 'shopeepay' },
	{ name: 'Sofort', value: 'sofort' },
	{ name: 'Stitch', value: 'stitch' },
	{ name: "Touch 'N Go", value: 'touchngo' },
	{ name: 'TrueMoney', value: 'truemoney' },
	{ name: 'Trustly', value: 'trustly' },
	{ name: 'UnionPay', value: 'unionpay' },
	{ name: 'UPI', value: 'upi' },
	{ name: 'WeChat Pay', value: 'wechat_pay' },
];

/** Where the fields of `payment_method_data` are shown, for error messages. */
const PAYMENT_METHOD_DATA = 'Additional Fields → Payment Method Data';

/** The reference names `payment_method_data.billing_details.address` but not its parts. */
const INFERRED_ADDRESS =
	'The reference names the billing address but not its parts: these are those of a WooshPay address (inferred).';

/**
 * Payment Intent → Create: POST /v1/payment_intents (reference page "Create a PaymentIntent").
 * Amount and currency are required; the rest can be added. Field names as the page prints
 * them, `off-session` with its hyphen included.
 */
export const paymentIntentCreateDescription: INodeProperties[] = [
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		required: true,
		default: 0,
		typeOptions: { minValue: 1, numberPrecision: 0 },
		description: "How much to collect, in the currency's smallest unit (cents for USD: 2500 is 25.00 USD)",
		displayOptions,
		routing: send('amount', 'Amount', positiveAmount),
	},
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'USD',
		description: "Three-letter ISO currency code, such as USD, as WooshPay's examples write them",
		displayOptions,
		routing: send('currency', 'Currency', currencyCode),
	},
	additionalFields(displayOptions, [
		{
			displayName: 'Confirm',
			name: 'confirm',
			type: 'boolean',
			default: false,
			description: 'Whether to create and confirm the payment intent in one step',
			routing: send('confirm', 'Additional Fields → Confirm', trueOrFalse),
		},
		{
			displayName: 'Customer ID',
			name: 'customer',
			type: 'string',
			default: '',
			placeholder: 'cus_1953770230215868416',
			description: 'The ID of the customer this payment is for',
			routing: send('customer', 'Additional Fields → Customer ID', requiredText),
		},
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			default: '',
			placeholder: 'Order 1001',
			description: 'A note of your own about the payment',
			routing: send('description', 'Additional Fields → Description', text),
		},
		{
			displayName: 'Merchant Order ID',
			name: 'merchantOrderId',
			type: 'string',
			default: '',
			placeholder: 'order1234',
			description: "Your own order number. Payment intents can be searched by it (Search: merchant_order_id:'order1234').",
			routing: send('merchant_order_id', 'Additional Fields → Merchant Order ID', text),
		},
		{
			displayName: 'Merchant User ID',
			name: 'merchantUserId',
			type: 'string',
			default: '',
			placeholder: 'user-42',
			description: 'Your own ID of the paying user',
			routing: send('merchant_user_id', 'Additional Fields → Merchant User ID', text),
		},
		metadataField(metadataObject, 'Additional Fields'),
		{
			displayName: 'Off Session',
			name: 'offSession',
			type: 'boolean',
			default: false,
			description: 'Whether the customer is not present while paying (sent as "off-session", the name the reference prints)',
			routing: send('off-session', 'Additional Fields → Off Session', trueOrFalse),
		},
		{
			displayName: 'Payment Method Data',
			name: 'paymentMethodData',
			type: 'collection',
			placeholder: 'Add Payment Method Field',
			default: {},
			description: 'The payment method to pay with, described in the request. Type is required once any of these is set.',
			options: [
				...addressFields('payment_method_data.billing_details.address', PAYMENT_METHOD_DATA, 'Billing ').map((field) => ({
					...field,
					description: `${field.description}. ${INFERRED_ADDRESS}`,
				})),
				{
					displayName: 'Billing Email',
					name: 'email',
					type: 'string',
					default: '',
					placeholder: 'name@email.com',
					routing: send('payment_method_data.billing_details.email', `${PAYMENT_METHOD_DATA} → Billing Email`, email),
				},
				{
					displayName: 'Billing Name',
					name: 'name',
					type: 'string',
					default: '',
					placeholder: 'Jane Doe',
					routing: send('payment_method_data.billing_details.name', `${PAYMENT_METHOD_DATA} → Billing Name`, text),
				},
				{
					displayName: 'Billing Phone',
					name: 'phone',
					type: 'string',
					default: '',
					placeholder: '+44 20 7946 0958',
					routing: send('payment_method_data.billing_details.phone', `${PAYMENT_METHOD_DATA} → Billing Phone`, text),
				},
				{
					displayName: 'Type',
					name: 'type',
					type: 'options',
					default: 'card',
					description: 'The kind of payment method',
					options: PAYMENT_METHOD_OPTIONS,
					routing: send('payment_method_data.type', `${PAYMENT_METHOD_DATA} → Type`, oneOf(PAYMENT_METHOD_OPTIONS)),
				},
			],
		},
		{
			displayName: 'Payment Method Types',
			name: 'paymentMethodTypes',
			type: 'multiOptions',
			default: [],
			description:
				"The kinds of payment method this payment intent may use. The reference's list for this field is cut off; the node offers the types it lists for Payment Method Data → Type (inferred to be the same).",
			options: PAYMENT_METHOD_OPTIONS,
			routing: send('payment_method_types', 'Additional Fields → Payment Method Types', everyValue(oneOf(PAYMENT_METHOD_OPTIONS))),
		},
		{
			displayName: 'Quantity',
			name: 'quantity',
			type: 'number',
			default: 1,
			typeOptions: { minValue: 1, numberPrecision: 0 },
			description: 'How many items the payment is for',
			routing: send('quantity', 'Additional Fields → Quantity', positiveInteger),
		},
		{
			displayName: 'Return URL',
			name: 'returnUrl',
			type: 'string',
			default: '',
			placeholder: 'https://shop.example.com/paid',
			description: 'Where the customer is sent back to after paying on another site (such as their bank)',
			routing: send('return_url', 'Additional Fields → Return URL', text),
		},
		shippingField('Where and to whom the goods paid for are sent. Recipient Name is required once any of these is set.', 'Additional Fields'),
	]),
];

/** A field WooshPay requires once its parent object is sent at all. */
const REQUIRED_WITH_PARENT = [
	{ parent: 'payment_method_data', child: 'type', label: 'Additional Fields → Payment Method Data → Type', parentLabel: 'Payment Method Data' },
	{ parent: 'shipping', child: 'name', label: 'Additional Fields → Shipping → Recipient Name', parentLabel: 'Shipping' },
];

/**
 * The request's check across fields, before the fields' own checks: the reference requires
 * `payment_method_data.type` whenever `payment_method_data` is sent, and `shipping.name`
 * whenever `shipping` is.
 */
export async function requiredWithParent(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const body = options.body as IDataObject;
	for (const { parent, child, label, parentLabel } of REQUIRED_WITH_PARENT) {
		const object = body[parent] as IDataObject | undefined;
		const value = object?.[child];
		if (object && (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))) {
			const itemIndex = this.getItemIndex();
			const fix = `Add ${label.split(' → ').pop()}, or remove the other ${parentLabel} fields.`;
			throw new NodeOperationError(this.getNode(), `${label} is required when other ${parentLabel} fields are set [item ${itemIndex}]. ${fix}`, {
				itemIndex,
				description: fix,
			});
		}
	}
	return options;
}
