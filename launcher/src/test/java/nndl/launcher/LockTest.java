package nndl.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class LockTest {
    @Test
    void theOwnerTextNamesCommandPidAndTime() {
        assertEquals("./workbook run, pid 4242, since 09:05:07\n", Lock.ownerText("run", 4242, LocalTime.of(9, 5, 7)));
    }

    @Test
    void theRefusalNamesTheHolder() {
        String self = Lock.ownerText("run", ProcessHandle.current().pid(), LocalTime.of(21, 0)).strip();
        assertEquals("another ./workbook is running in this tree (" + self + "); wait for it to end or stop it, then run again "
                + "(the lock is build/.lock)", Lock.refusal(self));
    }

    @Test
    void aHolderWhoseProcessIsGoneIsSaid() {
        assertTrue(Lock.refusal("./workbook lab, pid 999999999, since 10:00:00")
                .contains("pid 999999999, since 10:00:00; that process is gone but one it started still holds the lock"));
    }

    @Test
    void noOwnerFileStillGivesAMessage() {
        assertTrue(Lock.refusal("").startsWith("another ./workbook is running in this tree (see build/.lock.owner)"));
    }
}
