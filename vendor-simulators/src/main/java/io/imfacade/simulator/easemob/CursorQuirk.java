package io.imfacade.simulator.easemob;

/**
 * Misbehaving cursors of the contact and block-list pages, to test that a client's paging ends
 * safely ({@link EasemobSimulator.Builder#cursorQuirk}). Unlike the {@link Undocumented} answers,
 * these are server faults: a client cannot tell from one page whether the list has ended, so a
 * suite that expects the last page to carry no cursor fails against them by design.
 */
public enum CursorQuirk {
  /** Cursors as documented: the last page has none. */
  NONE,
  /** The last page carries a cursor too; the page after it is empty and repeats that cursor. */
  CURSOR_ON_LAST_PAGE,
  /** The last page carries a cursor; every page after it is empty, each with a new cursor. */
  ENDLESS_EMPTY_PAGES,
  /** A page asked for with a cursor answers the next items but repeats the cursor it was asked with. */
  STUCK_CURSOR,
  /** Past the end the list starts over: full pages, each with a new cursor, forever. */
  ENDLESS_PAGES
}
