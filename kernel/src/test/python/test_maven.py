"""%maven, %mavenRepo and %%loadFromPOM on the real kernel, resolving from Maven Central into the
user's local repository (~/.m2/repository; a jar already there is used without the network)."""
import time
import unittest

from kernel_support import execute, result_text, stream_text
from test_session import OneKernel


class Maven(OneKernel):
    def test_1_maven_makes_a_library_usable(self):
        started = time.monotonic()
        content, messages = execute(self.client, "%maven org.apache.commons:commons-math3:3.6.1", timeout=300)
        print("\n    %%maven commons-math3: %.2f s (%s)" % (time.monotonic() - started, stream_text(messages).strip()))
        self.assertEqual(content["status"], "ok", content)
        self.assertIn("added commons-math3-3.6.1.jar", stream_text(messages))
        content, messages = execute(self.client, "var stats = new org.apache.commons.math3.stat.descriptive.DescriptiveStatistics();\n"
                                                 "stats.addValue(1); stats.addValue(3);\nstats.getMean()")
        self.assertEqual(result_text(messages), "2.0")

    def test_2_a_second_request_adds_nothing(self):
        content, messages = execute(self.client, "%%loadFromPOM\n<dependencies>\n  <dependency>\n"
                                                 "    <groupId>org.apache.commons</groupId><artifactId>commons-math3</artifactId>\n"
                                                 "    <version>${math.version}</version>\n  </dependency>\n</dependencies>\n"
                                                 "<properties><math.version>3.6.1</math.version></properties>", timeout=300)
        self.assertEqual(content["status"], "ok", content)
        self.assertIn("nothing new to add", stream_text(messages))

    def test_3_a_jar_the_kernel_carries_is_not_loaded_twice(self):
        content, messages = execute(self.client, "%maven com.google.code.gson:gson:2.10.1", timeout=300)
        self.assertEqual(content["status"], "ok", content)
        self.assertIn("kept com.google.code.gson:gson 2.11.0 from the kernel (not 2.10.1", stream_text(messages))

    def test_4_a_failed_resolution_names_the_coordinate(self):
        content, _ = execute(self.client, "%maven org.nndl.nowhere:no-such-artifact:0.0.1", timeout=300)
        self.assertEqual(content["status"], "error")
        self.assertIn("org.nndl.nowhere:no-such-artifact:jar:0.0.1", content["evalue"])
        content, _ = execute(self.client, "%maven not-a-coordinate")
        self.assertEqual(content["status"], "error")
        self.assertIn("'not-a-coordinate' is not a Maven coordinate", content["evalue"])


if __name__ == "__main__":
    unittest.main()
