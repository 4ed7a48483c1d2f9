/** User profiles: the neutral model ({@link io.imfacade.profile.UserProfile}) and its service. */
@NullMarked
package io.imfacade.profile;

import org.jspecify.annotations.NullMarked;
