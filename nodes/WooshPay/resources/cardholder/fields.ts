import type { INodeProperties } from 'n8n-workflow';

import { addressFields } from '../../shared/address';
import { metadataField } from '../../shared/metadata';
import { send } from '../../shared/routing';
import {
	currencyCode,
	dateOfBirth,
	email,
	ipAddress,
	metadataArray,
	nonNegativeInteger,
	oneOf,
	personName,
	text,
	trueOrFalse,
	unixSeconds,
} from '../../shared/validation';

export const STATUS_OPTIONS = [
	{ name: 'Active', value: 'active', description: 'Cards can be used' },
	{ name: 'Blocked', value: 'blocked', description: 'Cards are refused' },
	{ name: 'Inactive', value: 'inactive', description: 'Cards are refused until the cardholder is activated' },
];

export const TYPE_OPTIONS = [
	{ name: 'Company', value: 'company' },
	{ name: 'Individual', value: 'individual' },
];
const INTERVAL_OPTIONS = [
	{ name: 'All Time', value: 'all_time' },
	{ name: 'Daily', value: 'daily' },
	{ name: 'Monthly', value: 'monthly' },
	{ name: 'Per Authorization', value: 'per_authorization', description: 'Each single payment' },
	{ name: 'Weekly', value: 'weekly' },
	{ name: 'Yearly', value: 'yearly' },
];

/**
 * Every field of a cardholder that WooshPay lets you set (seed page "Update a cardholder"),
 * with the JSON path each is sent at. Create and Update both offer these, in the collection
 * `under` ("Additional Fields", "Update Fields"), which error messages name.
 */
export const cardholderFields = (under: string): INodeProperties[] => [
	{
		displayName: 'Billing Address',
		name: 'billingAddress',
		type: 'collection',
		placeholder: 'Add Address Field',
		default: {},
		description: "The cardholder's billing address",
		options: addressFields('billing.address', `${under} → Billing Address`),
	},
	{
		displayName: 'Company Tax ID Provided',
		name: 'companyTaxIdProvided',
		type: 'boolean',
		default: false,
		description: "Whether the company's business ID number was provided (company cardholders)",
		routing: send('company.tax_id_provided', `${under} → Company Tax ID Provided`, trueOrFalse),
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		default: '',
		placeholder: 'name@email.com',
		description: "The cardholder's email address",
		routing: send('email', `${under} → Email`, email),
	},
	{
		displayName: 'Individual',
		name: 'individual',
		type: 'collection',
		placeholder: 'Add Individual Field',
		default: {},
		description: 'Details of a person who holds cards (individual cardholders)',
		options: [
			{
				displayName: 'Date of Birth',
				name: 'dob',
				type: 'dateTime',
				default: '',
				description: "The cardholder's date of birth (sent as day, month and year)",
				routing: send('individual.dob', `${under} → Individual → Date of Birth`, dateOfBirth),
			},
			{
				displayName: 'First Name',
				name: 'firstName',
				type: 'string',
				default: '',
				placeholder: 'Jane',
				description:
					'Required before cards can be activated. Latin letters only, with periods, commas, hyphens, spaces and apostrophes; no digits.',
				routing: send('individual.first_name', `${under} → Individual → First Name`, personName),
			},
			{
				displayName: 'ID Document Back',
				name: 'documentBack',
				type: 'string',
				default: '',
				placeholder: 'file_1MtPzM2eZvKYlo2C',
				description: 'The ID of an uploaded file (WooshPay Files) showing the back of a passport or ID card',
				routing: send('individual.verification.document.back', `${under} → Individual → ID Document Back`, text),
			},
			{
				displayName: 'ID Document Front',
				name: 'documentFront',
				type: 'string',
				default: '',
				placeholder: 'file_1MtPzM2eZvKYlo2C',
				description: 'The ID of an uploaded file (WooshPay Files) showing the front of a passport or ID card',
				routing: send('individual.verification.document.front', `${under} → Individual → ID Document Front`, text),
			},
			{
				displayName: 'Last Name',
				name: 'lastName',
				type: 'string',
				default: '',
				placeholder: 'Doe',
				description:
					'Required before cards can be activated. Latin letters only, with periods, commas, hyphens, spaces and apostrophes; no digits.',
				routing: send('individual.last_name', `${under} → Individual → Last Name`, personName),
			},
			{
				displayName: 'Terms Accepted At',
				name: 'termsAcceptedAt',
				type: 'dateTime',
				default: '',
				description: 'When the cardholder accepted the card terms (sent as Unix seconds)',
				routing: send('individual.card_issuing.user_terms_acceptance.date', `${under} → Individual → Terms Accepted At`, unixSeconds),
			},
			{
				displayName: 'Terms Accepted From IP',
				name: 'termsAcceptedIp',
				type: 'string',
				default: '',
				placeholder: '203.0.113.7',
				description: 'The IP address the cardholder accepted the card terms from',
				routing: send('individual.card_issuing.user_terms_acceptance.ip', `${under} → Individual → Terms Accepted From IP`, ipAddress),
			},
			{
				displayName: 'Terms Accepted With User Agent',
				name: 'termsAcceptedUserAgent',
				type: 'string',
				default: '',
				placeholder: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)',
				description: 'The browser (user agent) the cardholder accepted the card terms with',
				routing: send('individual.card_issuing.user_terms_acceptance.user_agent', `${under} → Individual → Terms Accepted With User Agent`, text),
			},
		],
	},
	metadataField(metadataArray, under),
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		default: '',
		placeholder: '+44 20 7946 0958',
		description: "The cardholder's phone number. Required for cardholders who will get EU cards.",
		routing: send('phone_number', `${under} → Phone Number`, text),
	},
	{
		displayName: 'Spending Controls',
		name: 'spendingControls',
		type: 'collection',
		placeholder: 'Add Spending Control',
		default: {},
		description: "Limits on spending across all of this cardholder's cards",
		options: [
			{
				displayName: 'Currency',
				name: 'currency',
				type: 'string',
				default: '',
				placeholder: 'usd',
				description: 'Three-letter ISO currency code of the spending limit amount',
				routing: send('spending_controls.spending_limits_currency', `${under} → Spending Controls → Currency`, currencyCode),
			},
			{
				displayName: 'Spending Limit Amount',
				name: 'amount',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0, numberPrecision: 0 },
				description:
					"The most that may be spent per interval, in the currency's smallest unit (cents for USD: 5000 is 50.00 USD)",
				routing: send('spending_controls.spending_limits.amount', `${under} → Spending Controls → Spending Limit Amount`, nonNegativeInteger),
			},
			{
				displayName: 'Spending Limit Interval',
				name: 'interval',
				type: 'options',
				default: 'per_authorization',
				description: 'The period the spending limit amount applies to',
				options: INTERVAL_OPTIONS,
				routing: send('spending_controls.spending_limits.interval', `${under} → Spending Controls → Spending Limit Interval`, oneOf(INTERVAL_OPTIONS)),
			},
		],
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		default: 'active',
		description: "Whether payments with this cardholder's cards are allowed",
		options: STATUS_OPTIONS,
		routing: send('status', `${under} → Status`, oneOf(STATUS_OPTIONS)),
	},
];
