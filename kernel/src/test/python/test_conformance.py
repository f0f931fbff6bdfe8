"""Debian's jupyter_kernel_test conformance suite against the `java` kernel."""
import unittest

import jupyter_kernel_test

import kernel_support


class JavaKernelConformance(jupyter_kernel_test.KernelTests):
    kernel_name = kernel_support.KERNEL_NAME
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("oops");'

    completion_samples = [
        {"text": "Math.ab", "matches": {"abs(", "absExact("}},
        {"text": "int a = 1;\n\"abc\".toUpperC", "matches": {"toUpperCase("}},
        {"text": "%cl", "matches": {"%classpath"}},
    ]

    complete_code_samples = ["1+1", "int x = 1;", "System.out.println(\"hi\");", "%time 1+1",
                             "void f() {\n    return;\n}"]
    incomplete_code_samples = ["int x = ", "for (int i = 0; i < 3; i++) {", "class A {", "foo("]
    invalid_code_samples = ["}", "\"abc", "else {}"]

    code_generate_error = 'throw new IllegalStateException("expected failure");'

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": "\"a\" + \"b\"", "result": "ab"},
        {"code": "new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB)",
         "mime": "image/png"},
    ]

    code_display_data = [
        {"code": "display(new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB));",
         "mime": "image/png"},
        {"code": "display(\"plain text\");", "mime": "text/plain"},
    ]

    code_history_pattern = "6*7"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "Math.abs"

    code_clear_output = "clearOutput();"


if __name__ == "__main__":
    unittest.main()
