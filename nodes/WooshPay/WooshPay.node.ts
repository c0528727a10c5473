import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { BASE_URL_EXPRESSION } from '../../credentials/WooshPayApi.credentials';
import { searchAuthorizations } from './listSearch/searchAuthorizations';
import { searchCardholders } from './listSearch/searchCardholders';
import { searchCards } from './listSearch/searchCards';
import { searchDisputes } from './listSearch/searchDisputes';
import { searchTransactions } from './listSearch/searchTransactions';
import { searchWebhookEndpoints } from './listSearch/searchWebhookEndpoints';
import { authorizationDescription } from './resources/authorization';
import { balanceDescription } from './resources/balance';
import { beneficiaryDescription } from './resources/beneficiary';
import { cardDescription } from './resources/card';
import { cardholderDescription } from './resources/cardholder';
import { chargeDescription } from './resources/charge';
import { couponDescription } from './resources/coupon';
import { customerDescription } from './resources/customer';
import { disputeDescription } from './resources/dispute';
import { eventDescription } from './resources/event';
import { fileDescription } from './resources/file';
import { fxQuoteDescription } from './resources/fxQuote';
import { invoiceDescription } from './resources/invoice';
import { paymentIntentDescription } from './resources/paymentIntent';
import { paymentLinkDescription } from './resources/paymentLink';
import { paymentMethodDescription } from './resources/paymentMethod';
import { payoutDescription } from './resources/payout';
import { priceDescription } from './resources/price';
import { productDescription } from './resources/product';
import { promotionCodeDescription } from './resources/promotionCode';
import { refundDescription } from './resources/refund';
import { setupIntentDescription } from './resources/setupIntent';
import { subscriptionDescription } from './resources/subscription';
import { subscriptionItemDescription } from './resources/subscriptionItem';
import { transactionDescription } from './resources/transaction';
import { webhookEndpointDescription } from './resources/webhookEndpoint';
import { optionsCollection } from './shared/options';
import { CREDENTIAL_TYPE } from './shared/transport';

/**
 * How a request travels: each operation's routing (resources/<resource>/index.ts) gives its
 * method and URL and hands the request the engine built from the operation's fields to one of
 * the node's request operations (shared/transport.ts). That waits for the account's pace,
 * adds the Idempotency-Key to a POST, sends it with n8n's HTTP helper and the credential
 * (never following a redirect), turns an error answer into WooshPay's words
 * (throwWooshPayError) and sends a request again after a 429, a 5xx or a lost connection.
 */
export class WooshPay implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WooshPay',
		name: 'wooshPay',
		icon: { light: 'file:../../icons/wooshpay.svg', dark: 'file:../../icons/wooshpay.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Work with WooshPay payments (payment intents, charges, refunds, disputes, payment methods), payouts, customers, issuing cards, products and prices, subscriptions and more',
		defaults: { name: 'WooshPay' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		requestDefaults: {
			baseURL: BASE_URL_EXPRESSION,
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
		},
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Balance', value: 'balance', description: 'The funds in your WooshPay account' },
					{ name: 'Beneficiary', value: 'beneficiary', description: 'Someone payouts go to, with their bank account or other destination' },
					{ name: 'Card', value: 'card', description: 'A card issued to a cardholder (Issuing)' },
					{ name: 'Card Authorization', value: 'authorization', description: 'A request to pay with one of your issued cards, approved or declined' },
					{ name: 'Card Transaction', value: 'transaction', description: 'A payment or refund made with one of your issued cards' },
					{ name: 'Cardholder', value: 'cardholder', description: 'A person or company that holds WooshPay issued cards' },
					{ name: 'Charge', value: 'charge', description: 'An attempt to move money from a payment method' },
					{ name: 'Coupon', value: 'coupon', description: 'A discount of an amount or a percentage' },
					{ name: 'Customer', value: 'customer', description: 'Someone you take payments from' },
					{ name: 'Dispute', value: 'dispute', description: "A customer's bank questioning a charge" },
					{ name: 'Event', value: 'event', description: 'Something that happened in your account, as webhooks report it' },
					{ name: 'File', value: 'file', description: 'A document uploaded to WooshPay, such as dispute evidence' },
					{ name: 'FX Quote', value: 'fxQuote', description: "WooshPay's exchange rates for pay-ins or payouts" },
					{ name: 'Invoice', value: 'invoice', description: 'A bill for a customer, such as of a subscription' },
					{ name: 'Payment Intent', value: 'paymentIntent', description: 'A payment you collect from a customer, from authorization to capture' },
					{ name: 'Payment Link', value: 'paymentLink', description: 'A page customers pay on' },
					{ name: 'Payment Method', value: 'paymentMethod', description: "A customer's way to pay, such as a card" },
					{ name: 'Payout', value: 'payout', description: 'Money sent from your balance to a beneficiary' },
					{ name: 'Price', value: 'price', description: 'How much a product costs, once or recurring' },
					{ name: 'Product', value: 'product', description: 'Something you sell' },
					{ name: 'Promotion Code', value: 'promotionCode', description: "A code customers enter to get a coupon's discount" },
					{ name: 'Refund', value: 'refund', description: 'Money given back from a payment' },
					{ name: 'Setup Intent', value: 'setupIntent', description: "Saving a customer's payment method for later payments" },
					{ name: 'Subscription', value: 'subscription', description: 'A customer paying a price again and again' },
					{ name: 'Subscription Item', value: 'subscriptionItem', description: 'One price within a subscription' },
					{ name: 'Webhook Endpoint', value: 'webhookEndpoint', description: 'An address WooshPay sends events to' },
				],
				default: 'customer',
			},
			...customerDescription,
			...cardholderDescription,
			...paymentIntentDescription,
			...refundDescription,
			...chargeDescription,
			...balanceDescription,
			...eventDescription,
			...cardDescription,
			...authorizationDescription,
			...transactionDescription,
			...disputeDescription,
			...paymentMethodDescription,
			...setupIntentDescription,
			...payoutDescription,
			...beneficiaryDescription,
			...productDescription,
			...priceDescription,
			...couponDescription,
			...promotionCodeDescription,
			...subscriptionDescription,
			...subscriptionItemDescription,
			...invoiceDescription,
			...paymentLinkDescription,
			...fxQuoteDescription,
			...fileDescription,
			...webhookEndpointDescription,
			optionsCollection,
		],
	};

	methods = {
		listSearch: { searchAuthorizations, searchCardholders, searchCards, searchDisputes, searchTransactions, searchWebhookEndpoints },
	};
}
