/** User profiles: the neutral model ({@link io.imfacade.profile.UserProfile}) and its service. */
package io.imfacade.profile;
