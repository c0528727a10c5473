import type { INodeProperties } from 'n8n-workflow';

import { showFor, updateFields } from '../../shared/descriptions';
import { priceFields } from './fields';

/** Price → Update: POST /v1/prices/{id}, with the fields of the page's example body. */
export const priceUpdateDescription: INodeProperties[] = [updateFields(showFor('price', ['update']), priceFields('Update Fields'))];
