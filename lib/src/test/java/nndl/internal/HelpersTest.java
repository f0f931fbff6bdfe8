package nndl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Helpers run what they are given, whether they are still watching their mailbox or asleep. */
class HelpersTest {
    @Test
    void aTaskGivenWhileTheHelperWatchesRunsOnIt() throws InterruptedException {
        Helpers helpers = new Helpers(2, "helpers-test");
        for (int round = 0; round < 50; round++) {
            CountDownLatch done = new CountDownLatch(2);
            String[] names = new String[2];
            for (int helper = 0; helper < 2; helper++) {
                int h = helper;
                helpers.give(helper, () -> {
                    names[h] = Thread.currentThread().getName();
                    done.countDown();
                });
            }
            assertTrue(done.await(10, TimeUnit.SECONDS), "round " + round);
            assertEquals("helpers-test-1", names[0]);
            assertEquals("helpers-test-2", names[1]);
        }
    }

    @Test
    void aHelperAsleepIsWokenByItsNextTask() throws InterruptedException {
        Helpers helpers = new Helpers(1, "helpers-sleep");
        CountDownLatch first = new CountDownLatch(1);
        helpers.give(0, first::countDown);
        assertTrue(first.await(10, TimeUnit.SECONDS));
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(Helpers.SPIN_NANOS) * 5 + 20);
        CountDownLatch second = new CountDownLatch(1);
        helpers.give(0, second::countDown);
        assertTrue(second.await(10, TimeUnit.SECONDS), "woken from sleep");
    }

    @Test
    void aTaskNotYetTakenIsReplacedByTheNext() throws InterruptedException {
        Helpers helpers = new Helpers(1, "helpers-replace");
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        helpers.give(0, () -> {
            busy.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(busy.await(10, TimeUnit.SECONDS));
        AtomicInteger ran = new AtomicInteger();
        CountDownLatch last = new CountDownLatch(1);
        helpers.give(0, () -> ran.addAndGet(1));
        helpers.give(0, () -> {
            ran.addAndGet(10);
            last.countDown();
        });
        release.countDown();
        assertTrue(last.await(10, TimeUnit.SECONDS));
        assertEquals(10, ran.get(), "only the last task given while the helper was busy ran");
    }
}
