package io.imfacade.jackson;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.imfacade.contact.Contact;
import io.imfacade.contact.Page;
import io.imfacade.contact.PageRequest;
import io.imfacade.error.ErrorDetails;
import io.imfacade.error.ImException;
import io.imfacade.group.BatchResult;
import io.imfacade.jackson.internal.BatchResultJson;
import io.imfacade.jackson.internal.ContactJson;
import io.imfacade.jackson.internal.ErrorDetailsJson;
import io.imfacade.jackson.internal.ImExceptionJson;
import io.imfacade.jackson.internal.PageJson;
import io.imfacade.jackson.internal.PageRequestJson;
import io.imfacade.jackson.internal.ProfileJson;
import io.imfacade.jackson.internal.ProfileUpdateJson;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;

/**
 * Reads and writes imfacade's model and errors as the JSON one would write by hand:
 *
 * <table>
 *   <caption>JSON shapes</caption>
 *   <tr><th>type</th><th>JSON</th></tr>
 *   <tr><td>{@link UserProfile}</td><td>{@code {"userId":"alice","nickname":"Alice","gender":"FEMALE",
 *       "customAttributes":{"level":"3"}}}: absent fields (null, gender {@code UNKNOWN}, no custom
 *       attribute) left out</td></tr>
 *   <tr><td>{@link Contact}</td><td>{@code {"userId":"bob","remark":"Bobby"}}</td></tr>
 *   <tr><td>{@link Page}</td><td>{@code {"items":[...],"nextCursor":"c2"}}, no cursor on the last page;
 *       read {@code Page<Contact>} with a {@code TypeReference}</td></tr>
 *   <tr><td>{@link PageRequest}</td><td>{@code {"size":50,"cursor":"c2"}}</td></tr>
 *   <tr><td>{@link ProfileUpdate}</td><td>{@code {"nickname":"Alice","sign":"","gender":"MALE"}}: the
 *       fields it changes, {@code ""} clearing one</td></tr>
 *   <tr><td>{@link BatchResult}</td><td>{@code {"succeeded":{"alice":{"k":"v"}},"failed":{"bob":{...}}}},
 *       each failure an exception as below</td></tr>
 *   <tr><td>{@link ImException}</td><td>{@code {"type":"NotFoundException","message":"...",
 *       "field":"userId","details":{...}}}, read back as the class {@code type} names</td></tr>
 *   <tr><td>{@link ErrorDetails}</td><td>{@code {"provider":"easemob","tenant":"acme",
 *       "operation":"profiles.update","httpStatus":404,"vendorCode":"...","retryable":false}}</td></tr>
 * </table>
 *
 * <p>Register it with {@code mapper.registerModule(new ImfacadeModule())}, or let {@code
 * ObjectMapper.findAndRegisterModules()} find it (it is listed in {@code
 * META-INF/services/com.fasterxml.jackson.databind.Module}). Unknown properties are handled as the
 * mapper is configured ({@code FAIL_ON_UNKNOWN_PROPERTIES}); a value the model refuses (a blank user
 * id, a page size of 0) fails like any value Jackson cannot build, with the model's {@link
 * io.imfacade.error.InvalidRequestException} as the cause.
 *
 * <p>Without it, Jackson writes a profile as a bean ({@code "empty":false} and every null field),
 * finds no property in {@link Page} or {@link BatchResult}, and writes an exception's stack trace.
 */
public final class ImfacadeModule extends SimpleModule {

  private static final long serialVersionUID = 1L;

  /** The module. */
  @SuppressWarnings("unchecked")
  public ImfacadeModule() {
    super("imfacade", Version.unknownVersion());
    addSerializer(UserProfile.class, new ProfileJson.Serializer());
    addDeserializer(UserProfile.class, new ProfileJson.Deserializer());
    addSerializer(Contact.class, new ContactJson.Serializer());
    addDeserializer(Contact.class, new ContactJson.Deserializer());
    addSerializer(Page.class, new PageJson.Serializer());
    addDeserializer(Page.class, new PageJson.Deserializer());
    addSerializer(PageRequest.class, new PageRequestJson.Serializer());
    addDeserializer(PageRequest.class, new PageRequestJson.Deserializer());
    addSerializer(ProfileUpdate.class, new ProfileUpdateJson.Serializer());
    addDeserializer(ProfileUpdate.class, new ProfileUpdateJson.Deserializer());
    addSerializer(ErrorDetails.class, new ErrorDetailsJson.Serializer());
    addDeserializer(ErrorDetails.class, new ErrorDetailsJson.Deserializer());
    addSerializer(BatchResult.class, new BatchResultJson.Serializer());
    addDeserializer(BatchResult.class, new BatchResultJson.Deserializer());
    // One serializer for the whole hierarchy (subclasses found through their superclass); one
    // deserializer per neutral class, since deserializers are looked up by exact class.
    addSerializer(ImException.class, new ImExceptionJson.Serializer());
    for (Class<? extends ImException> type : ImExceptionJson.NEUTRAL) {
      addDeserializer((Class<ImException>) type, new ImExceptionJson.Deserializer(type));
    }
  }

  /** The class name: registering the module twice on one mapper is a no-op. */
  @Override
  public Object getTypeId() {
    return ImfacadeModule.class.getName();
  }
}
