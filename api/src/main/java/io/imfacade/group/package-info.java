/** Custom attributes of group members. */
@NullMarked
package io.imfacade.group;

import org.jspecify.annotations.NullMarked;
