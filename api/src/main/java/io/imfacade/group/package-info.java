/** Custom attributes of group members. */
package io.imfacade.group;
