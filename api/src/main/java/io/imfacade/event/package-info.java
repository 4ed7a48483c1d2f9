/**
 * Events of neutral calls ({@link io.imfacade.event.CallEvent}) and the listener SPI ({@link
 * io.imfacade.event.ImListener}) that metrics bindings plug into.
 */
@NullMarked
package io.imfacade.event;

import org.jspecify.annotations.NullMarked;
