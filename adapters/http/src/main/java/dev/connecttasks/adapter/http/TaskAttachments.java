package dev.connecttasks.adapter.http;

import dev.connecttasks.domain.error.InvalidParameterException;
import dev.connecttasks.domain.error.InvalidRequestException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.rules.Refusals;
import java.util.List;

/**
 * StartTaskContact's {@code Attachments}: checked as the API model says (at most 5; each a FileName of
 * 1 to 256 characters without control characters and an S3Url of 1 to 2,000), then refused, since
 * connect-tasks keeps no files. A request is never answered as if its attachments had been kept.
 * An empty list attaches nothing and passes.
 */
final class TaskAttachments {

    static final int MAX = 5;

    private TaskAttachments() {
    }

    static void refuse(List<HttpMembers> attachments) {
        if (attachments == null || attachments.isEmpty()) {
            return;
        }
        if (attachments.size() > MAX) {
            throw new InvalidParameterException(Reason.INVALID_LENGTH, "Attachments must hold at most " + MAX + " attachments (was "
                    + attachments.size() + ")");
        }
        for (int i = 0; i < attachments.size(); i++) {
            HttpMembers attachment = attachments.get(i);
            String fileName = required(attachment.string("FileName"), "Attachments[" + i + "].FileName");
            Refusals.text(fileName, "Attachments[" + i + "].FileName", 1, 256);
            if (fileName.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL)) {
                throw new InvalidParameterException(Reason.INVALID_CHARACTERS, "Attachments[" + i + "].FileName must not contain control "
                        + "characters");
            }
            Refusals.text(required(attachment.string("S3Url"), "Attachments[" + i + "].S3Url"), "Attachments[" + i + "].S3Url", 1, 2_000);
        }
        throw new InvalidRequestException(Reason.ATTACHMENTS_NOT_SUPPORTED, "Attachments are not supported: connect-tasks keeps no "
                + "files, so it refuses a task with " + attachments.size() + " attachment(s) rather than start it without them");
    }

    private static String required(String value, String member) {
        if (value == null) {
            throw new InvalidParameterException(Reason.MISSING_PARAMETER, member + " is required");
        }
        return value;
    }
}
