/** Users' accounts at the vendor: registration, existence, deletion and login credentials. */
@NullMarked
package io.imfacade.account;

import org.jspecify.annotations.NullMarked;
