import type { Rule } from '@pesan/core';
import paramAdjacent from '../param-adjacent.js';

/** Parameter and example rules. */
export const parameterRules = [paramAdjacent] as readonly Rule[];
