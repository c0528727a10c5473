// @ts-check
'use strict';

// n8n's logger prints every node error; the tests read errors from the run instead.
process.env.N8N_LOG_LEVEL = 'silent';
