/**
 * @module runbook/incident-types
 * The runbook's incident types: the seed's five by default, redefined or joined by the
 * runbook's own (`invoices-not-sending`). Each names the customer-facing symptom, the product
 * area, the phrases the message wording uses and what the team playbooks read from it.
 */
import { z } from 'zod';
import { incidentTypeIdSchema } from '../text/id';
import { nonEmptyTextSchema as text } from '../text/non-empty';
import { QUESTION_TOPICS } from '../vocabulary';
import { DEFAULT_INCIDENT_TYPES, type IncidentTypeDefinition } from './defaults';

/** One incident type as a runbook file writes it (the id is its key). */
export const incidentTypeDefinitionSchema = z
  .object({
    /** Short name a support rep recognises: "Invoices not sending". */
    name: text,
    /** The symptom in customers' words, fits "a problem where …": "invoices are not being sent". */
    symptom: text,
    /** The product area it touches (sales and success playbooks match accounts and demos by it). */
    productArea: text,
    /** What customers may see, one sentence. */
    customerImpact: text,
    /** Phrases the message wording uses; templates read each as a variable of the same name. */
    phrases: z
      .object({
        affectedFlow: text.optional(),
        experienced: text.optional(),
        afterRecovery: text.optional(),
      })
      .strict()
      .optional(),
    /** What the team playbooks read: how customers report it, which question topic it is. */
    playbook: z
      .object({
        reportPhrases: z.array(text).optional(),
        questionTopic: z.enum(QUESTION_TOPICS.filter((t) => t !== 'other') as ['billing']).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/** The `incidentTypes` field: definitions by id; a given id replaces that default whole. */
export const incidentTypesSchema = z.record(incidentTypeIdSchema, incidentTypeDefinitionSchema).default({});

/** An incident type definition as a runbook file writes it. */
export type IncidentTypeInput = z.input<typeof incidentTypeDefinitionSchema>;

function sentence(value: string): string {
  const trimmed = value.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * The runbook's incident types: the defaults, each replaced whole by a definition of the same
 * id, plus the runbook's own. Phrases a definition leaves out come from that definition, never
 * from another type's wording: `affectedFlow` the product area, `experienced` problems with it,
 * `afterRecovery` a plain "nothing to do; reply if something still looks wrong".
 *
 * @param given - the parsed `incidentTypes` of a runbook.
 * @returns definitions by id, defaults first in their order, then the runbook's own.
 * @example
 * resolveIncidentTypes({ 'invoices-not-sending': { name: 'Invoices not sending',
 *   symptom: 'invoices are not being sent', productArea: 'invoicing',
 *   customerImpact: 'Invoices stay in the outbox.' } })['invoices-not-sending'].phrases.affectedFlow;
 * // 'invoicing'
 */
export function resolveIncidentTypes(
  given: Readonly<Record<string, z.output<typeof incidentTypeDefinitionSchema>>>,
): Record<string, IncidentTypeDefinition> {
  const resolved: Record<string, IncidentTypeDefinition> = {};
  for (const [id, definition] of Object.entries(DEFAULT_INCIDENT_TYPES)) resolved[id] = definition;
  for (const [id, input] of Object.entries(given)) {
    resolved[id] = {
      id,
      name: input.name,
      symptom: input.symptom,
      productArea: input.productArea,
      customerImpact: sentence(input.customerImpact),
      phrases: {
        affectedFlow: input.phrases?.affectedFlow ?? input.productArea,
        experienced: input.phrases?.experienced ?? `problems with ${input.productArea}`,
        afterRecovery:
          input.phrases?.afterRecovery ??
          'You do not need to do anything; if something still looks wrong, reply and we will check it.',
      },
      playbook: {
        reportPhrases: input.playbook?.reportPhrases ?? [],
        ...(input.playbook?.questionTopic ? { questionTopic: input.playbook.questionTopic } : {}),
      },
    };
  }
  return resolved;
}
