/**
 * The implementation of the Easemob family, not an API: the three services over one {@link
 * io.imfacade.http.RemoteCore}, the Retrofit API, the wire model, the error mapping and the app
 * token source. It receives clean input from the neutral guard and checks nothing of it again.
 */
@NullMarked
package io.imfacade.easemob.family.internal;

import org.jspecify.annotations.NullMarked;
