/** Contact lists, remarks and block lists, with cursor paging. */
@NullMarked
package io.imfacade.contact;

import org.jspecify.annotations.NullMarked;
