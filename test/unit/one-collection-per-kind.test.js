// @ts-check
'use strict';

/** @import { INodeProperties } from 'n8n-workflow' */

const { WooshPay } = require('../../dist/nodes/WooshPay/WooshPay.node');
const { authorizationFields } = require('../../dist/nodes/WooshPay/resources/authorization');
const { cardFields } = require('../../dist/nodes/WooshPay/resources/card');
const { cardholderFields } = require('../../dist/nodes/WooshPay/resources/cardholder');
const { chargeFields } = require('../../dist/nodes/WooshPay/resources/charge');
const { customerFields } = require('../../dist/nodes/WooshPay/resources/customer');
const { paymentIntentFields } = require('../../dist/nodes/WooshPay/resources/paymentIntent');
const { refundFields } = require('../../dist/nodes/WooshPay/resources/refund');
const { transactionFields } = require('../../dist/nodes/WooshPay/resources/transaction');
const { SHARED_COLLECTIONS, oneCollectionPerKind } = require('../../dist/nodes/WooshPay/shared/descriptions');

/** One Additional Fields, Update Fields and Filters for all resources; each resource sees its own fields. */
const properties = new WooshPay().description.properties;
const kinds = SHARED_COLLECTIONS;
/** @param {INodeProperties[]} fields @param {string} kind */
const own = (fields, kind) => /** @type {INodeProperties[]} */ (fields.find((p) => p.name === kind)?.options);
/** The resources an option is shown for. @param {INodeProperties} option */
const resourcesOf = (option) => /** @type {string[]} */ (option.displayOptions?.show?.['/resource']);
/** @param {string} kind @param {string} resource */
const shownFor = (kind, resource) =>
	own(properties, kind)
		.filter((o) => resourcesOf(o).includes(resource))
		.map(({ displayOptions, ...option }) => {
			const { '/resource': _resource, ...show } = displayOptions?.show ?? {};
			return Object.keys(show).length > 0 || displayOptions?.hide ? { ...option, displayOptions: { ...displayOptions, show } } : option;
		});

test('one collection of each kind among the top-level properties', () => {
	expect(kinds.map((kind) => properties.filter((p) => p.name === kind).length)).toEqual([1, 1, 1]);
});

/** @type {Array<[string, INodeProperties[]]>} */
const RESOURCES = [
	['customer', customerFields],
	['cardholder', cardholderFields],
	['paymentIntent', paymentIntentFields],
	['refund', refundFields],
	['charge', chargeFields],
	['card', cardFields],
	['authorization', authorizationFields],
	['transaction', transactionFields],
];

test.each(RESOURCES.flatMap(([resource, fields]) => kinds.filter((kind) => own(fields, kind)).map((kind) => /** @type {const} */ ([resource, kind, fields]))))(
	'%s sees exactly the %s its resource defines',
	(resource, kind, fields) => {
		expect(shownFor(kind, resource)).toEqual(own(fields, kind));
	},
);

test('collections that differ in more than resource and fields are refused', () => {
	/** @param {string} resource @param {string} placeholder @returns {INodeProperties} */
	const collection = (resource, placeholder) => ({
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder,
		default: {},
		displayOptions: { show: { resource: [resource], operation: ['update'] } },
		options: [],
	});
	expect(() => oneCollectionPerKind([collection('a', 'Add Field'), collection('b', 'Add Field')], ['updateFields'])).not.toThrow();
	expect(() => oneCollectionPerKind([collection('a', 'Add Field'), collection('b', 'Add')], ['updateFields'])).toThrow(
		'The "updateFields" collections differ in more than their resource and fields',
	);
});
