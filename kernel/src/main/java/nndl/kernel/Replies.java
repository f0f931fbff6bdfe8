package nndl.kernel;

import java.util.List;
import java.util.stream.Collectors;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.ReplyType;
import org.dflib.jjava.jupyter.messages.reply.HistoryReply;
import org.dflib.jjava.jupyter.messages.reply.InterruptReply;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;

/**
 * Replies that jjava-jupyter 1.0-a6 sends without the {@code "status": "ok"} field the Jupyter
 * protocol (5.1+) requires; clients validating messages, such as Debian's jupyter_kernel_test,
 * reject them. The subclasses only add the field, which Gson serializes with the rest.
 */
final class Replies {
    private Replies() {
    }

    /** {@code kernel_info_reply} with its status. */
    static final class KernelInfo extends KernelInfoReply {
        @SuppressWarnings("unused")
        private final String status = "ok";

        KernelInfo(String protocolVersion, String implementation, String version, LanguageInfo language,
                   String banner, List<HelpLink> helpLinks) {
            super(protocolVersion, implementation, version, language, banner, helpLinks);
        }
    }

    /**
     * {@code history_reply} with its status and with each entry as the protocol's
     * {@code [session, line, input]} or {@code [session, line, [input, output]]} array; the
     * library's own reply serializes entries as objects.
     */
    static final class History implements ContentType<History>, ReplyType<HistoryRequest> {
        @SuppressWarnings({"unchecked", "rawtypes"})
        private static final MessageType<History> TYPE = (MessageType) HistoryReply.MESSAGE_TYPE;

        @SuppressWarnings("unused")
        private final String status = "ok";
        @SuppressWarnings("unused")
        private final List<List<Object>> history;

        History(List<HistoryEntry> entries) {
            this.history = entries.stream().map(History::row).collect(Collectors.toList());
        }

        private static List<Object> row(HistoryEntry entry) {
            Object text = entry.hasOutput() ? List.of(entry.getInput(), entry.getOutput()) : entry.getInput();
            return List.of(entry.getSession(), entry.getCellNumber(), text);
        }

        @Override
        public MessageType<History> getType() {
            return TYPE;
        }

        @Override
        public MessageType<HistoryRequest> getRequestType() {
            return HistoryReply.REQUEST_MESSAGE_TYPE;
        }
    }

    /** {@code interrupt_reply} with its status. */
    static final class Interrupt extends InterruptReply {
        @SuppressWarnings("unused")
        private final String status = "ok";
    }
}
