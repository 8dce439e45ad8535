/** JSON schemas of the API's parameters: Fastify validates with them and the OpenAPI document is built from them. */
import { CLAIM_TYPES } from '../domain/types.js';
import { REVIEW_ACTIONS } from '../domain/review.js';

const partialDate = { type: 'string', pattern: '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$', description: 'YYYY, YYYY-MM or YYYY-MM-DD' } as const;
const text = (description: string, maxLength = 500) => ({ type: 'string', minLength: 1, maxLength, description }) as const;
const claimType = { type: 'string', enum: CLAIM_TYPES } as const;

export const pageParameters = {
  limit: { type: 'integer', minimum: 1, maximum: 1000, description: 'page size (default 100)' },
  cursor: { type: 'string', pattern: '^\\d{1,15}$', description: '`nextCursor` of the previous page' },
} as const;

/** The filters `etap claims` takes, shared by the claim list and the overviews. */
export const claimFilterParameters = {
  type: { type: 'array', items: claimType, maxItems: CLAIM_TYPES.length, description: 'claim type(s); repeat the parameter for several' },
  place: text('a place named in the claim (any part of its name)'),
  source: text('a source the claim is attributed to (any part of its name)'),
  since: { ...partialDate, description: 'claims whose time reaches this date (YYYY, YYYY-MM or YYYY-MM-DD)' },
  until: { ...partialDate, description: 'claims whose time starts by this date' },
  search: text('words that must all occur in the quote'),
  reportId: text('claims of one report', 1000),
} as const;

const subjectParameters = {
  gender: { type: 'string', enum: ['female', 'male'] },
  nationality: { type: 'string', enum: ['UA', 'RU'] },
} as const;

const query = (properties: Record<string, unknown>) => ({ type: 'object', additionalProperties: false, properties }) as const;

export const claimListQuery = query({
  ...claimFilterParameters,
  reviewState: { type: 'string', enum: ['unreviewed', 'confirmed', 'rejected', 'corrected'] },
  ...pageParameters,
});
export const overviewQuery = query({ ...claimFilterParameters, ...subjectParameters });
export const seriesQuery = query({
  ...claimFilterParameters,
  ...subjectParameters,
  type: { type: 'string', enum: ['population', 'recruitment'], default: 'population', description: 'which figures' },
  limit: { type: 'integer', minimum: 1, maximum: 5000, description: 'most points (default 2000)' },
});
export const reportListQuery = query({ search: text('words that must all occur in the title or text'), ...pageParameters });
export const idParams = { type: 'object', required: ['id'], additionalProperties: false, properties: { id: text('id', 1000) } } as const;

const names = { type: 'array', maxItems: 50, items: { type: 'string', minLength: 1, maxLength: 300 } } as const;
const optionalNumber = { type: 'number', minimum: 0 } as const;

export const slotCorrections = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  description: 'the analyst\'s values; each key given replaces that slot',
  properties: {
    type: claimType,
    count: {
      type: 'object',
      additionalProperties: false,
      properties: { value: optionalNumber, min: optionalNumber, max: optionalNumber, approximate: { type: 'boolean' }, vague: { type: 'string', maxLength: 100 } },
    },
    time: { type: 'object', additionalProperties: false, required: ['start', 'end'], properties: { start: partialDate, end: partialDate } },
    places: names,
    facilities: names,
    sources: names,
    actors: names,
    subjects: { type: 'object', additionalProperties: false, properties: subjectParameters },
    change: { type: 'string', enum: ['decrease', 'increase'] },
    hedged: { type: 'boolean' },
  },
} as const;

export const reviewBody = {
  type: 'object',
  additionalProperties: false,
  required: ['action', 'reviewer'],
  properties: {
    action: { type: 'string', enum: REVIEW_ACTIONS },
    reviewer: text('who decides (a name or handle)', 200),
    note: { type: 'string', maxLength: 5000 },
    slots: slotCorrections,
  },
} as const;

export const entityListQuery = query({
  kind: { type: 'string', enum: ['place', 'facility', 'organisation', 'person'] },
  search: text('part of a name or of any name claims give it'),
  merged: { type: 'boolean', description: 'include entities merged into others' },
  ...pageParameters,
});

export const eventListQuery = query({
  type: claimType,
  place: text('a place named in the event (any part of its name)'),
  since: { ...partialDate, description: 'events whose time reaches this date' },
  until: { ...partialDate, description: 'events whose time starts by this date' },
  minOrigins: { type: 'integer', minimum: 1, maximum: 1000, description: 'at least this many independent origins' },
  minReports: { type: 'integer', minimum: 1, maximum: 100000, description: 'at least this many reports (copies counted once)' },
  ...pageParameters,
});
