/**
 * @module runbook-page
 * The runbook as a page people read: the page model, and Markdown and HTML renderings.
 */

export type { PageLine, PagePerson, RunbookPageModel, RunbookPageSectionId } from './page-model';
export { buildRunbookPage, RUNBOOK_PAGE_SECTIONS } from './page-model';
export type { RenderedRunbook } from './render-runbook';
export { renderRunbook } from './render-runbook';
