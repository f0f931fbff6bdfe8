package nndl.launcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * One ./workbook at a time per tree: an exclusive lock on build/.lock, held until the command ends. A
 * command that holds it exports WORKBOOK_LOCKED=&lt;root&gt;; a nested ./workbook in the same tree sees
 * it and goes on. The holder's command, pid and start time are in build/.lock.owner for the message.
 */
public final class Lock {
    private static FileChannel channel;
    private static FileLock lock;

    private Lock() {
    }

    /**
     * Takes the tree's lock for {@code command} (e.g. "run"), unless a parent ./workbook in this tree
     * holds it.
     *
     * @throws Die naming the holder when another ./workbook holds it
     */
    public static void take(Tree tree, String command) {
        if (tree.root().toString().equals(Proc.ENV.get("WORKBOOK_LOCKED"))) {
            return;
        }
        Path file = tree.lock();
        Path ownerFile = tree.lockOwner();
        try {
            Files.createDirectories(tree.build());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            lock = channel.tryLock();
            if (lock == null) {
                String owner = Files.isRegularFile(ownerFile) ? Files.readString(ownerFile).strip() : "";
                throw new Die(refusal(owner));
            }
            Files.writeString(ownerFile, ownerText(command, ProcessHandle.current().pid(), LocalTime.now()),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Die("cannot lock " + file + ": " + e.getMessage());
        }
        Proc.ENV.put("WORKBOOK_LOCKED", tree.root().toString());
    }

    /** Returns the text of build/.lock.owner: {@code ./workbook run, pid 123, since 21:30:05} and a newline. */
    static String ownerText(String command, long pid, LocalTime since) {
        return "./workbook " + command + ", pid " + pid + ", since " + since.format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "\n";
    }

    /** Returns the message refusing a second ./workbook, given the holder's owner text (or ""). */
    static String refusal(String owner) {
        int at = owner.indexOf("pid ");
        if (at >= 0) {
            String pid = owner.substring(at + 4).split(",", 2)[0].strip();
            boolean alive;
            try {
                alive = ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
            } catch (NumberFormatException e) {
                alive = true;
            }
            if (!alive) {
                owner += "; that process is gone but one it started still holds the lock: see fuser -v build/.lock";
            }
        }
        return "another ./workbook is running in this tree (" + (owner.isEmpty() ? "see build/.lock.owner" : owner)
                + "); wait for it to end or stop it, then run again (the lock is build/.lock)";
    }

    /** Releases the lock (lab: it covers the set-up, not the Jupyter session) and stops exporting it. */
    public static void release(Tree tree) {
        try {
            if (lock != null) {
                lock.release();
                channel.close();
            }
        } catch (IOException e) {
            // the lock ends with this process anyway
        }
        if (lock != null) {
            Proc.ENV.remove("WORKBOOK_LOCKED");
        }
        lock = null;
    }
}
