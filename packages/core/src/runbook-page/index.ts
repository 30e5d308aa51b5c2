/**
 * @module runbook-page
 * The runbook as a page people read: the page model, and Markdown and HTML renderings.
 */
export { buildRunbookPage, RUNBOOK_PAGE_SECTIONS } from './page-model';
export type { PagePerson, RunbookPageModel, RunbookPageSectionId } from './page-model';
export { renderRunbook } from './render-runbook';
export type { RenderedRunbook } from './render-runbook';
