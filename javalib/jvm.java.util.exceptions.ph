// The java.util exceptions (docs/JAVA.md).
package .jvm.java.util;

class NoSuchElementException extends .jvm.java.lang.RuntimeException {};
class ConcurrentModificationException extends .jvm.java.lang.RuntimeException {};
