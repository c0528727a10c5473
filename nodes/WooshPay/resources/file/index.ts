import type { INodeProperties } from 'n8n-workflow';

import { byIdLocator, showFor } from '../../shared/descriptions';
import { idInPath, route } from '../../shared/routing';

const fileLocator = byIdLocator({
	displayName: 'File',
	name: 'fileId',
	description: 'The file to get',
	placeholder: 'file_1787731245694324736',
	hint: 'The ID WooshPay gave the file (file_...), such as an ID document of a cardholder',
});

/**
 * Files: documents uploaded to WooshPay, such as dispute evidence or ID documents. Get only
 * (reference page "Retrieve a file"): the file object; its `url` is where WooshPay keeps the
 * file. Uploading could not be read in the reference.
 */
export const fileDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['file'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a file',
				description: "Fetch a file's details (name, purpose, size, type, where WooshPay keeps it) by its ID (file_...)",
				routing: route({ method: 'GET', url: `=/v1/files/${idInPath('fileId')}` }),
			},
		],
		default: 'get',
	},
	{ ...fileLocator, displayOptions: showFor('file', ['get']) },
];
