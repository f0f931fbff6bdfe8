package nndl.kernel;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;

/**
 * The inputs (and text outputs) of this kernel session, for Jupyter's history requests
 * (console up-arrow, {@code %history}). Kept in memory only: a restart starts a new history.
 */
final class SessionHistory implements HistoryManager {
    /** The session number reported to clients; there is only the current one. */
    static final int SESSION = 1;

    private final List<HistoryEntry> entries = new ArrayList<>();

    /** The entries a history request asks for (tail, range or search). */
    List<HistoryEntry> answer(HistoryRequest request) {
        Set<ResultFlag> flags = EnumSet.noneOf(ResultFlag.class);
        if (request.includeOutput()) {
            flags.add(ResultFlag.INCLUDE_OUTPUT);
        }
        if (request instanceof HistoryRequest.Tail tail) {
            return lookupTail(tail.getMaxReturnLength(), flags);
        }
        if (request instanceof HistoryRequest.Range range) {
            return lookupRange(range.getSessionIndex(), range.getStart(), range.getStop(), flags);
        }
        if (request instanceof HistoryRequest.Search search) {
            if (search.filterUnique()) {
                flags.add(ResultFlag.UNIQUE);
            }
            return search(search.getPattern(), search.getMaxReturnLength(), flags);
        }
        return List.of();
    }

    /** Records cell {@code count}'s input and the text of its result (empty if none). */
    synchronized void record(int count, String input, String output) {
        entries.add(new HistoryEntry(SESSION, count, input, output == null ? "" : output));
    }

    @Override
    public synchronized List<HistoryEntry> lookupRange(int session, int start, int stop, Set<ResultFlag> flags) {
        List<HistoryEntry> found = new ArrayList<>();
        if (session != SESSION && session != 0) {
            return found;
        }
        for (HistoryEntry entry : entries) {
            if (entry.getCellNumber() >= start && (stop <= 0 || entry.getCellNumber() < stop)) {
                found.add(shaped(entry, flags));
            }
        }
        return found;
    }

    @Override
    public synchronized List<HistoryEntry> lookupTail(int length, Set<ResultFlag> flags) {
        int from = Math.max(0, entries.size() - Math.max(length, 0));
        List<HistoryEntry> found = new ArrayList<>();
        for (HistoryEntry entry : entries.subList(from, entries.size())) {
            found.add(shaped(entry, flags));
        }
        return found;
    }

    /**
     * Entries whose input matches {@code pattern}, a glob over the whole input where {@code *}
     * is any text and {@code ?} one character; the last {@code length} of them (all if not positive).
     */
    @Override
    public synchronized List<HistoryEntry> search(String pattern, int length, Set<ResultFlag> flags) {
        Pattern regex = globToRegex(pattern);
        List<HistoryEntry> found = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            HistoryEntry entry = entries.get(i);
            boolean fresh = !flags.contains(ResultFlag.UNIQUE) || seen.add(entry.getInput());
            if (regex.matcher(entry.getInput()).matches() && fresh) {
                found.add(0, shaped(entry, flags));
                if (length > 0 && found.size() == length) {
                    break;
                }
            }
        }
        return found;
    }

    static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static HistoryEntry shaped(HistoryEntry entry, Set<ResultFlag> flags) {
        String output = flags.contains(ResultFlag.INCLUDE_OUTPUT) ? entry.getOutput() : null;
        return new HistoryEntry(entry.getSession(), entry.getCellNumber(), entry.getInput(), output);
    }
}
