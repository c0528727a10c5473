import type { INodeProperties } from 'n8n-workflow';

import { additionalFields, showFor } from '../../shared/descriptions';
import { metadataField } from '../../shared/metadata';
import { send } from '../../shared/routing';
import { countryCode, currencyCode, metadataObject, oneOf, positiveAmount, requiredText, text } from '../../shared/validation';

const displayOptions = showFor('payout', ['create']);
const show = (also: Record<string, string[]>) => showFor('payout', ['create'], also);

const BENEFICIARY_OPTIONS = [
	{ name: 'Saved Beneficiary', value: 'saved', description: 'One saved in WooshPay, by its ID (bf_...)' },
	{ name: 'Beneficiary Details', value: 'details', description: 'Described here; WooshPay saves it with the payout' },
];

const AMOUNT_OPTIONS = [
	{ name: 'Amount Received', value: 'payment', description: 'What the beneficiary receives, in the payment currency (payment_amount)' },
	{ name: 'Amount Paid', value: 'source', description: 'What you pay, in the source currency (source_amount)' },
];

const DESTINATION_OPTIONS = [
	{ name: 'Bank Account', value: 'bank_account' },
	{ name: 'UPI', value: 'upi', description: "India's Unified Payments Interface" },
];

const TYPE_OPTIONS = [
	{ name: 'Global', value: 'global' },
	{ name: 'Local', value: 'local' },
	{ name: 'To China', value: 'to_China' },
];

const HOLDER_TYPE_OPTIONS = [
	{ name: 'Company', value: 'company' },
	{ name: 'Individual', value: 'individual' },
];

const MONEY = "in the currency's smallest unit as a whole number (cents for USD: 10000 is 100.00 USD)";

/**
 * Payout → Create: POST /v1/payouts (reference page "Create a payout"). The page wants one of a
 * saved beneficiary (`beneficiary`) or its details (`beneficiary_data`), and one of the amount
 * received (`payment_amount`) or paid (`source_amount`): the editor asks which, so exactly one
 * of each is sent. Beneficiary details as WooshPay's examples show them: a nickname and a bank
 * account or a UPI ID; the business details of its other example (`entity`) are not offered.
 */
export const payoutCreateDescription: INodeProperties[] = [
	{
		displayName: 'Beneficiary',
		name: 'beneficiaryFrom',
		type: 'options',
		default: 'saved',
		description: 'Who receives the money',
		options: BENEFICIARY_OPTIONS,
		displayOptions,
	},
	{
		displayName: 'Beneficiary ID',
		name: 'beneficiary',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'bf_1953671305744089088',
		description: 'The saved beneficiary to pay',
		displayOptions: show({ beneficiaryFrom: ['saved'] }),
		routing: send('beneficiary', 'Beneficiary ID', requiredText),
	},
	{
		displayName: 'Beneficiary Nickname',
		name: 'nickname',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Supplier Ltd',
		description: 'A name of your own for the beneficiary',
		displayOptions: show({ beneficiaryFrom: ['details'] }),
		routing: send('beneficiary_data.nickname', 'Beneficiary Nickname', requiredText),
	},
	{
		displayName: 'Destination Type',
		name: 'destinationType',
		type: 'options',
		default: 'bank_account',
		description: 'Where the money goes',
		options: DESTINATION_OPTIONS,
		displayOptions: show({ beneficiaryFrom: ['details'] }),
		routing: send('beneficiary_data.destination_data.destination_type', 'Destination Type', oneOf(DESTINATION_OPTIONS)),
	},
	{
		displayName: 'Bank Account',
		name: 'bankAccount',
		type: 'collection',
		placeholder: 'Add Bank Account Field',
		default: {},
		description: 'The bank account to pay into (beneficiary_data.destination_data.bank_account)',
		displayOptions: show({ beneficiaryFrom: ['details'], destinationType: ['bank_account'] }),
		options: [
			...(
				[
					['Account Holder Name', 'accountHolderName', 'account_holder_name', 'Jane Doe'],
					['Account Number', 'accountNumber', 'account_number', '000123456789'],
					['Bank Name', 'bankName', 'bank_name', 'Example Bank'],
					['Routing Number', 'routingNumber', 'routing_number', '110000000'],
					['SWIFT', 'swift', 'swift', 'EXAMGB2L'],
				] as const
			).map(
				([displayName, name, path, placeholder]): INodeProperties => ({
					displayName,
					name,
					type: 'string',
					default: '',
					placeholder,
					routing: send(`beneficiary_data.destination_data.bank_account.${path}`, `Bank Account → ${displayName}`, requiredText),
				}),
			),
			{
				displayName: 'Account Holder Type',
				name: 'accountHolderType',
				type: 'options',
				default: 'individual',
				options: HOLDER_TYPE_OPTIONS,
				routing: send('beneficiary_data.destination_data.bank_account.account_holder_type', 'Bank Account → Account Holder Type', oneOf(HOLDER_TYPE_OPTIONS)),
			},
			{
				displayName: 'Country',
				name: 'country',
				type: 'string',
				default: '',
				placeholder: 'GB',
				description: 'Two-letter country code of the bank (ISO 3166-1 alpha-2)',
				routing: send('beneficiary_data.destination_data.bank_account.country', 'Bank Account → Country', countryCode),
			},
			{
				displayName: 'Currency',
				name: 'currency',
				type: 'string',
				default: '',
				placeholder: 'GBP',
				description: 'Three-letter currency code of the account',
				routing: send('beneficiary_data.destination_data.bank_account.currency', 'Bank Account → Currency', currencyCode),
			},
		],
	},
	{
		displayName: 'UPI',
		name: 'upi',
		type: 'collection',
		placeholder: 'Add UPI Field',
		default: {},
		description: 'The UPI ID to pay into (beneficiary_data.destination_data.upi)',
		displayOptions: show({ beneficiaryFrom: ['details'], destinationType: ['upi'] }),
		options: [
			{
				displayName: 'Phone Number',
				name: 'phoneNumber',
				type: 'string',
				default: '',
				placeholder: '91-8276831583',
				routing: send('beneficiary_data.destination_data.upi.phone_number', 'UPI → Phone Number', requiredText),
			},
			{
				displayName: 'VPA',
				name: 'vpa',
				type: 'string',
				default: '',
				placeholder: 'name@bank',
				description: 'The virtual payment address (UPI ID)',
				routing: send('beneficiary_data.destination_data.upi.vpa', 'UPI → VPA', requiredText),
			},
		],
	},
	{
		displayName: 'Amount Given As',
		name: 'amountGivenAs',
		type: 'options',
		default: 'payment',
		description: 'Whether the amount is what the beneficiary receives or what you pay; WooshPay converts the other',
		options: AMOUNT_OPTIONS,
		displayOptions,
	},
	{
		displayName: 'Amount Received',
		name: 'paymentAmount',
		type: 'number',
		required: true,
		default: 0,
		typeOptions: { minValue: 1, numberPrecision: 0 },
		description: `What the beneficiary receives, ${MONEY}`,
		displayOptions: show({ amountGivenAs: ['payment'] }),
		routing: send('payment_amount', 'Amount Received', positiveAmount),
	},
	{
		displayName: 'Amount Paid',
		name: 'sourceAmount',
		type: 'number',
		required: true,
		default: 0,
		typeOptions: { minValue: 1, numberPrecision: 0 },
		description: `What you pay, ${MONEY}`,
		displayOptions: show({ amountGivenAs: ['source'] }),
		routing: send('source_amount', 'Amount Paid', positiveAmount),
	},
	{
		displayName: 'Payment Currency',
		name: 'paymentCurrency',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'INR',
		description: 'Three-letter code of the currency the beneficiary receives',
		displayOptions,
		routing: send('payment_currency', 'Payment Currency', currencyCode),
	},
	{
		displayName: 'Source Currency',
		name: 'sourceCurrency',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'USD',
		description: 'Three-letter code of the currency you pay with',
		displayOptions,
		routing: send('source_currency', 'Source Currency', currencyCode),
	},
	additionalFields(displayOptions, [
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			default: '',
			placeholder: 'Invoice 2024-117',
			routing: send('description', 'Additional Fields → Description', text),
		},
		metadataField(metadataObject, 'Additional Fields'),
		{
			displayName: 'Type',
			name: 'type',
			type: 'options',
			default: 'local',
			description: 'The kind of payout, as one version of the reference page lists them',
			options: TYPE_OPTIONS,
			routing: send('type', 'Additional Fields → Type', oneOf(TYPE_OPTIONS)),
		},
	]),
];
