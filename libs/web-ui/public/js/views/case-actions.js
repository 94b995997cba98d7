import { today } from '../form-kit.js';
import { openToFacts } from './view-kit.js';
import {
  EDUCATION_LEVELS, EMPLOYMENT_STATUSES, FUNDING_SOURCES, GRANT_FORMS, OBSTACLES, PERMIT_STATUSES, PROGRAMMES, REVENUE_TRENDS, SEXES, TRAINING_KINDS,
} from '../vocabulary.js';

/**
 * The commands a caseworker records on a case (api.md), as form definitions. `path` gets the case
 * id; every one of them sends If-Match with the case's ETag. `when(caseView)` hides a form that
 * cannot apply: after an erasure the API records no journey fact and nothing personal is left to
 * correct, erase or restrict; while processing is restricted it refuses every new fact (ADR 0010),
 * and only erasure and the lift stay.
 */
const notErased = (c) => !c.personalDataErased;
const unrestricted = (c) => !c.processingRestricted;

export function profileFields(current = {}) {
  return [
    { name: 'fullName', type: 'text', autocomplete: 'name', placeholder: current.fullName },
    { name: 'birthDate', type: 'date', placeholder: current.birthDate },
    { name: 'sex', type: 'select', options: SEXES, group: 'sex' },
    { name: 'regionCode', type: 'text', hint: true, inputmode: 'decimal', placeholder: current.regionCode ?? '32.16.01' },
    { name: 'phone', type: 'tel', inputmode: 'tel', autocomplete: 'tel', placeholder: current.phone },
    { name: 'address', type: 'textarea', placeholder: current.address },
    { name: 'education', type: 'select', options: EDUCATION_LEVELS, group: 'education' },
    { name: 'employmentStatus', type: 'select', options: EMPLOYMENT_STATUSES, group: 'employmentStatus' },
    { name: 'businessIdea', type: 'textarea', placeholder: current.businessIdea },
  ];
}

export const CASE_ACTIONS = [
  {
    name: 'training',
    when: openToFacts,
    method: 'POST',
    path: (id) => `/v1/entrepreneurs/${id}/trainings`,
    fields: () => [
      { name: 'title', type: 'text', required: true },
      { name: 'provider', type: 'text', required: true },
      { name: 'kind', type: 'select', options: TRAINING_KINDS, group: 'trainingKind', required: true },
      { name: 'startedOn', type: 'date', required: true },
      { name: 'completedOn', type: 'date', required: true },
      { name: 'hours', type: 'number', min: 1, inputmode: 'numeric' },
      { name: 'certified', type: 'yesno' },
      { name: 'certificateNumber', type: 'text' },
    ],
  },
  {
    name: 'grant',
    when: openToFacts,
    method: 'POST',
    path: (id) => `/v1/entrepreneurs/${id}/grants`,
    fields: () => [
      { name: 'programme', type: 'select', options: PROGRAMMES, group: 'programme', required: true },
      { name: 'amount', type: 'number', min: 1, inputmode: 'numeric', required: true },
      { name: 'form', type: 'select', options: GRANT_FORMS, group: 'grantForm', required: true },
      { name: 'receivedOn', type: 'date', required: true },
      { name: 'fundingSource', type: 'select', options: FUNDING_SOURCES, group: 'fundingSource', required: true },
      { name: 'decreeNumber', type: 'text' },
      { name: 'groupId', type: 'text' },
    ],
  },
  {
    name: 'visit',
    when: openToFacts,
    method: 'POST',
    path: (id) => `/v1/entrepreneurs/${id}/monitoring-visits`,
    fields: () => [
      { name: 'visitedOn', type: 'date', required: true, value: today() },
      { name: 'businessActive', type: 'yesno', required: true },
      { name: 'workersTotal', type: 'number', min: 0, inputmode: 'numeric', required: true },
      { name: 'paidWorkers', type: 'number', min: 0, inputmode: 'numeric' },
      { name: 'unpaidWorkers', type: 'number', min: 0, inputmode: 'numeric' },
      { name: 'revenueTrend', type: 'select', options: REVENUE_TRENDS, group: 'revenueTrend', required: true },
      { name: 'monthlyRevenue', type: 'number', min: 0, inputmode: 'numeric' },
      { name: 'permitStatus', type: 'select', options: PERMIT_STATUSES, group: 'permitStatus' },
      { name: 'nib', type: 'text', inputmode: 'numeric', maxlength: 13 },
      { name: 'equipmentInUse', type: 'yesno' },
      { name: 'obstacles', type: 'checkboxes', options: OBSTACLES, group: 'obstacle' },
      { name: 'notes', type: 'textarea' },
    ],
  },
  {
    name: 'graduation',
    when: openToFacts,
    method: 'POST',
    path: (id) => `/v1/entrepreneurs/${id}/graduation`,
    fields: () => [
      { name: 'graduatedOn', type: 'date', required: true, value: today() },
      { name: 'basis', type: 'textarea' },
    ],
  },
  {
    name: 'withdrawal',
    when: openToFacts,
    method: 'POST',
    path: (id) => `/v1/entrepreneurs/${id}/withdrawal`,
    fields: () => [
      { name: 'withdrawnOn', type: 'date', required: true, value: today() },
      { name: 'reason', type: 'textarea', required: true },
    ],
  },
  {
    name: 'profile',
    method: 'PATCH',
    path: (id) => `/v1/entrepreneurs/${id}/profile`,
    intro: 'action.profile.hint',
    when: openToFacts,
    fields: (c) => [...profileFields(c), { name: 'reason', type: 'textarea', required: true }],
  },
  {
    name: 'caseworker',
    when: unrestricted,
    method: 'PUT',
    path: (id) => `/v1/entrepreneurs/${id}/caseworker`,
    fields: (c) => [{ name: 'caseworkerId', type: 'text', hint: true, required: true, placeholder: c.caseworkerId ?? undefined }],
  },
  {
    name: 'restriction',
    method: 'POST',
    path: (id) => `/v1/entrepreneurs/${id}/restriction`,
    intro: 'action.restriction.hint',
    submitKey: 'action.restriction.submit',
    submitClass: 'danger',
    when: openToFacts,
    fields: () => [
      { name: 'reason', type: 'textarea', required: true },
      { name: 'requestReference', type: 'text' },
    ],
  },
  {
    name: 'liftRestriction',
    method: 'POST',
    path: (id) => `/v1/entrepreneurs/${id}/restriction/lift`,
    intro: 'action.liftRestriction.hint',
    submitKey: 'action.liftRestriction.submit',
    when: (c) => notErased(c) && !unrestricted(c),
    fields: () => [{ name: 'reason', type: 'textarea', required: true }],
  },
  {
    name: 'erasure',
    method: 'POST',
    path: (id) => `/v1/entrepreneurs/${id}/erasure`,
    intro: 'action.erasure.hint',
    submitKey: 'action.erasure.submit',
    submitClass: 'danger',
    when: notErased,
    fields: () => [
      { name: 'reason', type: 'textarea', required: true },
      { name: 'requestReference', type: 'text' },
      { name: 'confirmErasure', type: 'confirm' },
    ],
  },
];
