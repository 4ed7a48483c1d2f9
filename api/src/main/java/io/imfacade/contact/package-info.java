/** Contact lists, remarks and block lists, with cursor paging. */
package io.imfacade.contact;
