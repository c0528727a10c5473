import type { INodeProperties } from 'n8n-workflow';

import { addressFields, shippingField } from '../../shared/address';
import { metadataField } from '../../shared/metadata';
import { requiredWith, send } from '../../shared/routing';
import { email, metadataObject, oneOf, positiveInteger, text } from '../../shared/validation';

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

/** The reference names `payment_method_data.billing_details.address` but not its parts. */
const INFERRED_ADDRESS =
	'The reference names the billing address but not its parts: these are those of a WooshPay address (inferred).';

/**
 * The payment method to pay with, described in the request: `payment_method_data` of Create,
 * Update and Confirm. `under`: the collection it is shown in, for error messages.
 */
export function paymentMethodDataField(under: string): INodeProperties {
	const here = `${under} → Payment Method Data`;
	return {
		displayName: 'Payment Method Data',
		name: 'paymentMethodData',
		type: 'collection',
		placeholder: 'Add Payment Method Field',
		default: {},
		description: 'The payment method to pay with, described in the request. Type is required once any of these is set.',
		options: [
			...addressFields('payment_method_data.billing_details.address', here, 'Billing ').map((field) => ({
				...field,
				description: `${field.description}. ${INFERRED_ADDRESS}`,
			})),
			{
				displayName: 'Billing Email',
				name: 'email',
				type: 'string',
				default: '',
				placeholder: 'name@email.com',
				routing: send('payment_method_data.billing_details.email', `${here} → Billing Email`, email),
			},
			{
				displayName: 'Billing Name',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'Jane Doe',
				routing: send('payment_method_data.billing_details.name', `${here} → Billing Name`, text),
			},
			{
				displayName: 'Billing Phone',
				name: 'phone',
				type: 'string',
				default: '',
				placeholder: '+44 20 7946 0958',
				routing: send('payment_method_data.billing_details.phone', `${here} → Billing Phone`, text),
			},
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				default: 'card',
				description: 'The kind of payment method',
				options: PAYMENT_METHOD_OPTIONS,
				routing: send('payment_method_data.type', `${here} → Type`, oneOf(PAYMENT_METHOD_OPTIONS)),
			},
		],
	};
}

/**
 * The fields of a payment intent that Create and Update both send (Update's page shows Create's
 * example body), each with the JSON path it is sent at; `under`: the collection they are shown
 * in ("Additional Fields", "Update Fields"), for error messages.
 */
export const paymentIntentFields = (under: string): INodeProperties[] => [
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		placeholder: 'Order 1001',
		description: 'A note of your own about the payment',
		routing: send('description', `${under} → Description`, text),
	},
	{
		displayName: 'Merchant Order ID',
		name: 'merchantOrderId',
		type: 'string',
		default: '',
		placeholder: 'order1234',
		description: "Your own order number. Payment intents can be searched by it (Search: merchant_order_id:'order1234').",
		routing: send('merchant_order_id', `${under} → Merchant Order ID`, text),
	},
	{
		displayName: 'Merchant User ID',
		name: 'merchantUserId',
		type: 'string',
		default: '',
		placeholder: 'user-42',
		description: 'Your own ID of the paying user',
		routing: send('merchant_user_id', `${under} → Merchant User ID`, text),
	},
	metadataField(metadataObject, under),
	paymentMethodDataField(under),
	{
		displayName: 'Quantity',
		name: 'quantity',
		type: 'number',
		default: 1,
		typeOptions: { minValue: 1, numberPrecision: 0 },
		description: 'How many items the payment is for',
		routing: send('quantity', `${under} → Quantity`, positiveInteger),
	},
	shippingField('Where and to whom the goods paid for are sent. Recipient Name is required once any of these is set.', under),
];

/**
 * The checks across fields, before the fields' own checks: the reference requires
 * `payment_method_data.type` whenever `payment_method_data` is sent, and `shipping.name`
 * whenever `shipping` is. `under`: the collection those fields are in, for error messages.
 */
export const requiredWithParent = (under: string) => [
	requiredWith('payment_method_data', 'type', `${under} → Payment Method Data → Type`),
	requiredWith('shipping', 'name', `${under} → Shipping → Recipient Name`),
];
