/**
 * @module @incident-comms/templates
 * Default message templates for every message kind and audience, rendered strictly with Mustache
 * from one status-update version. Pass `checkRunbookTemplates` to the runbook loaders
 * (`loadRunbook(path, { checks: [checkRunbookTemplates] })`) to reject a broken custom template.
 */
export {
  type CompiledTemplate,
  checkTemplate,
  compileTemplate,
  DEFAULT_SUBJECT,
  type RenderedTemplate,
  type TemplateDefinition,
  type TemplateField,
  type TemplateSource,
} from './compile';
export { DEFAULT_TEMPLATES } from './default-templates';
export {
  TemplateInvalidError,
  TemplateNotFoundError,
  TemplateVariableError,
  type TemplateVariableErrorCode,
} from './errors';
export { TEMPLATE_FORMATS, type TemplateFormat } from './escape';
export {
  buildTemplateVariables,
  type RenderedMessage,
  type RenderMessageOptions,
  renderAll,
  renderMessage,
} from './render-message';
export { type RenderReleaseOptions, renderRelease } from './render-release';
export { renderTemplate, validateVariables } from './render-template';
export { SAMPLE_FACTS, type SampleFacts, sampleFactsFor, sampleStatusUpdate } from './sample-updates';
export { TEMPLATE_ID_PATTERN } from './template-id';
export { lintTemplateOverrides } from './template-lint';
export {
  checkRunbookTemplates,
  createTemplateSet,
  type RenderOptions,
  render,
  type TemplateOverrides,
  type TemplateSet,
} from './template-set';
export {
  declareVariables,
  TEMPLATE_VARIABLE_NAMES,
  TEMPLATE_VARIABLES,
  type TemplateVariableName,
  type TemplateVariableSpec,
  type TemplateVariables,
  type VariableDeclaration,
} from './variables';
