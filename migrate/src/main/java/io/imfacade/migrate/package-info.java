/**
 * Switching vendor: moving users' data from one provider to another through the neutral API, with
 * progress, resume, a dry run, verification and a per-user failure report. Start at {@link
 * io.imfacade.migrate.Migration}.
 *
 * <h2>The dump</h2>
 *
 * <p>An export writes newline-delimited JSON (UTF-8), one record per line, each with a {@code
 * type}. Format version 1:
 *
 * <pre>
 * {"type":"header","format":"imfacade-dump","version":1,"source":"easemob","created":"2026-01-05T10:00:00Z",
 *  "capabilities":["PROFILE_CUSTOM_ATTRIBUTES","CONTACT_REMARK","BLOCK_LIST","GROUP_MEMBER_ATTRIBUTES"]}
 * {"type":"user","userId":"alice","profile":{"userId":"alice","nickname":"Alice 🌸","customAttributes":{"level":"3"}},
 *  "contacts":[{"userId":"bob","remark":"Bobby"}],"blocked":["carol"]}
 * {"type":"group","groupId":"1234","name":"Team","owner":"alice","description":"...","maxMembers":200}
 * {"type":"member","groupId":"1234","userId":"alice","attributes":{"nick":"A"}}
 * {"type":"end","users":1,"groups":1,"members":1}
 * </pre>
 *
 * <p>The header names the format version, the source provider and the source's capabilities that
 * decide what the records can hold ({@code blocked} is absent without a block list, {@code
 * attributes} without member attributes). Users come first, sorted by id, then each group followed
 * by its members, the owner included. The {@code end} record tells a complete dump from one whose
 * export stopped midway. Unknown fields are ignored, so that a later version may add some; a later
 * version number is refused. The dump holds no secret: passwords and tokens cannot be read from a
 * vendor, and neither the configuration nor a credential is ever written. It is written and read
 * as a stream: an export holds a few users at a time, an import the sorted list of user ids.
 *
 * <h2>What a run reports</h2>
 *
 * <p>Each thing a run could not carry over is one JSON line of its failures file ({@link
 * io.imfacade.migrate.Failure}), with the user (or group) and the reason, and is counted in the
 * {@link io.imfacade.migrate.Summary}: a capability the target lacks (custom profile attributes on
 * NetEase), a value over the target's limit (a 40-character birth on NetEase's 16), a full contact
 * or block list, a contact or member who is not one of the users migrated, a user the source does
 * not have. The rest of the record is written. A dry run reports the same from the target's
 * {@link io.imfacade.spi.ProviderMetadata} without writing anything; verification reads the target
 * back and reports every difference (phase {@code verify}).
 *
 * <h2>Resuming</h2>
 *
 * <p>The checkpoint records the phase and how many records of it are done, counting only a prefix
 * of records whose results were written durably; a resumed run redoes the records after it. Every
 * write is idempotent (registering an existing account counts as skipped; profiles, remarks and
 * attributes are set; contacts, blocks and members are added), so redoing duplicates nothing. A
 * group's creation is the one write that is not: the checkpoint records that it is under way before
 * it is sent and the target's new id as soon as the target answers. Only a run killed while that
 * one request is in flight can leave a group the checkpoint does not know; the resumed run then
 * reports it in the failures file, with owner and name, so that the copy can be found and deleted.
 */
@NullMarked
package io.imfacade.migrate;

import org.jspecify.annotations.NullMarked;
