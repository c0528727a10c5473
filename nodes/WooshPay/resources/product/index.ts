import type { INodeProperties } from 'n8n-workflow';

import { additionalFields, byIdLocator, showFor } from '../../shared/descriptions';
import { metadataField } from '../../shared/metadata';
import { idInPath, route, send } from '../../shared/routing';
import { everyValue, metadataObject, requiredText, text, trueOrFalse } from '../../shared/validation';

const productLocator = byIdLocator({
	displayName: 'Product',
	name: 'productId',
	description: 'The product to get',
	placeholder: 'prod_1787731245694324736',
	hint: 'The ID WooshPay gave the product (prod_...)',
});

/**
 * What Product → Create sends besides the name (reference page "Create a Product"), at `prefix`
 * of the body (Price → Create sends a new product's fields under `product_data.`).
 */
export const productFields = (under: string, prefix = ''): INodeProperties[] => [
	{
		displayName: 'Active',
		name: 'active',
		type: 'boolean',
		default: true,
		description: 'Whether the product can be bought',
		routing: send(`${prefix}active`, `${under} → Active`, trueOrFalse),
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		description: 'What the product is, as customers see it',
		routing: send(`${prefix}description`, `${under} → Description`, text),
	},
	{
		displayName: 'Image URLs',
		name: 'images',
		type: 'string',
		default: '',
		placeholder: 'https://shop.example.com/mug.png',
		description: 'Addresses of images of the product, separated by commas',
		routing: send(`${prefix}images`, `${under} → Image URLs`, everyValue(requiredText)),
	},
	metadataField(metadataObject, under, { path: `${prefix}metadata` }),
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		default: '',
		placeholder: 'https://shop.example.com/mug',
		description: "The product's page",
		routing: send(`${prefix}url`, `${under} → URL`, text),
	},
];

/**
 * Products: what you sell; prices say for how much. WooshPay's reference shows Create and
 * Retrieve; Update and List could not be read (README, "What is inferred").
 */
export const productDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['product'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a product',
				description: 'Add a product with a name (and, with Price → Create, its price)',
				routing: route({ method: 'POST', url: '/v1/products' }),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a product',
				description: "Fetch a product's details by its ID (prod_...)",
				routing: route({ method: 'GET', url: `=/v1/products/${idInPath('productId')}` }),
			},
		],
		default: 'create',
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Coffee mug',
		description: "The product's name, as customers see it",
		displayOptions: showFor('product', ['create']),
		routing: send('name', 'Name', requiredText),
	},
	additionalFields(showFor('product', ['create']), productFields('Additional Fields')),
	{ ...productLocator, displayOptions: showFor('product', ['get']) },
];
